// Exercises the engine checks (issue 12), and the chapters' predictions. Expected answers come from
// closed forms written out here (the exercises' numbers come from their seeded generators, which
// pick numbers and compute nothing), never from the engine. Few page loads: one standalone page
// per language, one cross-origin host page per embedding, one notebook.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startHarness, openPage, cspViolations, screenshot } from './helpers.mjs';
import { startEmbedHarness, hostPage, waitForEmbed } from './embed-helpers.mjs';
import { seededRandom } from '../../web/js/kit/exercises/random.js';
import { exerciseById } from '../../web/js/kit/exercises/catalogue.js';

const numbersOf = (id, seed) => exerciseById(id).generate(seededRandom(seed));
const sigmoid = (z) => 1 / (1 + Math.exp(-z));

/** ∂L/∂α for x → z = w·x + b → PReLU_α → ŷ = v·a + c, L = (ŷ − t)², z ≤ 0 (so a = α·z, ∂a/∂α = z). */
function preluAlphaGradient({ x, w, b, alpha, v, c, t }) {
  const z = w * x + b;
  assert.ok(z <= 0, 'the generator keeps z negative');
  const yhat = v * alpha * z + c;
  return 2 * (yhat - t) * v * z;
}

let harness;
test.before(async () => { harness = await startHarness(); });
test.after(async () => { await harness.close(); });

const pageUrl = (lang, fragment) => `${harness.url}embed/widget.html?w=exercise&lang=${lang}#${fragment}`;

async function openExercise(page, lang, fragment) {
  await page.goto(pageUrl(lang, fragment));
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
}

async function answer(page, text) {
  const before = await page.locator('.exercise-feedback').textContent();
  await page.fill('.exercise-answer input[name="answer"]', text);
  await page.click('.exercise-check');
  await page.waitForFunction((old) => {
    const feedback = document.querySelector('.exercise-feedback');
    return feedback.textContent !== '' && feedback.textContent !== old;
  }, before);
  return { outcome: await page.getAttribute('.exercise-feedback', 'data-outcome'), text: await page.textContent('.exercise-feedback') };
}

