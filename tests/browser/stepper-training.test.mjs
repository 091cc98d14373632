// The stepper as a learner uses it (issue 9): many updates in a row, edits that must not wipe
// the history (or say so and can be undone), field messages next to the field, the keys after a
// click anywhere in the widget, and the graph's layer labels. Weights and losses are checked
// against plain SGD done here in JS with the chain rule written out by hand, never against the
// engine's own output.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, openPage, gotoNotebook, currentStep } from './helpers.mjs';
import { CHAIN, sgdByHand, relativeError } from './stepper-reference.mjs';

let harness;
test.before(async () => { harness = await startHarness(); });
test.after(async () => { await harness.close(); });

const lossCount = (page) => page.$$eval('.loss-list li', (els) => els.length);
const losses = (page) => page.$$eval('.loss-list li', (els) => els.map((el) => Number(el.dataset.value)));
const newValue = async (page, key) => Number(await page.getAttribute(`.update-table tr[data-key="${key}"] td:nth-child(4)`, 'data-value'));
const hashHas = (page, text) => page.waitForFunction((part) => window.location.hash.includes(part), text);

async function applyAndWait(page, action, total) {
  await page.click(`[data-action="${action}"]`);
  await page.waitForFunction((n) => document.querySelectorAll('.loss-list li').length === n + 1, total);
}

