// The comparison lab in a real browser. The numbers it shows are compared with the same experiment
// run here in Node with the same engine module (workers/experiment.js + the lab's model.js build the
// requests in both places): the vanishing gradient of a 10-layer sigmoid network, the dead-ReLU
// preset, pause / resume / one step, definitions on hover and focus, export and import (a malformed
// file changes nothing), a bad link, Chinese, 375 px, a shadow root and the main-thread fallback.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import createActLab from '../../web/engine/actlab.js';
import { startHarness, openPage, cspViolations, sourcesRoot } from './helpers.mjs';
import {
  LAB, gotoWidget, waitIdle, waitStep, currentStep, shownValue, hashFor, nodeSnapshot, relativeError, horizontalOverflow,
} from './lab-helpers.mjs';
import { encodeLabHash, decodeLabHash } from '../../web/js/kit/state/lab-codec.js';
import { parseHash } from '../../web/js/kit/state/hash.js';
import { validateLabState } from '../../web/js/kit/state/lab-schema.js';
import { presetState, experimentSpec, deadHidden } from '../../web/js/widgets/lab/model.js';
import { formatNumber } from '../../web/js/kit/format.js';

const summaryCell = (run, col) => `${LAB} .lab-summary-table td[data-run="${run}"][data-col="${col}"]`;
const layerCell = (layer, run, col) => `${LAB} .lab-layer-table td[data-layer="${layer}"][data-run="${run}"][data-col="${col}"]`;
const stateOfHash = (hash) => decodeLabHash(parseHash(hash, ['lab']).params);

// Ten hidden sigmoid (or ReLU) layers of 16 units, Kaiming uniform (gain 1 for sigmoid: the same
// bound as Xavier for a square layer), circle data.
const DEEP = validateLabState({
  ...presetState('vanishing'), activations: [{ name: 'sigmoid' }, { name: 'relu' }], steps: 60, at: 0,
});

let harness;
let engine;
test.before(async () => {
  harness = await startHarness();
  engine = await createActLab();
});
test.after(async () => { await harness.close(); });

test('10 layers: the gradient reaching layer 1 is far smaller for sigmoid than for ReLU, exactly as the engine says', async () => {
  const { page, problems } = await openPage(harness);
  await gotoWidget(page, harness.url, hashFor('lab', encodeLabHash, DEEP), LAB);
  assert.equal(await page.getAttribute(LAB, 'data-runner'), 'worker');
  for (const steps of [0, DEEP.steps]) {
    if (steps > 0) {
      await page.click(`${LAB} [data-action="train"]`);
      await waitStep(page, LAB, steps);
    }
    const expected = nodeSnapshot(engine, experimentSpec(DEEP), steps).snapshot;
    const shown = [];
    for (const run of [0, 1]) {
      const layers = expected.runs[run].layers;
      const first = await shownValue(page, summaryCell(run, 'grad_first'));
      assert.ok(relativeError(first, layers[0].gradient_norm) < 1e-12, `step ${steps}, run ${run}: page ${first} vs engine ${layers[0].gradient_norm}`);
      // The visible text is the same number, rounded for reading.
      assert.equal(await page.textContent(summaryCell(run, 'grad_first')), formatNumber(layers[0].gradient_norm, 3));
      for (let l = 0; l < layers.length; l += 1) {
        const value = await shownValue(page, layerCell(l, run, 'gradient_norm'));
        assert.ok(relativeError(value, layers[l].gradient_norm) < 1e-12, `layer ${l + 1}`);
      }
      assert.ok(relativeError(await shownValue(page, summaryCell(run, 'loss')), expected.runs[run].loss) < 1e-12);
      shown.push(first);
    }
    const [sigmoid, relu] = shown;
    assert.ok(sigmoid < relu * 1e-5, `step ${steps}: sigmoid ${sigmoid} is not far below ReLU ${relu}`);
    // Vanishing along the depth: for sigmoid, layer 1 gets < 10⁻⁶ of the output layer's gradient.
    const sigmoidLast = await shownValue(page, summaryCell(0, 'grad_last'));
    assert.ok(sigmoid < sigmoidLast * 1e-6);
    test.diagnostic?.(`step ${steps}: ‖∂L/∂W₁‖ sigmoid ${sigmoid.toExponential(2)}, ReLU ${relu.toExponential(2)}; sigmoid output layer ${sigmoidLast.toExponential(2)}`);
  }
  // The log-scale chart's text alternative names the same numbers.
  const summary = await page.textContent(`${LAB} .lab-charts .lab-chart:nth-child(2) .plot-summary`);
  assert.match(summary, /sigmoid/);
  assert.ok(summary.includes(formatNumber(await shownValue(page, summaryCell(0, 'grad_first')), 3)));
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await page.context().close();
});