test('numeric, formula and experiment: wrong then right; hints, solution, progress across a reload, export and clear', async () => {
  const { page, problems } = await openPage(harness, { width: 1280 });
  // Numeric: ∂L/∂α of a PReLU unit, variant 1.
  const expected = preluAlphaGradient(numbersOf('prelu-alpha-gradient', 1));
  await openExercise(page, 'en', 'v=1&ex=prelu-alpha-gradient&seed=1');
  assert.match(await page.textContent('.exercise-variant'), /variant 1/);
  let result = await answer(page, 'abc');
  assert.equal(result.outcome, 'refused');
  assert.match(result.text, /“abc” is not a number/);
  result = await answer(page, String(expected + 1));
  assert.equal(result.outcome, 'wrong');
  assert.match(result.text, /Not yet/);
  result = await answer(page, expected.toPrecision(6).replace('-', '−'));
  assert.equal(result.outcome, 'right', result.text);
  assert.match(await page.textContent('.exercise-solved'), /Solved ✓ · answers checked so far: 2/);
  // Two hints, then no more; the worked solution shows the engine's numbers, which agree with ours.
  await page.click('.exercise-hint');
  await page.click('.exercise-hint');
  assert.equal(await page.locator('.exercise-hints li').count(), 2);
  assert.equal(await page.isDisabled('.exercise-hint'), true);
  assert.equal(await page.isHidden('.exercise-solution'), true);
  await page.click('.exercise-show-solution');
  const solution = await page.textContent('.exercise-solution');
  const shown = Number(solution.match(/∂L\/∂α = ∂L\/∂a · z = (\S+)\./)[1].replace('−', '-'));
  assert.ok(Math.abs(shown - expected) <= 1e-4 * Math.abs(expected), `${shown} vs ${expected}`);

  // Formula: tanh′ in terms of t = tanh(y); an unknown name and a syntax error are named, not counted.
  await openExercise(page, 'en', 'v=1&ex=tanh-derivative&seed=1');
  result = await answer(page, '1 - x^2');
  assert.equal(result.outcome, 'refused');
  assert.match(result.text, /“x” is not known here\. Use the names t, e, pi/);
  result = await answer(page, '1 - (t');
  assert.equal(result.outcome, 'refused');
  assert.match(result.text, /The formula stops before it is complete/);
  result = await answer(page, '1 - * t');
  assert.equal(result.outcome, 'refused');
  assert.match(result.text, /could not be read near character 5/);
  result = await answer(page, '1 - t');
  assert.equal(result.outcome, 'wrong');
  assert.match(result.text, /at t = \S+ your formula gives/);
  result = await answer(page, '1 - t^2'); // tanh′ = 1 − tanh², the closed form
  assert.equal(result.outcome, 'right', result.text);
  // A new variant: a new seed, in the link.
  await page.click('.exercise-new');
  await page.waitForFunction(() => !/seed=1$/.test(window.location.hash) && /seed=\d+/.test(window.location.hash));
  assert.doesNotMatch(await page.textContent('.exercise-variant'), /variant 1$/);

  // Experiment: a small learning rate leaves the ReLU units alive, a large one kills them.
  await openExercise(page, 'en', 'v=1&ex=relu-dying&seed=1');
  await page.fill('.exercise-answer input[name="lr"]', '500');
  await page.click('.exercise-check');
  await page.waitForFunction(() => document.querySelector('.exercise-feedback').dataset.outcome === 'refused');
  assert.match(await page.textContent('.exercise-feedback'), /Learning rate η: 500 is outside .*0\.0001 to 100/);
  // The refused field is marked for screen readers, and described by the message.
  const lr = '.exercise-answer input[name="lr"]';
  assert.equal(await page.getAttribute(lr, 'aria-invalid'), 'true');
  assert.ok((await page.getAttribute(lr, 'aria-describedby')).split(' ').includes(await page.getAttribute('.exercise-feedback', 'id')));
  await page.fill('.exercise-answer input[name="lr"]', '0.01');
  await page.click('.exercise-check');
  await page.waitForFunction(() => document.querySelector('.exercise-feedback').dataset.outcome === 'wrong');
  assert.equal(await page.getAttribute(lr, 'aria-invalid'), null);
  assert.match(await page.textContent('.exercise-feedback'), /With η = 0\.01: 0 of 16 ReLU units are dead/);
  await page.fill('.exercise-answer input[name="lr"]', '5');
  await page.click('.exercise-check');
  await page.waitForFunction(() => document.querySelector('.exercise-feedback').dataset.outcome === 'right');

  // Progress survives a reload, can be exported, and cleared (after a second click).
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  assert.match(await page.textContent('.exercise-solved'), /Solved ✓/);
  assert.match(await page.textContent('.exercise-progress-text'), /3 of \d+ exercises solved, 3 tried/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.exercise-export')]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.format, 'actlab-exercise-progress');
  assert.deepEqual(Object.keys(exported.exercises).sort(), ['prelu-alpha-gradient', 'relu-dying', 'tanh-derivative']);
  assert.equal(exported.exercises['prelu-alpha-gradient'].attempts, 2); // 'abc' was not counted
  assert.equal(exported.exercises['prelu-alpha-gradient'].hints, 2);
  await page.click('.exercise-clear');
  assert.match(await page.textContent('.exercise-clear'), /Really clear/);
  await page.click('.exercise-clear');
  assert.match(await page.textContent('.exercise-progress-text'), /0 of \d+ exercises solved, 0 tried/);
  assert.equal(await page.evaluate(() => localStorage.getItem('actlab.exercises')), null);

  // An unknown exercise in the link: a message naming it, and the default exercise.
  await openExercise(page, 'en', 'v=1&ex=no-such-exercise&seed=1');
  assert.match(await page.textContent('#widget-message'), /exercise.*no-such-exercise/s);
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await page.context().close();
});

test('in Chinese: the text, a wrong answer and the right one (an SGD step on a chain of sigmoids)', async () => {
  const { page, problems } = await openPage(harness, { width: 375, locale: 'zh-CN' });
  const { x, w1, b1, w2, b2, t, lr } = numbersOf('chain-sgd-step', 4);
  const a1 = sigmoid(w1 * x + b1);
  const yhat = sigmoid(w2 * a1 + b2);
  const next = w2 - lr * 2 * (yhat - t) * yhat * (1 - yhat) * a1; // w₂ − η·∂L/∂w₂, written out
  await openExercise(page, 'zh-CN', 'v=1&ex=chain-sgd-step&seed=4');
  assert.match(await page.textContent('.exercise-title'), /对 w₂ 做一步 SGD/);
  let result = await answer(page, String(next + 0.05));
  assert.equal(result.outcome, 'wrong');
  assert.match(result.text, /还不对/);
  result = await answer(page, next.toFixed(5));
  assert.equal(result.outcome, 'right', result.text);
  assert.match(result.text, /^正确/);
  await page.click('.exercise-hint');
  assert.match(await page.textContent('.exercise-hints'), /∂L\/∂w₂ = ∂L\/∂z₂ · a₁/);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 375), true, 'no sideways scrolling at 375 px');
  await screenshot(page, 'exercise-zh-CN-375');
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await page.context().close();
});

