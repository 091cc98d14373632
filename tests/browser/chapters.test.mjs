// The chapters in a real browser: every chapter renders in English and Chinese with no console error,
// CSP violation or missing locale key; every live figure shows the engine's numbers (checked against
// the same engine run here in Node); keyboard, try-this links and chapter hashes; no sideways scroll
// at 375 px; screenshots at 1280 and 375 px in both languages (and dark) in test-results/screenshots/.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import createActLab from '../../web/engine/actlab.js';
import { startHarness, openPage, cspViolations, screenshot } from './helpers.mjs';
import { chainGradients } from '../../web/js/chapters/figures/vanishing.js';
import { sameSignSample, SAME_SIGN_SETUP } from '../../web/js/chapters/figures/same-sign.js';
import { sparsityNetwork } from '../../web/js/chapters/figures/sparsity-map.js';
import { trainDeadStart } from '../../web/js/chapters/figures/dead-start.js';
import { standardExperiment } from '../../web/js/chapters/figures/summary-table.js';
import { ACTIVATION_NAMES } from '../../web/js/kit/activations.js';
import { stackOutputs } from '../../web/js/widgets/linear-stack/compute.js';

const CHAPTERS = ['why', 'stepper', 'criteria', 'sigmoid', 'tanh', 'relu', 'leaky-relu', 'prelu', 'summary'];
const TITLES = {
  en: { why: 'Why a network needs activation functions', sigmoid: 'Sigmoid', summary: 'Summary: the activations side by side' },
  'zh-CN': { why: '为什么网络需要激活函数', sigmoid: 'Sigmoid 激活函数', summary: '总结：各激活函数横向对比' },
};

let harness;
let engine;
test.before(async () => {
  harness = await startHarness();
  engine = await createActLab();
});
test.after(async () => { await harness.close(); });

/**
 * Load the notebook, bring the figures of `ids` (default: every chapter) into view — they compute
 * when they come near the viewport — and wait until all of them are drawn from engine numbers.
 */
async function openChapters(options = {}, { hash = '', ids = CHAPTERS } = {}) {
  const { page, problems, context } = await openPage(harness, { height: 900, ...options });
  await page.goto(`${harness.url}${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  const selector = ids.map((id) => `#${id} .chapter-figure`).join(', ');
  for (const figure of await page.$$(selector)) await figure.scrollIntoViewIfNeeded();
  await page.waitForFunction((css) => [...document.querySelectorAll(css)].every((figure) => figure.dataset.state === 'ready'),
    selector, { timeout: 180000, polling: 250 });
  await page.evaluate(() => document.fonts.ready);
  return { page, problems, context };
}

const value = (page, selector) => page.$eval(selector, (el) => Number(el.dataset.value));
const values = (page, selector) => page.$$eval(selector, (els) => els.map((el) => Number(el.dataset.value)));
const noHorizontalScroll = async (page) => {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`);
};
const missingKeys = async (page) => (await page.evaluate(() => document.body.innerText)).match(/⟦[^⟧]*⟧/g) || [];

async function shoot(page, prefix, ids) {
  const files = [];
  for (const id of ids) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    files.push(await screenshot(page, `chapters-${id}-${prefix}`, `#${id}`));
  }
  for (const file of files) assert.ok(fs.statSync(file).size > 5000, file);
}

