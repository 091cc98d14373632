// The comparison lab at its limits (issue 9): 32 hidden layers, where a sigmoid network's gradient
// norms fall far below 1e−23 (a log axis must still draw them, with a bounded number of readable
// ticks, and opening the experiment must not hang the page); a large run shows its rate and the time
// left while it trains, and its warning gives an estimate before it starts. The longest main-thread
// task while opening depth 32 is measured (PerformanceObserver 'longtask') and printed, not asserted.
import test from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { openPage } from './helpers.mjs';
import { LAB, useHarness, gotoWidget, waitIdle, hashFor, nodeSnapshot } from './lab-helpers.mjs';
import { encodeLabHash } from '../../web/js/kit/state/lab-codec.js';
import { validateLabState, defaultLabState } from '../../web/js/kit/state/lab-schema.js';
import { experimentSpec } from '../../web/js/widgets/lab/model.js';
import { duration } from '../../web/js/kit/experiment/labels.js';
import { chunkSize, estimateRunMs } from '../../web/js/kit/experiment/training-loop.js';

const GRAD_CHART = `${LAB} .lab-charts .lab-chart:nth-child(2) .actlab-chart`;
const LONG_TASKS = () => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch { /* no longtask support: nothing recorded */ }
};

/** "1e−40" → 1e-40 (the page writes a real minus sign). */
const tickValue = (text) => Number(text.replace('\u2212', '-'));

const ACTIVATION_SETS = [
  [{ name: 'sigmoid' }, { name: 'tanh' }, { name: 'relu' }],
  [{ name: 'softplus' }, { name: 'silu' }, { name: 'gelu' }, { name: 'elu' }, { name: 'identity' }],
  [{ name: 'leaky_relu', slope: 0.01 }, { name: 'prelu', alpha: 0.25 }],
];

const shared = useHarness(test);