test('a solved exercise tells the host page: an event from the element, a message from the iframe (cross-origin)', async () => {
  const embed = await startEmbedHarness();
  try {
    embed.host.set('/listen.js', {
      type: 'text/javascript; charset=utf-8',
      body: `window.__solved = []; window.__messages = [];
document.addEventListener('actlab-solved', (e) => window.__solved.push(e.detail));
window.addEventListener('message', (e) => { if (e.data && e.data.type === 'actlab:solved') window.__messages.push({ origin: e.origin, ...e.data }); });`,
    });
    embed.host.set('/favicon.ico', { type: 'image/x-icon', body: '' });
    const { w1, b1, w2, b2, w3, b3 } = numbersOf('linear-collapse', 2);
    const intercept = w3 * (w2 * b1 + b2) + b3; // B of y₃ = W·x + B: the stack at x = 0
    const src = `${embed.widgets.url}embed/widget.html?w=exercise&amp;lang=en#v=1&amp;ex=linear-collapse&amp;seed=2`;
    embed.host.set('/course.html', {
      body: hostPage({
        head: `<script src="/listen.js"></script>\n<script type="module" src="${embed.widgets.url}embed/actlab-embed.js"></script>`,
        body: `<actlab-exercise id="e" exercise="linear-collapse" seed="2"></actlab-exercise>\n`
          + `<iframe id="f" src="${src}" title="ActLab exercise" width="100%" height="720"></iframe>`,
      }),
    });
    const { page, problems } = await openPage(embed, { width: 1100 });
    await page.goto(`${embed.host.url}course.html`);
    assert.equal(await waitForEmbed(page, '#e'), 'ok');
    await page.fill('#e .exercise-answer input', String(intercept + 1));
    await page.click('#e .exercise-check');
    await page.waitForFunction(() => document.querySelector('#e').shadowRoot.querySelector('.exercise-feedback').dataset.outcome === 'wrong');
    assert.deepEqual(await page.evaluate(() => window.__solved), []);
    await page.fill('#e .exercise-answer input', String(intercept));
    await page.click('#e .exercise-check');
    await page.waitForFunction(() => window.__solved.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__solved), [{ exercise: 'linear-collapse', attempts: 2 }]);

    const frame = page.frameLocator('#f');
    await frame.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    // The frame is another origin: its own storage, so this is its first attempt.
    await frame.locator('.exercise-answer input').fill(String(intercept));
    await frame.locator('.exercise-check').click();
    await page.waitForFunction(() => window.__messages.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__messages),
      [{ origin: embed.widgets.origin, type: 'actlab:solved', exercise: 'linear-collapse', attempts: 1 }]);
    assert.deepEqual(problems, []);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    const inner = page.frames().find((candidate) => candidate.url().includes('widget.html'));
    assert.deepEqual(await inner.evaluate(() => window.__cspViolations), []);
    await page.context().close();
  } finally {
    await embed.close();
  }
});