test('dead-ReLU preset: ReLU ends with most hidden units dead, Leaky ReLU and PReLU with none', async () => {
  const { page, problems } = await openPage(harness);
  await gotoWidget(page, harness.url, '#lab', LAB);
  await page.selectOption(`${LAB} [data-field="preset"]`, 'dead-relu');
  await waitIdle(page, LAB);
  const state = presetState('dead-relu');
  await page.click(`${LAB} [data-action="train"]`);
  await waitStep(page, LAB, state.steps);
  const expected = nodeSnapshot(engine, experimentSpec(state), state.steps).snapshot;
  const dead = [];
  for (const run of [0, 1, 2]) {
    const fraction = await shownValue(page, summaryCell(run, 'dead'));
    const count = Number(await page.getAttribute(summaryCell(run, 'dead'), 'data-dead'));
    const engineDead = deadHidden(expected.runs[run].layers, state);
    assert.equal(count, engineDead.dead, `run ${run}: dead units`);
    assert.equal(fraction, engineDead.fraction);
    assert.ok(relativeError(await shownValue(page, summaryCell(run, 'loss')), expected.runs[run].loss) < 1e-12);
    dead.push(fraction);
  }
  const [relu, leaky, prelu] = dead;
  assert.ok(relu > 0.3, `ReLU dead ${relu}`);
  assert.ok(leaky < 0.05, `Leaky ReLU dead ${leaky}`);
  assert.ok(prelu < 0.05, `PReLU dead ${prelu}`);
  const reluLoss = await shownValue(page, summaryCell(0, 'loss'));
  assert.ok(Math.abs(reluLoss - Math.log(2)) < 0.01, `ReLU loss stalls at chance: ${reluLoss}`);
  test.diagnostic?.(`dead-relu after ${state.steps} steps: dead ReLU ${relu}, Leaky ${leaky}, PReLU ${prelu}; losses ${expected.runs.map((r) => r.loss.toExponential(3)).join(', ')}`);
  // The state (with the steps taken) is in the URL, so the link reproduces the run.
  await page.waitForFunction(() => window.location.hash.includes('at=1500'));
  const fromHash = stateOfHash(await page.evaluate(() => window.location.hash));
  assert.deepEqual(fromHash, { ...state, at: 1500 });
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('step one batch, train, pause, resume, back to step 0', async () => {
  const { page, problems } = await openPage(harness);
  const state = validateLabState({ ...presetState('vanishing'), steps: 5000, at: 0 });
  await gotoWidget(page, harness.url, hashFor('lab', encodeLabHash, state), LAB);
  await page.click(`${LAB} [data-action="step"]`);
  await waitStep(page, LAB, 1);
  await page.click(`${LAB} [data-action="step"]`);
  await waitStep(page, LAB, 2);
  const expected = nodeSnapshot(engine, experimentSpec(state), 2).snapshot;
  assert.ok(relativeError(await shownValue(page, summaryCell(2, 'loss')), expected.runs[2].loss) < 1e-12);
  await page.click(`${LAB} [data-action="train"]`);
  assert.equal(await page.getAttribute(`${LAB} [data-action="train"]`, 'data-mode'), 'pause');
  assert.equal(await page.textContent(`${LAB} [data-action="train"]`), 'Pause');
  await page.waitForFunction((sel) => Number(document.querySelector(sel).dataset.step) >= 40, LAB);
  await page.click(`${LAB} [data-action="train"]`); // pause
  await waitIdle(page, LAB);
  const paused = await currentStep(page, LAB);
  assert.ok(paused >= 40 && paused < 5000);
  assert.match(await page.textContent(`${LAB} .lab-progress-text`), new RegExp(`Step ${paused} of 5000`));
  assert.equal(await page.getAttribute(`${LAB} [data-action="train"]`, 'data-mode'), 'resume');
  await page.waitForTimeout(300);
  assert.equal(await currentStep(page, LAB), paused, 'paused means no more steps');
  // The announcement for screen readers.
  assert.match(await page.textContent(`${LAB} [data-role="live"]`), new RegExp(`Paused at step ${paused}`));
  await page.click(`${LAB} [data-action="train"]`); // resume
  await page.waitForFunction(([sel, from]) => Number(document.querySelector(sel).dataset.step) > from, [LAB, paused]);
  await page.click(`${LAB} [data-action="train"]`);
  await waitIdle(page, LAB);
  const resumed = await currentStep(page, LAB);
  const after = nodeSnapshot(engine, experimentSpec(state), resumed).snapshot;
  assert.ok(relativeError(await shownValue(page, summaryCell(0, 'loss')), after.runs[0].loss) < 1e-12, 'chunked training = one run');
  await page.click(`${LAB} [data-action="reset"]`);
  await waitStep(page, LAB, 0);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('hovering or focusing a number shows its definition and formula; arrow keys move between numbers', async () => {
  const { page, problems } = await openPage(harness);
  await gotoWidget(page, harness.url, '#lab', LAB);
  const cell = layerCell(2, 0, 'saturation');
  await page.hover(cell);
  const tip = `${LAB} .lab-tip`;
  await page.waitForSelector(`${tip}:not([hidden])`);
  assert.match(await page.textContent(`${tip} .lab-tip-title`), /Saturated/);
  assert.match(await page.textContent(`${tip} .lab-tip-text`), /local derivative/);
  assert.ok(await page.$(`${tip} .lab-tip-formula .katex`), 'the formula is typeset by KaTeX');
  assert.match(await page.textContent(`${tip} .lab-tip-context`), /sigmoid, hidden 3/);
  // Keyboard: the table is one tab stop; arrows move; the tooltip follows focus.
  await page.focus(layerCell(0, 0, 'saturation'));
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.col), 'sparsity');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.layer), '1');
  assert.match(await page.textContent(`${tip} .lab-tip-title`), /Exactly zero/);
  const describedBy = await page.evaluate(() => document.activeElement.getAttribute('aria-describedby'));
  assert.match(await page.textContent(`#${describedBy}`), /outputs exactly 0/);
  await page.keyboard.press('Escape');
  assert.equal(await page.getAttribute(tip, 'hidden'), '');
  // Editing a setting and pressing Tab applies it and moves on to the next field.
  await page.fill(`${LAB} [data-field="depth"]`, '4');
  await page.press(`${LAB} [data-field="depth"]`, 'Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.field), 'width');
  await waitIdle(page, LAB);
  assert.equal(await page.locator(`${LAB} .lab-layer-table tbody tr`).count(), 5);
  await page.waitForFunction(() => window.location.hash.includes('depth=4'));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('export JSON and CSV hold the settings and the numbers shown; a malformed import shows a message and changes nothing', async () => {
  const { page, problems } = await openPage(harness);
  const state = validateLabState({ ...presetState('tanh-sigmoid'), at: 40 });
  await gotoWidget(page, harness.url, hashFor('lab', encodeLabHash, state), LAB);
  assert.equal(await currentStep(page, LAB), 40, 'a link with at=40 trains back to step 40');
  const expected = nodeSnapshot(engine, experimentSpec(state), 40).snapshot;
  assert.ok(relativeError(await shownValue(page, summaryCell(1, 'loss')), expected.runs[1].loss) < 1e-12);

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click(`${LAB} [data-action="export-json"]`)]);
  assert.equal(jsonDownload.suggestedFilename(), 'actlab-lab-tanh-sigmoid-step40.json');
  const exported = JSON.parse(fs.readFileSync(await jsonDownload.path(), 'utf8'));
  assert.equal(exported.format, 'actlab-lab');
  assert.deepEqual(exported.settings, state);
  assert.equal(exported.results.step, 40);
  assert.equal(exported.results.columns[1].loss, expected.runs[1].loss);
  assert.equal(exported.results.columns[0].layers[0].gradient_norm, expected.runs[0].layers[0].gradient_norm);
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click(`${LAB} [data-action="export-csv"]`)]);
  const csv = fs.readFileSync(await csvDownload.path(), 'utf8').trim().split('\r\n');
  assert.equal(csv.length, 1 + state.activations.length * (state.depth + 1));
  assert.match(csv[0], /^step,activation,layer,units,loss,saturation_fraction,/);
  assert.ok(csv[1].startsWith(`40,sigmoid,1,8,${expected.runs[0].loss},`));

  const before = {
    hash: await page.evaluate(() => window.location.hash),
    summary: await page.textContent(`${LAB} .lab-summary-table`),
    depth: await page.inputValue(`${LAB} [data-field="depth"]`),
  };
  const importFile = (name, text) => page.setInputFiles(`${LAB} .lab-import-input`, { name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const message = `${LAB} .lab-file-message`;
  await importFile('broken.json', '{"format": "actlab-lab", "version": 1, "settings": {');
  await page.waitForSelector(`${message}[data-kind="error"]`);
  assert.match(await page.textContent(message), /not imported: it is not valid JSON\. Nothing was changed\./);
  assert.equal(await page.getAttribute(message, 'role'), 'alert');
  await importFile('deep.json', JSON.stringify({ format: 'actlab-lab', version: 1, settings: { ...state, depth: 99 } }));
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.includes('hidden layers'), message);
  assert.match(await page.textContent(message), /hidden layers: expected a whole number from 1 to 32 \(the file has 99\)/);
  await importFile('playground.json', JSON.stringify({ format: 'actlab-playground', version: 1, settings: {} }));
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.includes('not an ActLab experiment file'), message);
  await page.waitForTimeout(250); // past the hash-write delay
  assert.deepEqual({
    hash: await page.evaluate(() => window.location.hash),
    summary: await page.textContent(`${LAB} .lab-summary-table`),
    depth: await page.inputValue(`${LAB} [data-field="depth"]`),
  }, before, 'a rejected file changes nothing');
  assert.equal(await currentStep(page, LAB), 40);
  // A good file (the one just exported, with 5 layers instead) is applied.
  await importFile('good.json', JSON.stringify({ ...exported, settings: { ...state, depth: 5, at: 0 } }));
  await page.waitForSelector(`${message}[data-kind="ok"]`);
  await waitIdle(page, LAB);
  assert.equal(await page.inputValue(`${LAB} [data-field="depth"]`), '5');
  assert.equal(await currentStep(page, LAB), 0);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a bad lab link shows a notice and the default experiment', async () => {
  const { page, problems } = await openPage(harness);
  await gotoWidget(page, harness.url, '#lab?depth=99&act=relu,tanh', LAB);
  assert.ok(await page.$('.notice[data-notice="invalid"]'));
  assert.equal(await page.inputValue(`${LAB} [data-field="depth"]`), '10');
  assert.equal(await page.evaluate(() => window.location.hash), '');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Chinese, dark theme and 375 px: translated, dark, and the page never scrolls sideways', async () => {
  const { page, problems } = await openPage(harness, { width: 375, height: 800, locale: 'zh-CN', colorScheme: 'dark' });
  await gotoWidget(page, harness.url, '#lab', LAB);
  assert.equal(await page.textContent('#lab-title'), '并排比较激活函数');
  assert.equal(await page.textContent(`${LAB} [data-action="train"]`), '训练 500 步');
  assert.match(await page.textContent(`${LAB} .lab-summary-table caption`), /当前这一步/);
  assert.equal(await horizontalOverflow(page), 0);
  await page.click(`${LAB} [data-action="step"]`);
  await waitStep(page, LAB, 1);
  assert.equal(await horizontalOverflow(page), 0);
  const background = await page.$eval(`${LAB} .lab-results`, (el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = background.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `dark panel, got ${background}`);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the widget also works inside a shadow root, and on the main thread without a worker', async () => {
  // mountLab is a module API of the sources (docs/web.md): served from web/, as a host bundling them would.
  const sources = await startHarness({ root: sourcesRoot });
  const { page, problems } = await openPage(sources);
  await gotoWidget(page, sources.url, '#about', LAB);
  const state = validateLabState({ ...presetState('dead-relu'), at: 0 });
  const result = await page.evaluate(async (initial) => {
    const { mountLab } = await import('/js/widgets/lab/index.js');
    const out = {};
    for (const [key, useWorker] of [['shadow', true], ['inline', false]]) {
      const host = document.createElement('div');
      document.body.append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      for (const href of ['/vendor/katex/katex.min.css', '/vendor/uplot/uPlot.min.css', '/css/lab.css']) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        shadow.append(link);
      }
      const root = document.createElement('div');
      shadow.append(root);
      const widget = mountLab(root, { lang: 'en', initialState: { ...initial, steps: 20 }, useWorker });
      await widget.ready;
      root.querySelector('[data-action="train"]').click();
      await new Promise((resolve) => {
        const check = () => (root.dataset.step === '20' && root.dataset.phase === 'idle' ? resolve() : setTimeout(check, 50));
        check();
      });
      out[key] = {
        runner: root.dataset.runner,
        loss: Number(root.querySelector('.lab-summary-table td[data-run="0"][data-col="loss"]').dataset.value),
        panelBorder: getComputedStyle(root.querySelector('.lab-results')).borderTopStyle,
        state: widget.getState(),
      };
      widget.destroy();
      host.remove();
    }
    return out;
  }, state);
  const expected = nodeSnapshot(engine, experimentSpec({ ...state, steps: 20 }), 20).snapshot;
  assert.equal(result.shadow.runner, 'worker');
  assert.equal(result.inline.runner, 'inline');
  for (const key of ['shadow', 'inline']) {
    assert.ok(relativeError(result[key].loss, expected.runs[0].loss) < 1e-12, key);
    assert.equal(result[key].panelBorder, 'solid', `${key}: lab.css applies inside the shadow root`);
    assert.equal(result[key].state.at, 20);
  }
  assert.deepEqual(problems, []);
  await page.context().close();
  await sources.close();
});