test('depth 32, every activation: the gradient chart draws every positive norm with a few readable ticks, no error', async (t) => {
  const { page, problems } = await openPage(shared.harness, { initScripts: [LONG_TASKS] });
  // The notebook loads first (its own start-up is not the lab's); then each link changes only the hash.
  await gotoWidget(page, shared.harness.url, '#lab', LAB);
  for (const activations of ACTIVATION_SETS) {
    const state = validateLabState({ ...defaultLabState(), depth: 32, activations });
    await page.evaluate(() => { window.__longTasks.length = 0; });
    await gotoWidget(page, shared.harness.url, hashFor('lab', encodeLabHash, state), LAB);
    await page.waitForTimeout(500); // long tasks are reported after they end
    const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
    t.diagnostic(`${activations.map((a) => a.name).join(', ')}: longest main-thread task while opening depth 32: ${longest.toFixed(0)} ms (load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.yTicks, GRAD_CHART);
    const expected = nodeSnapshot(shared.engine, experimentSpec(state), 0).snapshot.runs.map((run) => run.layers.map((layer) => layer.gradient_norm));
    const positive = expected.flat().filter((v) => v > 0);
    const { points, ticks } = await page.$eval(GRAD_CHART, (el) => ({ points: Number(el.dataset.points), ticks: el.dataset.yTicks.split('|') }));
    // Every positive norm is drawn (a log axis has no place for 0).
    assert.equal(points, positive.length, `${activations[0].name}: ${points} points drawn, ${positive.length} positive norms`);
    // A bounded number of ticks, each a number, increasing, and covering the data within one gap.
    assert.ok(ticks.length >= 2 && ticks.length <= 9, `ticks: ${ticks.join(' ')}`);
    const values = ticks.map(tickValue);
    for (const value of values) assert.ok(Number.isFinite(value) && value > 0, `tick ${ticks.join(' ')}`);
    for (let k = 1; k < values.length; k += 1) assert.ok(values[k] > values[k - 1], `ticks increase: ${ticks.join(' ')}`);
    const gap = Math.log10(values[1] / values[0]);
    const [low, high] = [Math.min(...positive), Math.max(...positive)];
    assert.ok(Math.log10(low) >= Math.log10(values[0]) - gap - 1e-9, `lowest norm ${low} below the axis ${ticks.join(' ')}`);
    assert.ok(Math.log10(high) <= Math.log10(values.at(-1)) + gap + 1e-9, `highest norm ${high} above the axis ${ticks.join(' ')}`);
    t.diagnostic(`norms ${low.toExponential(1)} … ${high.toExponential(1)}; ticks ${ticks.join(' ')}`);
  }
  // The sigmoid set really reaches below 1e−23 (the range that broke the log axis).
  const sigmoid = nodeSnapshot(shared.engine, experimentSpec(validateLabState({ ...defaultLabState(), depth: 32, activations: ACTIVATION_SETS[0] })), 0).snapshot;
  assert.ok(sigmoid.runs[0].layers[0].gradient_norm < 1e-23, `sigmoid layer 1: ${sigmoid.runs[0].layers[0].gradient_norm}`);
  // Training a few steps at depth 32 keeps drawing.
  await page.click(`${LAB} [data-action="step"]`);
  await page.waitForFunction((sel) => document.querySelector(sel).dataset.step === '1', LAB);
  await waitIdle(page, LAB);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('durations and the run-time estimate: readable text, and the estimate adds steps and measurements', () => {
  const en = (key, p) => ({ 'lab.time.seconds': `${p.s} s`, 'lab.time.minutes': `${p.m} min ${p.s} s`, 'lab.time.hours': `${p.h} h ${p.m} min` })[key];
  assert.equal(duration(200000, en), '3 min 20 s');
  assert.equal(duration(45400, en), '45 s');
  assert.equal(duration(200, en), '1 s');
  assert.equal(duration(3900000, en), '1 h 5 min');
  // No measurement cost: the estimate is the steps' time alone.
  assert.equal(estimateRunMs({ target: 500, budgetMs: 30, msPerStep: 2, measureMs: 0 }), 1000);
  // One step per update until the growth rule allows more: 20 steps at 1 per update, 1 ms each, 10 ms measuring.
  assert.equal(estimateRunMs({ target: 20, budgetMs: 30, msPerStep: 1, measureMs: 0.5 }), 20 + 20 * 0.5);
  // A measurement costing 10 steps: each update trains at least that long (10 steps) from the start.
  assert.equal(chunkSize({ step: 0, remaining: 500, budgetMs: 30, msPerStep: 100, measureMs: 1000 }), 10);
  assert.equal(estimateRunMs({ target: 100, budgetMs: 30, msPerStep: 100, measureMs: 1000 }), 100 * 100 + 10 * 1000);
  // A small network whose measurement fits the budget keeps the growth rule: one step first.
  assert.equal(chunkSize({ step: 0, remaining: 1500, budgetMs: 30, msPerStep: 0.05, measureMs: 2 }), 1);
});

test('a large run shows steps per second and the time left while it trains; its warning gives an estimate first', async (t) => {
  const state = validateLabState({
    ...defaultLabState(), depth: 32, width: 72, activations: [{ name: 'sigmoid' }, { name: 'relu' }], steps: 20000,
  });
  const texts = {
    'en-US': { estimate: /the 20000 steps will take about (.+) on this device/, rate: /^Training… ([\d.]+) steps\/s · ≈ (.+) left$/, time: /^(\d+ s|\d+ min \d+ s|\d+ h \d+ min)$/ },
    'zh-CN': { estimate: /这 20000 步大约需要(.+)（/, rate: /^训练中……每秒 ([\d.]+) 步，预计还需约 (.+)$/, time: /^(\d+ 秒|\d+ 分 \d+ 秒|\d+ 小时 \d+ 分)$/ },
  };
  for (const [locale, expected] of Object.entries(texts)) {
    const { page, problems } = await openPage(shared.harness, { locale });
    await gotoWidget(page, shared.harness.url, hashFor('lab', encodeLabHash, state), LAB);
    // Before training: the warning gives the time the run should take.
    const hint = await page.textContent(`${LAB} .lab-large-hint`);
    const estimate = hint.match(expected.estimate);
    assert.ok(estimate, `${locale} warning: ${hint}`);
    assert.match(estimate[1].trim(), expected.time);
    await page.click(`${LAB} [data-action="train"]`);
    const phase = `${LAB} .lab-phase`;
    await page.waitForFunction(([sel, source]) => new RegExp(source).test(document.querySelector(sel).textContent), [phase, expected.rate.source], { timeout: 60000 });
    const line = await page.textContent(phase);
    const step = Number(await page.getAttribute(LAB, 'data-step'));
    await page.click(`${LAB} [data-action="train"]`); // pause
    await waitIdle(page, LAB);
    const [, rate, left] = line.match(expected.rate);
    assert.ok(Number(rate) > 0, line);
    assert.match(left, expected.time);
    t.diagnostic(`${locale}: "${estimate[0]}"; while training (step ${step}): "${line}"`);
    // Paused: no rate any more.
    assert.doesNotMatch(await page.textContent(phase), expected.rate);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});