test('predictions: the figure stays hidden until the reader commits (or asks on purpose); the notebook compares', async () => {
  const { page, problems } = await openPage(harness, { width: 1280, predictions: true });
  await page.goto(harness.url);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  assert.equal(await page.locator('.prediction').count(), 12, 'one prediction per chapter');

  // Chapter 4: the first weight's gradient in the default chain (6 sigmoids, w = 1, b = 0, x = 1, t = 0).
  const box = page.locator('[data-prediction="sigmoid"]');
  const gate = page.locator('.chapter--sigmoid .prediction-figure');
  await box.scrollIntoViewIfNeeded();
  assert.equal(await gate.isHidden(), true);
  await box.locator('.prediction-commit').click({ force: true }); // nothing chosen: refused, still hidden
  assert.match(await box.locator('.prediction-problem').textContent(), /Pick one of the answers first/);
  assert.equal(await gate.isHidden(), true);
  const a = [];
  let input = 1;
  for (let k = 0; k < 6; k++) { a.push(sigmoid(input)); input = a[k]; }
  let gradient = 2 * a[5]; // ∂L/∂a₆ with t = 0
  for (let k = 5; k >= 1; k--) gradient *= a[k] * (1 - a[k]); // back through σ′ of units 6 … 2 (each weight 1)
  const firstWeight = Math.abs(gradient * a[0] * (1 - a[0]) * 1); // · σ′(z₁) · x
  const nearest = ['1e-1', '1e-4', '1e-9'].reduce((best, choice) => (
    Math.abs(Math.log10(firstWeight / Number(choice))) < Math.abs(Math.log10(firstWeight / Number(best))) ? choice : best));
  await box.locator(`input[value="${nearest}"]`).check();
  await box.locator('.prediction-commit').click();
  await page.waitForFunction(() => document.querySelector('[data-prediction="sigmoid"]').dataset.state === 'revealed');
  assert.equal(await gate.isHidden(), false);
  assert.match(await box.locator('.prediction-result').textContent(), /and the engine agrees/);
  const engineFirst = Number((await box.locator('.prediction-result').textContent()).match(/gives (\S+) for the first layer/)[1]);
  assert.ok(Math.abs(engineFirst - firstWeight) <= 0.01 * firstWeight, `${engineFirst} vs ${firstWeight}`);
  await page.waitForSelector('.chapter--sigmoid .chapter-figure--vanishing[data-state="ready"]');

  // Chapter 7, on purpose: "just show me" reveals without a guess, and says so (a negative Leaky ReLU passes 1 %).
  const leaky = page.locator('[data-prediction="leaky"]');
  await leaky.scrollIntoViewIfNeeded();
  await leaky.locator('.prediction-skip').click();
  await page.waitForFunction(() => document.querySelector('[data-prediction="leaky"]').dataset.state === 'revealed');
  assert.match(await leaky.locator('.prediction-result').textContent(), /You skipped the prediction\. The engine's answer: 1%\./);

  // The language switch rewrites a revealed prediction; the chapter's exercises are there, in Chinese too.
  await page.click('.lang-button[data-lang="zh-CN"]');
  await page.waitForFunction(() => /你跳过了预测/.test(document.querySelector('[data-prediction="leaky"] .prediction-result').textContent));
  const exercises = page.locator('.chapter--leaky-relu .chapter-exercises');
  await exercises.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('.chapter--leaky-relu .actlab-exercise .exercise-title').length === 2);
  assert.match(await exercises.locator('.exercise-title').first().textContent(), /Leaky ReLU/);
  assert.match(await exercises.locator('.exercises-title').textContent(), /练习/);

  // The browser remembers the predictions made: after a reload their figures are shown, compared again.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  await box.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-prediction="sigmoid"]').dataset.state === 'revealed');
  assert.match(await box.locator('.prediction-result').textContent(), /引擎也这么说/);
  assert.equal(await gate.isHidden(), false);
  assert.equal(await page.locator('[data-prediction="relu"] .prediction-commit').count(), 1, 'one not made still asks');
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await page.context().close();
});

test('a formula that cannot be read: one that stops short says so; otherwise the message points at the character', async () => {
  const { checkFormula } = await import('../../web/js/kit/exercises/formula.js');
  const spec = { variables: ['s'], points: [{ s: 0.5 }, { s: 0.2 }], expected: [0.25, 0.16] };
  const brief = ({ ok, problem, position, ended }) => ({ ok, problem, position, ended });
  assert.deepEqual(brief(await checkFormula('s*(1-', spec)), { ok: false, problem: 'syntax', position: undefined, ended: true });
  assert.deepEqual(brief(await checkFormula('s*(1 - s', spec)), { ok: false, problem: 'syntax', position: undefined, ended: true });
  assert.deepEqual(brief(await checkFormula('s**2', spec)), { ok: false, problem: 'syntax', position: 3, ended: undefined }, 'the second *');
  assert.deepEqual(brief(await checkFormula('s*(1-s))', spec)), { ok: false, problem: 'syntax', position: 8, ended: undefined }, 'the extra )');
  assert.deepEqual(await checkFormula('s*(1-s)', spec), { ok: true });
});