test('1, 10 and 100 updates in a row: the view stays at the end of the backward pass, the loss falls, the weights are plain SGD', async () => {
  const { page, problems } = await openPage(harness);
  await gotoNotebook(page, harness.url);
  await page.click('[data-action="endBackward"]');
  const end = await currentStep(page);
  await applyAndWait(page, 'apply-update', 1);
  assert.equal(await currentStep(page), end, 'still at the end of the backward pass');
  assert.equal(await page.isDisabled('[data-action="apply-update"]'), false, 'the next update can be applied at once');
  await applyAndWait(page, 'apply-update', 2);
  await applyAndWait(page, 'apply-10', 12);
  await applyAndWait(page, 'apply-100', 112);
  assert.equal(await currentStep(page), end);
  await hashHas(page, 'cyc=112');

  const reference = sgdByHand(CHAIN, 0.5, 112);
  const shownLosses = await losses(page);
  assert.equal(shownLosses.length, 113);
  shownLosses.forEach((loss, k) => assert.ok(relativeError(loss, reference.losses[k]) < 1e-9, `loss ${k}: ${loss} vs ${reference.losses[k]}`));
  for (let k = 1; k < shownLosses.length; k += 1) assert.ok(shownLosses[k] < shownLosses[k - 1], `the loss falls at update ${k}`);
  assert.ok(shownLosses[112] < shownLosses[0] / 2, `${shownLosses[112]} is well below ${shownLosses[0]}`);
  // The summary and the chart say the same.
  assert.equal(Number(await page.getAttribute('.loss-summary', 'data-last')), shownLosses[112]);
  assert.match(await page.textContent('.loss-summary'), /Updates applied: 112\./);

  // The weights after the last update: in the update table, on the graph's edges, and the
  // forward values of the pass on screen (computed with them).
  const { w1, b1, w2, b2 } = reference.params;
  for (const [key, expected] of [['w:0:0:0', w1], ['b:0:0', b1], ['w:1:0:0', w2], ['b:1:0', b2]]) {
    const value = await newValue(page, key);
    assert.ok(relativeError(value, expected) < 1e-9, `${key}: ${value} vs SGD by hand ${expected}`);
  }
  const onEdge = Number(await page.getAttribute('.graph-svg [data-key="w:1:0:0"]', 'data-value'));
  assert.ok(relativeError(onEdge, w2) < 1e-9);
  const trace = sgdByHand(reference.params, 0.5, 0);
  const shownLoss = Number(await page.getAttribute('.graph-svg [data-key="L"]', 'data-value'));
  assert.ok(relativeError(shownLoss, trace.losses[0]) < 1e-9, 'the graph shows the pass at the new weights');
  assert.match(await page.textContent('.update-table'), /w₁₁⁽²⁾/);

  // The link replays the same history.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  const replayed = await losses(page);
  replayed.forEach((loss, k) => assert.ok(relativeError(loss, shownLosses[k]) < 1e-12, `replayed loss ${k}`));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('learning rate 0.5 → "abc" → 0.5 keeps the updates; the field says what is wrong, next to it', async () => {
  const { page, problems } = await openPage(harness);
  await gotoNotebook(page, harness.url);
  await page.click('[data-action="endBackward"]');
  await applyAndWait(page, 'apply-update', 1);
  await applyAndWait(page, 'apply-update', 2);
  const before = await losses(page);

  await page.fill('.actlab-stepper [data-field="lr"]', 'abc');
  await page.press('.actlab-stepper [data-field="lr"]', 'Enter');
  await page.waitForSelector('.actlab-stepper [data-field="lr"][aria-invalid="true"]');
  const errorId = await page.getAttribute('.actlab-stepper [data-field="lr"]', 'aria-describedby');
  const message = await page.textContent(`#${errorId}`);
  assert.equal(message, 'Learning rate η: “abc” is not a number; use a number from 0.0001 to 10.');
  assert.doesNotMatch(message, /link|default|reset/i, 'a field error never claims a reset');
  assert.equal(await page.$$eval('.notice--invalid, .stepper-notice:not([hidden])', (els) => els.length), 0, 'no link message');
  assert.deepEqual(await losses(page), before, 'an invalid value changes nothing');

  // Back to the value it has: nothing changes, and the error goes away.
  await page.fill('.actlab-stepper [data-field="lr"]', '0.5');
  await page.press('.actlab-stepper [data-field="lr"]', 'Enter');
  await page.waitForSelector('.actlab-stepper [data-field="lr"]:not([aria-invalid])');
  assert.equal(await page.$$eval('.stepper-training .field-error', (els) => els.length), 0);
  assert.deepEqual(await losses(page), before, 'the same value keeps the two updates');
  assert.equal(await page.$$eval('.reset-notice', (els) => els.length), 0);
  await hashHas(page, 'cyc=2');

  // Out of range: named with the value and the allowed range.
  await page.fill('.actlab-stepper [data-field="lr"]', '50');
  await page.press('.actlab-stepper [data-field="lr"]', 'Enter');
  await page.waitForFunction(() => document.querySelector('.stepper-training .field-error')?.textContent.includes('50 is outside'));
  assert.equal(await page.textContent('.stepper-training .field-error'), 'Learning rate η: 50 is outside the allowed range; use a number from 0.0001 to 10.');
  assert.deepEqual(await losses(page), before);

  // A real change restarts training, says so next to the field, and can be undone.
  await page.fill('.actlab-stepper [data-field="lr"]', '0.25');
  await page.press('.actlab-stepper [data-field="lr"]', 'Enter');
  await page.waitForSelector('.stepper-training .reset-notice');
  assert.match(await page.textContent('.stepper-training .reset-notice'), /the 2 applied updates were cleared/);
  assert.equal(await lossCount(page), 0, 'training starts again');
  await hashHas(page, 'lr=0.25');
  await page.click('[data-action="undo-reset"]');
  await page.waitForFunction(() => document.querySelectorAll('.loss-list li').length === 3);
  assert.deepEqual(await losses(page), before, 'Undo brings the updates back');
  assert.equal(await page.inputValue('.actlab-stepper [data-field="lr"]'), '0.5');
  assert.match(await page.textContent('.stepper-training .reset-notice'), /Undone/);
  await hashHas(page, 'cyc=2');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('setup fields: the same value keeps the history, a bad one is named next to the field (English and 中文)', async () => {
  const { page, problems } = await openPage(harness);
  await gotoNotebook(page, harness.url);
  await page.click('[data-action="endBackward"]');
  await applyAndWait(page, 'apply-update', 1);
  await page.click('summary:has(.setup-title)');
  await page.fill('[data-field="x-0"]', '1.50');
  await page.press('[data-field="x-0"]', 'Enter');
  await page.fill('[data-field="w-0-0-0"]', '0.8');
  await page.press('[data-field="w-0-0-0"]', 'Enter');
  assert.equal(await lossCount(page), 2, 'values equal to the current ones change nothing');
  await page.fill('[data-field="x-0"]', 'abc');
  await page.press('[data-field="x-0"]', 'Enter');
  await page.waitForSelector('[data-field="x-0"][aria-invalid="true"]');
  const id = await page.getAttribute('[data-field="x-0"]', 'aria-describedby');
  assert.equal(await page.textContent(`#${id}`), 'Input x1: “abc” is not a number; use a number from −1000 to 1000.');
  assert.equal(await lossCount(page), 2);
  // A weight: named by its place in the network.
  await page.fill('[data-field="w-1-0-0"]', '2e7');
  await page.press('[data-field="w-1-0-0"]', 'Enter');
  await page.waitForSelector('[data-field="w-1-0-0"][aria-invalid="true"]');
  const weightId = await page.getAttribute('[data-field="w-1-0-0"]', 'aria-describedby');
  assert.equal(await page.textContent(`#${weightId}`),
    'Weight from input 1 to neuron 1 in layer 2: 2e7 is outside the allowed range; use a number from −1000000 to 1000000.');
  // A real change (x = 2) says it cleared the update.
  await page.fill('[data-field="x-0"]', '2');
  await page.press('[data-field="x-0"]', 'Enter');
  await page.waitForSelector('.stepper-setup .reset-notice');
  assert.match(await page.textContent('.stepper-setup .reset-notice'), /the applied update was cleared/);
  assert.deepEqual(problems, []);
  await page.context().close();

  const zh = await openPage(harness, { locale: 'zh-CN' });
  await gotoNotebook(zh.page, harness.url);
  await zh.page.fill('.actlab-stepper [data-field="lr"]', 'abc');
  await zh.page.press('.actlab-stepper [data-field="lr"]', 'Enter');
  await zh.page.waitForSelector('.actlab-stepper [data-field="lr"][aria-invalid="true"]');
  assert.equal(await zh.page.textContent('.stepper-training .field-error'), '学习率 η：“abc”不是数字，请输入 0.0001 到 10 之间的数。');
  assert.deepEqual(zh.problems, []);
  await zh.context.close();
});

test('keys work after a click on blank space in the widget, or on a button that then becomes disabled', async () => {
  const { page, problems } = await openPage(harness);
  await gotoNotebook(page, harness.url);
  // Blank space: the padding of the stage panel, then the equation's note (plain text).
  await page.click('.stepper-stage', { position: { x: 4, y: 4 } });
  await page.keyboard.press('ArrowRight');
  assert.equal(await currentStep(page), 1);
  await page.click('.stepper-equation .equation-note');
  await page.keyboard.press('ArrowRight');
  assert.equal(await currentStep(page), 2);
  // "End of backward" disables itself once there; the keys still work.
  await page.click('[data-action="endBackward"]');
  assert.equal(await currentStep(page), 16);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await currentStep(page), 15);
  await page.click('[data-action="reset"]');
  await page.keyboard.press('End');
  assert.equal(await currentStep(page), 16);
  // A click outside the widget gives the keys back to the page.
  await page.click('h1');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await currentStep(page), 16);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('graph nodes carry their layer, as in the equations, and the chain’s edge tags keep clear of their edge at 1280 px', async () => {
  const { page, problems } = await openPage(harness, { width: 1280 });
  await gotoNotebook(page, harness.url);
  const caption = (key) => page.textContent(`.graph-svg [data-key="${key}"] .node-caption`);
  assert.equal(await caption('z:0:0'), 'z₁⁽¹⁾');
  assert.equal(await caption('a:0:0'), 'a₁⁽¹⁾');
  assert.equal(await caption('z:1:0'), 'z₁⁽²⁾');
  assert.equal(await caption('a:1:0'), 'a₁⁽²⁾');
  await page.click('[data-action="endBackward"]');
  assert.match(await page.textContent('.graph-svg [data-key="ga:0:0"]'), /^∂L\/∂a₁⁽¹⁾=/);
  assert.match(await page.textContent('.graph-svg [data-key="gb:1:0"]'), /^∂L\/∂b₁⁽²⁾=/);
  // The default chain's level edges (fans, with edges close together, keep their tags across the line).
  for (const layout of ['chain']) {
    const clashes = await page.$$eval('.graph-svg .edge-group', (groups) => groups.flatMap((group) => {
      const key = group.dataset.key;
      const line = group.querySelector('line');
      const [, l, j, i] = key.split(':');
      if (!key.startsWith('edge:')) return [];
      const x1 = Number(line.getAttribute('x1'));
      const y1 = Number(line.getAttribute('y1'));
      const x2 = Number(line.getAttribute('x2'));
      const y2 = Number(line.getAttribute('y2'));
      const found = [];
      for (const tagKey of [`w:${l}:${j}:${i}`, `gw:${l}:${j}:${i}`]) {
        const tag = document.querySelector(`.graph-svg [data-key="${tagKey}"]`);
        if (!tag || tag.hasAttribute('hidden') || getComputedStyle(tag.parentNode).display === 'none') continue;
        const rect = tag.querySelector('rect');
        const left = Number(rect.getAttribute('x'));
        const top = Number(rect.getAttribute('y'));
        const right = left + Number(rect.getAttribute('width'));
        const bottom = top + Number(rect.getAttribute('height'));
        // The line's height over the box's horizontal extent, with its stroke.
        for (let s = 0; s <= 20; s += 1) {
          const x = left + ((right - left) * s) / 20;
          if (x < Math.min(x1, x2) || x > Math.max(x1, x2)) continue;
          const y = y1 + ((y2 - y1) * (x - x1)) / (x2 - x1);
          if (y > top - 2 && y < bottom + 2) { found.push(`${tagKey} on ${key}`); break; }
        }
      }
      return found;
    }));
    assert.deepEqual(clashes, [], layout);
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});