test('English, 1280 px: every chapter renders and every live figure shows the engine’s numbers', async (t) => {
  const { page, problems, context } = await openChapters({ locale: 'en-US', width: 1280 });

  await t.test('every chapter is there, numbered, with its sources and a try-this link', async () => {
    for (const [index, id] of CHAPTERS.entries()) {
      const text = await page.textContent(`#${id} .chapter-line`);
      assert.match(text, new RegExp(`Chapter ${index + 1}`), id);
      assert.ok(await page.$(`#${id} .chapter-try a[href^="#"]`), `${id}: try-this link`);
      assert.ok(await page.$(`#${id} .chapter-builds a[data-section-link]`), `${id}: builds on`);
      assert.ok((await page.$$(`#${id} .chapter-sources li`)).length >= 1, `${id}: sources`);
    }
    assert.equal(await page.textContent('#why-title'), TITLES.en.why);
    assert.equal(await page.textContent('#summary-title'), TITLES.en.summary);
    // The reading order: about, the nine chapters, then the other sections.
    const order = await page.$$eval('.notebook-section', (els) => els.map((el) => el.id));
    assert.deepEqual(order.slice(0, 10), ['about', ...CHAPTERS]);
    assert.deepEqual(await missingKeys(page), []);
  });

  await t.test('chapter 1: the stack of linear maps is a line to 1e-9, and bends with an activation', async () => {
    const xs = await values(page, '#why .lstack-samples tbody th');
    const ys = await values(page, '#why [data-key="linear"]');
    assert.equal(xs.length, 5);
    const slope = (ys[4] - ys[0]) / (xs[4] - xs[0]);
    for (let k = 0; k < 5; k += 1) assert.ok(Math.abs(ys[k] - (ys[0] + slope * (xs[k] - xs[0]))) < 1e-9, `point ${k}`);
    const state = { weights: [1.5, -0.8], biases: [0.5, 1] };
    assert.deepEqual(ys, stackOutputs(engine, state, 'identity', xs), 'the engine’s outputs, unchanged');
    assert.ok(Number(await page.getAttribute('#why [data-key="linear-verdict"]', 'data-deviation')) < 1e-9);
    await page.check('#why [data-field="active"]');
    await page.waitForSelector('#why [data-key="bent"]');
    const bent = await values(page, '#why [data-key="bent"]');
    assert.deepEqual(bent, stackOutputs(engine, state, 'tanh', xs));
    const bentSlope = (bent[4] - bent[0]) / (xs[4] - xs[0]);
    const gap = Math.max(...bent.map((y, k) => Math.abs(y - (bent[0] + bentSlope * (xs[k] - xs[0])))));
    assert.ok(gap > 0.05, `tanh bends the stack (largest gap ${gap})`);
    await page.waitForFunction(() => window.location.hash.startsWith('#why?') && window.location.hash.includes('on=1'));
    await page.uncheck('#why [data-field="active"]');
  });

  await t.test('chapter 3: the criteria checker measures the chosen activation', async () => {
    assert.equal(await page.getAttribute('#criteria [data-criterion="centred"]', 'data-verdict'), 'no');
    assert.equal(await page.getAttribute('#criteria [data-criterion="saturation"]', 'data-verdict'), 'no');
    assert.equal(await page.getAttribute('#criteria [data-criterion="nonlinear"]', 'data-verdict'), 'yes');
    await page.selectOption('#criteria [data-field="act"]', 'gelu');
    await page.waitForFunction(() => document.querySelector('#criteria [data-criterion="monotonic"]').dataset.verdict === 'no');
    await page.selectOption('#criteria [data-field="act"]', 'identity');
    await page.waitForFunction(() => document.querySelector('#criteria [data-criterion="nonlinear"]').dataset.verdict === 'no');
  });

  await t.test('chapter 4: sigmoid’s largest derivative reads 0.25, from the engine', async () => {
    const peak = engine.evaluate({ curve: { activation: 'sigmoid', points: [0] } }).curve.peak_derivative;
    assert.equal(peak, 0.25);
    assert.equal(await page.textContent('#sigmoid .actlab-aplot [data-key="peak"]'), '0.25');
    assert.equal(await value(page, '#sigmoid .actlab-aplot [data-key="peak"]'), peak);
    assert.equal(await value(page, '#sigmoid .actlab-aplot [data-key="derivative"]'), 0.25);
  });

  await t.test('chapter 4: the point moves with the keyboard and the readout follows the engine', async () => {
    await page.focus('#sigmoid .actlab-aplot [data-field="point"]');
    for (let k = 0; k < 10; k += 1) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#sigmoid .actlab-aplot [data-key="value"]').dataset.value !== '0.5');
    const curve = engine.evaluate({ curve: { activation: 'sigmoid', points: [0.5] } }).curve;
    assert.equal(await value(page, '#sigmoid .actlab-aplot [data-key="value"]'), curve.values[0]);
    assert.equal(await value(page, '#sigmoid .actlab-aplot [data-key="derivative"]'), curve.derivatives[0]);
    assert.match(await page.getAttribute('#sigmoid .actlab-aplot [data-field="point"]', 'aria-valuetext'), /y = 0\.5/);
    // A click on the plot moves the point there too.
    const box = await page.locator('#sigmoid .actlab-aplot .plot-svg').boundingBox();
    await page.mouse.click(box.x + box.width * 0.85, box.y + box.height / 2);
    await page.waitForFunction(() => Number(document.querySelector('#sigmoid .actlab-aplot [data-field="point"]').value) > 3);
  });

  await t.test('chapter 4: sigmoid inputs always give same-sign gradients, tanh inputs do not', async () => {
    const data = engine.evaluate({ dataset: SAME_SIGN_SETUP.dataset }).dataset;
    const sigmoid = sameSignSample(engine, 'sigmoid', 5, data);
    const tanh = sameSignSample(engine, 'tanh', 5, data);
    assert.equal(sigmoid.share, 1);
    assert.ok(tanh.share < 0.9);
    assert.equal(await value(page, '#sigmoid [data-key="share-sigmoid"]'), sigmoid.share);
    assert.equal(await value(page, '#sigmoid [data-key="share-tanh"]'), tanh.share);
  });

  await t.test('chapter 4: the first layer’s gradient is below the (1/4)^depth bound shown', async () => {
    const gradient = await value(page, '#sigmoid [data-key="first-gradient"]');
    const bound = await value(page, '#sigmoid [data-key="first-bound"]');
    assert.ok(gradient > 0 && gradient < bound, `${gradient} < ${bound}`);
    // The bound written out here from the engine's response: |∂L/∂a_6| · (1/4)^6 · |w|^5 · |x|.
    const response = engine.evaluate({
      input_size: 1, layers: Array.from({ length: 6 }, () => ({ units: 1, activation: 'sigmoid' })),
      weights: Array.from({ length: 6 }, () => [[1]]), biases: Array.from({ length: 6 }, () => [0]),
      inputs: [[1]], targets: [[0]], loss: 'mse',
    });
    const expected = Math.abs(response.layers[5].grad_activations[0][0]) * 0.25 ** 6;
    assert.ok(Math.abs(bound - expected) <= 1e-15 * expected, `${bound} vs ${expected}`);
    assert.equal(gradient, response.layers[0].statistics.gradient_norm);
    assert.deepEqual(await values(page, '#sigmoid [data-figure="vanishing"] [data-key="gradient"]'),
      chainGradients(engine, { depth: 6, w: 1, b: 0 }).rows.map((row) => row.gradient));
  });

  await t.test('chapter 5: tanh(y) = 2σ(2y) − 1 to rounding; the article’s formula is tanh(y/2)', async () => {
    assert.ok(await value(page, '#tanh [data-key="identity-gap"]') < 1e-12);
    await page.selectOption('#tanh [data-field="compare"]', 'article-tanh');
    await page.waitForSelector('#tanh [data-key="article-value"]');
    const half = engine.evaluate({ curve: { activation: 'tanh', points: [0.5, 1] } }).curve.values;
    assert.ok(Math.abs(await value(page, '#tanh [data-key="article-value"]') - half[0]) < 1e-12);
    assert.equal(await value(page, '#tanh [data-key="value"]'), half[1]);
    assert.ok(Math.abs(await value(page, '#tanh [data-key="mean"]')) < 1e-12, 'zero-centred over a symmetric range');
    assert.ok(Math.abs(await value(page, '#tanh [data-key="tanh-mean"]')) < 1e-12);
    assert.ok(Math.abs(await value(page, '#tanh [data-key="sigmoid-mean"]') - 0.5) < 1e-12);
    assert.ok(await value(page, '#tanh [data-key="tanh-saturation"]') > 0, 'still saturating');
  });

  await t.test('chapter 6: the sparsity map shows the engine’s statistics', async () => {
    const expected = sparsityNetwork(engine, { seed: 1, bias: 0 });
    assert.equal(await value(page, '#relu [data-key="sparsity-1"]'), expected.layers[0].statistics.sparsity_fraction);
    assert.equal(await value(page, '#relu [data-key="sparsity-2"]'), expected.layers[1].statistics.sparsity_fraction);
    assert.equal(await value(page, '#relu [data-key="mean-1"]'), expected.layers[0].statistics.activation_mean);
    const on = await page.$$eval('#relu .sparsity-layer[data-layer="1"] .sparsity-on', (els) => els.length);
    const positives = expected.layers[0].activations.flat().filter((a) => a > 0).length;
    assert.equal(on, positives, 'one filled cell per positive output');
    assert.ok((await page.getAttribute('#relu .sparsity-map', 'aria-label')).length > 10);
  });

  await t.test('chapters 6–8: the dead-start network dies with ReLU and recovers with Leaky ReLU and PReLU', async () => {
    const runs = [
      { id: 'relu', activation: 'relu' }, { id: 'leaky_relu', activation: 'leaky_relu', slope: 0.01 },
      { id: 'prelu_shared', activation: 'prelu', alpha: 0.25, perUnit: false },
      { id: 'prelu_unit', activation: 'prelu', alpha: 0.25, perUnit: true },
    ];
    const history = await trainDeadStart(engine, runs, -2, { pause: async () => {} });
    const last = (array) => array[array.length - 1];
    const cell = (figure, run, key) => value(page, `[data-figure="${figure}"] [data-run="${run}"] [data-key="${key}"]`);
    assert.equal(await cell('dead-start-relu', 'relu', 'loss'), last(history.relu.loss));
    assert.equal(await cell('dead-start-relu', 'relu', 'no-gradient'), last(history.relu.noGradient));
    assert.ok(last(history.relu.noGradient) >= 10, 'most ReLU units get no gradient at all');
    assert.equal(await cell('dead-start-relu', 'relu', 'moved'), 0, 'their weights never move');
    assert.equal(await cell('dead-start-leaky', 'leaky_relu', 'no-gradient'), 0);
    assert.equal(await cell('dead-start-leaky', 'leaky_relu', 'loss'), last(history.leaky_relu.loss));
    assert.ok(last(history.leaky_relu.loss) < last(history.relu.loss) / 2);
    for (const run of ['prelu_shared', 'prelu_unit']) {
      assert.equal(await cell('dead-start-prelu', run, 'loss'), last(history[run].loss), run);
      assert.equal(await cell('dead-start-prelu', run, 'no-gradient'), 0, run);
    }
    assert.equal(await value(page, '[data-figure="dead-start-prelu"] [data-key="alpha-prelu_shared"]'), last(history.prelu_shared.alpha)[0]);
  });

  await t.test('chapter 8: the stepper link shows dP/dα = z', async () => {
    await page.click('#prelu a[href^="#stepper?"]');
    await page.waitForFunction(() => document.querySelector('.actlab-stepper').dataset.step === '14');
    const equation = await page.textContent('.stepper-equation');
    assert.match(equation, /α/);
    assert.match(equation, /−1\.1/);
  });

  await t.test('chapter 9: the summary table is filled by the engine’s standard experiment', async () => {
    const rows = await page.$$eval('#summary .summary-table tbody tr', (els) => els.map((el) => el.dataset.activation));
    assert.deepEqual(rows, ACTIVATION_NAMES); // a row per activation of the engine's catalogue, in its order
    const relu = standardExperiment(engine, 'relu');
    const cell = (activation, key) => value(page, `#summary tr[data-activation="${activation}"] [data-key="${key}"]`);
    assert.equal(await cell('relu', 'loss'), relu.loss);
    assert.equal(await cell('relu', 'sparsity'), relu.sparsity);
    assert.equal(await cell('relu', 'dead'), relu.dead);
    assert.ok(relu.sparsity > 0.3);
    assert.equal(await cell('sigmoid', 'sparsity'), 0);
    assert.equal(await cell('identity', 'saturation'), 0);
    assert.ok(Math.abs(await cell('tanh', 'mean')) < 0.05);
    assert.ok(await cell('sigmoid', 'flow') < 0.2, 'the gradient vanishes through sigmoid layers');
    assert.ok(await cell('gelu', 'time') > 0);
  });

  await t.test('a try-this link applies its state: the saturated sigmoid chain', async () => {
    const before = await value(page, '#sigmoid [data-key="first-gradient"]');
    await page.click('#sigmoid .chapter-try a');
    await page.waitForFunction(() => document.querySelector('#sigmoid [data-field="b"]').value === '4');
    await page.waitForFunction((old) => Number(document.querySelector('#sigmoid [data-key="first-gradient"]').dataset.value) < old / 1000, before);
    assert.match(await page.evaluate(() => window.location.hash), /^#sigmoid\?.*b=4/);
    assert.equal(await page.$$eval('.notice--invalid', (els) => els.length), 0);
  });

  await t.test('screenshots at 1280 px, in English', async () => {
    await shoot(page, 'en-1280', ['why', 'sigmoid', 'relu', 'prelu', 'summary']);
  });

  await t.test('at 375 px nothing scrolls sideways, with every figure drawn; screenshots', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300); // the plots redraw at their new width
    await noHorizontalScroll(page);
    await shoot(page, 'en-375', ['why', 'sigmoid', 'summary']);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await t.test('switching to Chinese re-renders every chapter and keeps the figures; screenshots', async () => {
    await page.click('button[data-lang="zh-CN"]');
    await page.waitForFunction(() => document.querySelector('#why-title').textContent === '为什么网络需要激活函数');
    await page.waitForFunction(() => document.querySelector('#sigmoid .chapter-line').textContent.includes('第 4 章'));
    assert.equal(await page.textContent('#sigmoid .actlab-aplot [data-key="peak"]'), '0.25');
    assert.match(await page.textContent('[data-figure="vanishing"] .chapter-figure-title'), /梯度/);
    assert.match(await page.textContent('#summary .summary-table thead'), /饱和/);
    assert.deepEqual(await missingKeys(page), []);
    await shoot(page, 'zh-CN-1280', ['why', 'tanh', 'summary']);
  });

  await t.test('dark theme: the chapters and widgets follow the system setting; screenshots', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const colours = await page.evaluate(() => ({
      figure: getComputedStyle(document.querySelector('#sigmoid .chapter-figure')).backgroundColor,
      widget: getComputedStyle(document.querySelector('#sigmoid .actlab-aplot')).backgroundColor,
      stack: getComputedStyle(document.querySelector('#why .actlab-lstack')).backgroundColor,
      line: getComputedStyle(document.querySelector('#sigmoid .actlab-aplot .plot-line')).stroke,
    }));
    assert.deepEqual(colours, { figure: 'rgb(28, 32, 38)', widget: 'rgb(28, 32, 38)', stack: 'rgb(28, 32, 38)', line: 'rgb(140, 184, 255)' });
    await shoot(page, 'zh-CN-1280-dark', ['sigmoid']);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('Chinese, 375 px, loaded fresh: every chapter renders, every figure computes, nothing scrolls sideways', async () => {
  const { page, problems, context } = await openChapters({ locale: 'zh-CN', width: 375, height: 800 });
  for (const [index, id] of CHAPTERS.entries()) {
    assert.ok((await page.textContent(`#${id}-title`)).trim().length > 0, id);
    assert.match(await page.textContent(`#${id} .chapter-line`), new RegExp(`第 ${index + 1} 章`), id);
  }
  assert.equal(await page.textContent('#sigmoid-title'), TITLES['zh-CN'].sigmoid);
  assert.equal(await page.textContent('#summary-title'), TITLES['zh-CN'].summary);
  assert.deepEqual(await missingKeys(page), []);
  await noHorizontalScroll(page);
  await shoot(page, 'zh-CN-375', ['why', 'criteria', 'relu', 'summary']);
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('chapter links: a malformed one is rejected with a notice, a shared one is restored', async () => {
  const { page, problems, context } = await openPage(harness, { locale: 'en-US', width: 1280 });
  // On load …
  await page.goto(`${harness.url}#sigmoid?v=1&y=999`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('.notice--invalid');
  assert.equal(await page.evaluate(() => window.location.hash), '', 'the URL is cleaned');
  assert.equal(await value(page, '#sigmoid .actlab-aplot [data-key="value"]'), 0.5, 'the defaults load');
  await page.click('.notice--invalid .notice-close');
  // … and pasted into the open page.
  for (const hash of ['#why?v=1&n=9&w=1&b=0', '#criteria?act=relu6', '#summary?data=moons', '#tanh?mr=0&zz=1', '#relu?rb=-5']) {
    await page.evaluate((next) => { window.location.hash = next; }, hash);
    await page.waitForSelector('.notice--invalid');
    await page.waitForFunction(() => window.location.hash === '');
    await page.click('.notice--invalid .notice-close');
  }
  await page.evaluate(() => { window.location.hash = '#leaky-relu?v=1&p=0.2&y=-3&r=6&d=1&rb=-2'; });
  await page.waitForFunction(() => document.querySelector('#leaky-relu .actlab-aplot [data-field="parameter"]').value === '0.2');
  await page.waitForFunction(() => Math.abs(Number(document.querySelector('#leaky-relu .actlab-aplot [data-key="value"]').dataset.value) + 0.6) < 1e-12);
  assert.equal(await page.$$eval('.notice--invalid', (els) => els.length), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
