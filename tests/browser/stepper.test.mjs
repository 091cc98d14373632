// The stepper in a real browser: its numbers against the engine's trace (run here in Node) and
// against the chain rule written out by hand for the 1→1→1 sigmoid chain; keyboard; shared URLs;
// updates and the gradient check.
import test from 'node:test';
import assert from 'node:assert/strict';
import createActLab from '../../web/engine/actlab.js';
import { startHarness, openPage, gotoNotebook, currentStep, cspViolations } from './helpers.mjs';
import { CHAIN, CHAIN_REQUEST, closedForm, relativeError } from './stepper-reference.mjs';
import { decodeStepperHash } from '../../web/js/kit/state/stepper-codec.js';

/** The graph element that holds the result of `step` (see model.replay). */
function keyFor(step) {
  const { kind, layer: l, unit: j } = step;
  switch (kind) {
    case 'weighted_sum': case 'bias': return `z:${l}:${j}`;
    case 'activation': return `a:${l}:${j}`;
    case 'loss': return 'L';
    case 'loss_gradient': return 'pre_activation' in step.inputs ? `gz:${l}:${j}` : `ga:${l}:${j}`;
    case 'activation_derivative': return `gz:${l}:${j}`;
    case 'alpha_gradient': return `galpha:${l}:${j}`;
    case 'bias_gradient': return `gb:${l}:${j}`;
    case 'weight_gradient': return `gw:${l}:${j}:${step.source}`;
    case 'input_gradient': return l === 0 ? `gx:${j}` : `ga:${l - 1}:${j}`;
    default: throw new Error(`unknown kind ${kind}`);
  }
}

const shown = (page, key) => page.getAttribute(`.graph-svg [data-key="${key}"]`, 'data-value');

let harness;
let engine;
test.before(async () => {
  harness = await startHarness();
  engine = await createActLab();
});
test.after(async () => { await harness.close(); });

test('stepping the 1→1→1 sigmoid chain shows the engine trace and the chain rule, step by step', async () => {
  const trace = engine.evaluate({ ...CHAIN_REQUEST, trace: true }).trace.steps;
  const expected = closedForm(CHAIN);
  assert.equal(trace.length, expected.length);
  const { page, problems } = await openPage(harness);
  await gotoNotebook(page, harness.url);
  assert.equal(await currentStep(page), 0);
  for (let k = 0; k < trace.length; k += 1) {
    await page.click('[data-action="forward"]');
    const step = trace[k];
    assert.equal(await currentStep(page), k + 1);
    const value = Number(await shown(page, keyFor(step)));
    assert.equal(value, step.result, `step ${k + 1} (${step.kind}) shows the engine's number`);
    assert.ok(relativeError(value, expected[k]) < 1e-12, `step ${k + 1} (${step.kind}): ${value} vs chain rule ${expected[k]}`);
    if (step.kind === 'activation_derivative') {
      const local = Number(await shown(page, `fp:${step.layer}:${step.unit}`));
      assert.equal(local, step.inputs.local_derivative);
      const a = expected[step.layer === 1 ? 5 : 2];
      assert.ok(relativeError(local, a * (1 - a)) < 1e-12, 'σ′ = σ(1 − σ)');
      assert.ok(local <= 0.25);
    }
    // The equation shows the same number (rounded for reading) and names the step.
    const equation = await page.textContent('.stepper-equation .equation');
    const rounded = String(Number(step.result.toPrecision(4)));
    assert.ok(equation.replace(/−/g, '-').includes(rounded), `equation of step ${k + 1} shows ${rounded}: ${equation}`);
    const kind = await page.getAttribute('.stepper-equation .equation', 'data-kind');
    assert.equal(kind, step.kind);
    if (step.kind === 'activation_derivative') assert.ok(equation.includes('σ'), 'the derivative is named σ′');
  }
  // The visible label of the last forward value uses the same number.
  assert.equal(await page.textContent('.graph-svg [data-key="a:1:0"] .node-value'), `=${Number(expected[5].toPrecision(4))}`);
  assert.match(await page.textContent('.step-status'), /16 of 16/);
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await page.context().close();
});

test('the live region reads the current equation in words', async () => {
  const { page } = await openPage(harness);
  await gotoNotebook(page, harness.url);
  for (let k = 0; k < 9; k += 1) await page.click('[data-action="forward"]');
  const words = await page.textContent('.actlab-stepper [aria-live][data-role="live"]');
  assert.match(words, /Step 9 of 16, backward pass\./);
  assert.match(words, /sigma prime/);
  assert.match(words, /0\.2477/);
  await page.context().close();
});

test('keyboard: arrows step, Space plays and pauses, Home and End jump; typing in a field is left alone', async () => {
  const { page, problems } = await openPage(harness);
  await gotoNotebook(page, harness.url);
  await page.focus('.graph-box');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await currentStep(page), 3);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await currentStep(page), 2);
  await page.keyboard.press('End');
  assert.equal(await currentStep(page), 16);
  await page.keyboard.press('Home');
  assert.equal(await currentStep(page), 0);
  // Buttons keep working after keyboard use, and focus stays visible on them.
  await page.focus('[data-action="forward"]');
  await page.keyboard.press('Enter');
  assert.equal(await currentStep(page), 1);
  await page.keyboard.press('ArrowRight');
  assert.equal(await currentStep(page), 2);
  const outline = await page.$eval('[data-action="forward"]', (el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none', 'focused button shows a focus outline');
  // Space plays (from the graph box), and pauses again.
  await page.focus('.graph-box');
  await page.selectOption('.speed-select', '4');
  await page.focus('.graph-box');
  await page.keyboard.press(' ');
  assert.equal(await page.getAttribute('[data-action="play"]', 'aria-pressed'), 'true');
  await page.waitForFunction(() => Number(document.querySelector('.actlab-stepper').dataset.step) >= 4);
  await page.keyboard.press(' ');
  assert.equal(await page.getAttribute('[data-action="play"]', 'aria-pressed'), 'false');
  const paused = await currentStep(page);
  await page.waitForTimeout(600);
  assert.equal(await currentStep(page), paused, 'paused means paused');
  // Arrow keys inside a number field belong to the field.
  await page.click('summary:has(.setup-title)');
  await page.focus('[data-field="x-0"]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  assert.equal(await currentStep(page), paused);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a shared URL restores the same network and the same step', async () => {
  const first = await openPage(harness);
  await gotoNotebook(first.page, harness.url);
  await first.page.selectOption('[data-field="speed"]', '2');
  // Use the 2→3→1 preset and stop mid-backward.
  await first.page.click('summary:has(.setup-title)');
  await first.page.selectOption('[data-field="preset"]', 'two-three-one');
  await first.page.waitForSelector('.graph-svg [data-key="z:0:2"]');
  for (let k = 0; k < 20; k += 1) await first.page.click('[data-action="forward"]');
  await first.page.waitForFunction(() => window.location.hash.includes('step=20'));
  const link = await first.page.evaluate(() => window.location.href);
  const equation = await first.page.textContent('.stepper-equation .equation');
  const values = await first.page.$$eval('.graph-svg [data-value]', (els) => els.map((el) => `${el.dataset.key}=${el.dataset.value}`).sort());
  await first.context.close();

  const second = await openPage(harness);
  await second.page.goto(link);
  await second.page.waitForSelector('body[data-ready="true"]');
  assert.equal(await currentStep(second.page), 20);
  assert.equal(await second.page.textContent('.stepper-equation .equation'), equation);
  assert.deepEqual(await second.page.$$eval('.graph-svg [data-value]', (els) => els.map((el) => `${el.dataset.key}=${el.dataset.value}`).sort()), values);
  assert.equal(await second.page.$$eval('.notice--invalid', (els) => els.length), 0);
  assert.deepEqual(second.problems, []);
  await second.context.close();
});

test('malformed and hostile hashes show a message, load the defaults, and the page still works', async () => {
  const hashes = [
    '#stepper?in=999&act=sigmoid&x=1&t=1',
    '#<img src=x onerror=alert(1)>',
    '#"><script>alert(1)</script>',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1e999&t=1',
    `#stepper?in=1&h=1&act=sigmoid,sigmoid&x=${'9'.repeat(5000)}&t=1`,
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&step=4000',
    '#stepper?in=1&h=1&act=javascript:alert(1),sigmoid&x=1&t=1',
  ];
  for (const hash of hashes) {
    const { page, problems } = await openPage(harness);
    let dialog = false;
    page.on('dialog', async (d) => { dialog = true; await d.dismiss(); });
    await gotoNotebook(page, harness.url, hash);
    const notice = page.locator('.notice--invalid');
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be used/, hash);
    assert.match(await notice.textContent(), /default example/);
    assert.equal(await page.$$eval('img, script:not([src])', (els) => els.length), 0, 'nothing from the hash became markup');
    // The defaults are loaded and work.
    assert.match(await page.textContent('.setup-summary'), /1 → 1 → 1/);
    await page.click('[data-action="forward"]');
    assert.equal(await currentStep(page), 1);
    assert.equal(dialog, false);
    assert.deepEqual(problems, [], hash);
    // The message can be dismissed.
    await page.click('.notice--invalid .notice-close');
    assert.equal(await page.$$eval('.notice--invalid', (els) => els.length), 0);
    await page.context().close();
  }
});

test('a hash pasted into the open page is read too, and a bad one is rejected', async () => {
  const { page, problems } = await openPage(harness);
  await gotoNotebook(page, harness.url);
  await page.evaluate(() => { window.location.hash = '#stepper?in=1&h=&act=tanh&x=2&t=0.5&step=3'; });
  await page.waitForFunction(() => document.querySelector('.setup-summary').textContent.includes('1 → 1 ·'));
  assert.equal(await currentStep(page), 3);
  await page.evaluate(() => { window.location.hash = '#stepper?in=1&act=tanh&x=abc&t=0.5'; });
  await page.locator('.notice--invalid').waitFor();
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('apply update: old → new weights and a falling loss, all from the engine', async () => {
  const { page, problems } = await openPage(harness);
  await gotoNotebook(page, harness.url);
  assert.equal(await page.isDisabled('[data-action="apply-update"]'), true, 'needs the backward pass first');
  const cycles = 3;
  await page.click('[data-action="endBackward"]');
  for (let k = 0; k < cycles; k += 1) {
    await page.click('[data-action="apply-update"]');
    await page.waitForFunction((n) => document.querySelectorAll('.loss-list li').length === n + 1, k + 1);
    // Issue 9 item 6 changed this: the view stays at the end of the (new) backward pass, so the
    // next update can be applied at once.
    assert.equal(await currentStep(page), 16, 'the view stays at the end of the backward pass');
    assert.equal(await page.isDisabled('[data-action="apply-update"]'), false);
  }
  const reference = engine.evaluate({ ...CHAIN_REQUEST, update: { optimiser: 'sgd', learning_rate: 0.5, steps: cycles } });
  const losses = await page.$$eval('.loss-list li', (els) => els.map((el) => Number(el.dataset.value)));
  assert.deepEqual(losses, reference.update.losses);
  for (let k = 1; k < losses.length; k += 1) assert.ok(losses[k] < losses[k - 1], 'the loss falls');
  // The last update's new weights are the engine's, and the graph now uses them.
  const newW2 = Number(await page.getAttribute('.update-table tr[data-key="w:1:0:0"] td:nth-child(4)', 'data-value'));
  assert.equal(newW2, reference.update.layers[1].weights[0][0]);
  assert.equal(Number(await shown(page, 'w:1:0:0')), reference.update.layers[1].weights[0][0]);
  await page.waitForFunction(() => window.location.hash.includes('cyc=3'));
  // Reloading the link reproduces the history.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(await page.$$eval('.loss-list li', (els) => els.map((el) => Number(el.dataset.value))), reference.update.losses);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('check gradients shows the engine\'s largest relative error', async () => {
  const { page, problems } = await openPage(harness);
  await gotoNotebook(page, harness.url);
  await page.click('[data-action="check-gradients"]');
  const summary = page.locator('.check-summary');
  await summary.waitFor();
  const reference = engine.evaluate({ ...CHAIN_REQUEST, gradient_check: true }).gradient_check;
  assert.equal(Number(await summary.getAttribute('data-value')), reference.max_relative_error);
  assert.ok(reference.max_relative_error < 1e-6);
  assert.match(await summary.textContent(), /Largest relative error/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('BCE is offered only with a sigmoid output, and the setup can build a custom network', async () => {
  const { page, problems } = await openPage(harness);
  await gotoNotebook(page, harness.url);
  await page.click('summary:has(.setup-title)');
  await page.selectOption('[data-field="act-1"]', 'relu');
  await page.waitForFunction(() => document.querySelector('[data-field="loss"] option[value="bce"]').disabled);
  assert.match(await page.textContent('.stepper-setup'), /only available when the output layer uses sigmoid/);
  // A custom network: 3 inputs, two hidden layers (4 and 2 units) with Leaky ReLU and PReLU.
  await page.selectOption('[data-field="inputSize"]', '3');
  await page.selectOption('[data-field="hiddenCount"]', '2');
  await page.selectOption('[data-field="units-0"]', '4');
  await page.selectOption('[data-field="units-1"]', '2');
  await page.selectOption('[data-field="act-0"]', 'leaky_relu');
  await page.selectOption('[data-field="act-1"]', 'prelu');
  await page.selectOption('[data-field="act-2"]', 'sigmoid');
  await page.fill('[data-field="slope-0"]', '0.2');
  await page.press('[data-field="slope-0"]', 'Enter');
  await page.waitForFunction(() => document.querySelector('.setup-summary').textContent.includes('3 → 4 → 2 → 1'));
  assert.equal(await page.$eval('[data-field="preset"]', (el) => el.value), 'custom');
  await page.click('[data-action="endBackward"]');
  await page.waitForFunction(() => window.location.hash.includes('act=leaky_relu:0.2,prelu:0.25,sigmoid'));
  // The PReLU α gradient appears in the trace.
  assert.ok(await page.$('.graph-svg [data-key="galpha:1:0"][data-value]'));
  // An invalid number is refused with a message and changes nothing.
  await page.fill('[data-field="x-0"]', '1e9');
  await page.press('[data-field="x-0"]', 'Enter');
  await page.waitForSelector('.stepper-setup .field-error:not([hidden])');
  // (Issue 9 item 10: the message now names the field, the value and what is allowed.)
  assert.match(await page.textContent('.stepper-setup .field-error'), /Input x1: 1e9 is outside the allowed range; use a number from −1000 to 1000/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Mish, picked in the setup, is stepped through; the gradient shown for w1 matches a central finite difference', async () => {
  const { page, problems } = await openPage(harness);
  await gotoNotebook(page, harness.url);
  await page.click('summary:has(.setup-title)');
  await page.selectOption('[data-field="act-0"]', 'mish');
  await page.waitForFunction(() => document.querySelector('.setup-summary').textContent.includes('Mish'));
  const steps = Number((await page.textContent('.step-status')).match(/of (\d+)/)[1]);
  let firstLayerDerivative = null; // the backward pass reaches the first layer's f′ last
  for (let k = 0; k < steps; k += 1) {
    await page.click('[data-action="forward"]');
    if (await page.getAttribute('.stepper-equation .equation', 'data-kind') === 'activation_derivative') {
      firstLayerDerivative = await page.textContent('.stepper-equation');
    }
  }
  assert.equal(await currentStep(page), steps);
  await page.waitForFunction(() => window.location.hash.includes('act=mish,sigmoid'));
  // The network the stepper ran, from its own link; the loss from the engine in Node, w1 moved by ±h.
  const state = decodeStepperHash(new URLSearchParams(await page.evaluate(() => window.location.hash.split('?')[1])));
  assert.equal(state.params.mode, 'explicit');
  const lossAt = (w1) => engine.evaluate({
    input_size: 1,
    layers: [{ units: 1, activation: 'mish' }, { units: 1, activation: state.activations[1].name }],
    weights: [[[w1]], state.params.weights[1]],
    biases: state.params.biases,
    inputs: [state.inputs],
    targets: [[state.target]],
    loss: state.loss,
  }).loss;
  const w1 = state.params.weights[0][0][0];
  const h = 1e-5;
  const difference = (lossAt(w1 + h) - lossAt(w1 - h)) / (2 * h);
  const shownGradient = Number(await shown(page, 'gw:0:0:0'));
  assert.ok(relativeError(shownGradient, difference) < 1e-7, `∂L/∂w1 shown ${shownGradient} vs central difference ${difference}`);
  // The local derivative is explained with Mish's own name and formula (activation.dtex.mish).
  assert.match(firstLayerDerivative, /Mish′/);
  assert.match(firstLayerDerivative, /sp\(z\)/);
  assert.deepEqual(problems, []);
  await page.context().close();
});
