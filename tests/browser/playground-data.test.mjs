// The playground past TensorFlow Playground (issue 13): the learner's own points, added, moved and
// erased with a mouse and with the keyboard (the boundary follows, checked against the same run in
// Node), a CSV with bad rows refused by line number with nothing changed, a long data set kept out of
// the link but in the browser; every hidden unit's map against a forward pass written out here in
// plain JS from the exported weights, and dead units against the same; the plane in view while
// training at 375 px, in Chinese.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import createActLab from '../../web/engine/actlab.js';
import { startHarness, openPage, cspViolations } from './helpers.mjs';
import { PLAYGROUND, gotoWidget, waitIdle, waitStep, hashFor, nodeSnapshot, relativeError, horizontalOverflow, shownValue } from './lab-helpers.mjs';
import { encodePlaygroundHash, decodePlaygroundHash } from '../../web/js/kit/state/playground-codec.js';
import { validatePlaygroundState, defaultPlaygroundState } from '../../web/js/kit/state/playground-schema.js';
import { experimentSpec, presetState, GRID_RESOLUTION } from '../../web/js/widgets/playground/model.js';
import { parseHash } from '../../web/js/kit/state/hash.js';

const PLANE = `${PLAYGROUND} .pg-plane`;
const THREE_SPIRALS = {
  ...defaultPlaygroundState(), dataset: { kind: 'spirals', size: 300, noise: 0.05, seed: 1 }, classes: 3,
  hidden: [16, 16], activation: { name: 'relu' }, lr: 0.01, batch: 32, steps: 1500,
};
const STATUS = `${PLAYGROUND} [data-role="data-status"]`;

let harness;
let engine;
test.before(async () => {
  harness = await startHarness();
  engine = await createActLab();
});
test.after(async () => { await harness.close(); });

/** The playground's state in the page's URL. */
async function stateInUrl(page) {
  return decodePlaygroundHash(parseHash(await page.evaluate(() => window.location.hash), ['playground']).params);
}

/** Viewport coordinates of data point (x, y) on the plane (scrolled into view). */
async function planeXY(page, [x, y]) {
  return page.$eval(PLANE, (plane, [px, py]) => {
    const rect = plane.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) plane.scrollIntoView({ block: 'center' });
    const [low, high] = plane.dataset.extent.split(',').map(Number);
    const box = plane.querySelector('canvas').getBoundingClientRect();
    return [box.left + ((px - low) / (high - low)) * box.width, box.top + ((high - py) / (high - low)) * box.height];
  }, [x, y]);
}

/** Which class the decision map shows at data point (x, y): blue (class 1) or orange (class 0). */
async function mapClassAt(page, [x, y]) {
  return page.$eval(PLANE, (plane, [px, py]) => {
    const [low, high] = plane.dataset.extent.split(',').map(Number);
    const canvas = plane.querySelector('canvas');
    const scale = canvas.width / canvas.clientWidth;
    const cx = ((px - low) / (high - low)) * canvas.clientWidth * scale;
    const cy = ((high - py) / (high - low)) * canvas.clientHeight * scale;
    const [r, , b] = canvas.getContext('2d').getImageData(Math.round(cx), Math.round(cy), 1, 1).data;
    return b > r ? 1 : 0;
  }, [x, y]);
}

/** The class the engine's grid gives at (x, y) (the grid cell holding the point). */
function gridClassAt(grid, extent, [x, y]) {
  const [low, high] = extent;
  const c = Math.floor(((x - low) / (high - low)) * GRID_RESOLUTION);
  const r = Math.floor(((high - y) / (high - low)) * GRID_RESOLUTION);
  return grid[r * GRID_RESOLUTION + c] >= 0.5 ? 1 : 0;
}

/** Wait until the link (written 150 ms after a change) holds `count` points (and is no longer `previous`). */
async function waitUrlPoints(page, count, previous = '') {
  await page.waitForFunction(([n, old]) => {
    const match = window.location.hash.match(/pts=([^&/]*)/);
    const items = match ? match[1].split(',').filter(Boolean) : [];
    return items.length === n && window.location.hash !== old;
  }, [count, previous]);
}

const pointCount = async (page) => Number((await page.textContent(STATUS)).match(/(\d+) points/)[1]);
async function waitCount(page, count) {
  await page.waitForFunction(([sel, n]) => new RegExp(`: ${n} points`).test(document.querySelector(sel).textContent), [STATUS, count]);
  await waitIdle(page, PLAYGROUND);
}

test('own points: added, moved and erased by mouse and keyboard; the boundary follows; the link and a reload keep them', async (t) => {
  const { page, problems } = await openPage(harness);
  const start = validatePlaygroundState({ ...defaultPlaygroundState(), lr: 0.03, steps: 300, points: [] });
  await gotoWidget(page, harness.url, hashFor('playground', encodePlaygroundHash, start), PLAYGROUND);
  assert.equal(await page.isDisabled(`${PLAYGROUND} [data-action="train"]`), true, 'nothing to train on yet');
  assert.match(await page.textContent(`${PLAYGROUND} .lab-phase`), /No points yet/);

  // Class 1 on the left, class 0 on the right, by mouse clicks.
  for (const [x, y] of [[-1, 0.5], [-1, -0.5]]) await page.mouse.click(...await planeXY(page, [x, y]));
  await page.check(`${PLAYGROUND} [data-field="class-0"]`);
  for (const [x, y] of [[1, 0.5], [1, -0.5]]) await page.mouse.click(...await planeXY(page, [x, y]));
  await waitCount(page, 4);
  await waitUrlPoints(page, 4);
  let state = await stateInUrl(page);
  assert.equal(state.points.length, 4);
  assert.deepEqual(state.points.map((p) => p[2]), [1, 1, 0, 0]);
  [[-1, 0.5], [-1, -0.5], [1, 0.5], [1, -0.5]].forEach(([x, y], k) => {
    assert.ok(Math.abs(state.points[k][0] - x) < 0.02 && Math.abs(state.points[k][1] - y) < 0.02, `point ${k}: ${state.points[k]}`);
  });

  // Training uses exactly these points: the loss is the engine's in Node for the same state.
  await page.click(`${PLAYGROUND} [data-action="train"]`);
  await waitStep(page, PLAYGROUND, 300);
  let expected = nodeSnapshot(engine, experimentSpec(state), 300);
  assert.ok(relativeError(await shownValue(page, `${PLAYGROUND} [data-field="train-loss"]`), expected.snapshot.runs[0].loss) < 1e-12);
  assert.equal(await shownValue(page, `${PLAYGROUND} [data-field="train-accuracy"]`), 1);
  const probe = [1, -1.3]; // below the right-hand (class 0) points
  const extentBefore = (await page.getAttribute(PLANE, 'data-extent')).split(',').map(Number);
  assert.equal(gridClassAt(expected.snapshot.runs[0].grid, extentBefore, probe), 0);
  assert.equal(await mapClassAt(page, probe), 0, 'the map shows class 0 there');

  // Drag the class-1 point at (−1, −0.5) to just above the probe: the boundary follows it there.
  const beforeDrag = await page.evaluate(() => window.location.hash);
  await page.mouse.move(...await planeXY(page, state.points[1]));
  await page.mouse.down();
  await page.mouse.move(...await planeXY(page, [1, -1.1]), { steps: 6 });
  await page.mouse.up();
  await waitIdle(page, PLAYGROUND);
  await waitUrlPoints(page, 4, beforeDrag);
  state = await stateInUrl(page);
  assert.ok(Math.abs(state.points[1][0] - 1) < 0.02 && Math.abs(state.points[1][1] + 1.1) < 0.02, `moved to ${state.points[1]}`);
  assert.equal(state.points[1][2], 1);
  await page.click(`${PLAYGROUND} [data-action="train"]`);
  await waitStep(page, PLAYGROUND, 300);
  expected = nodeSnapshot(engine, experimentSpec(state), 300);
  const extentAfter = (await page.getAttribute(PLANE, 'data-extent')).split(',').map(Number);
  assert.equal(gridClassAt(expected.snapshot.runs[0].grid, extentAfter, probe), 1, 'the reference boundary moved past the probe');
  assert.equal(await mapClassAt(page, probe), 1, 'and so did the page\'s');
  assert.ok(relativeError(await shownValue(page, `${PLAYGROUND} [data-field="train-loss"]`), expected.snapshot.runs[0].loss) < 1e-12);

  // Right-click erases the point under the pointer.
  await page.mouse.click(...await planeXY(page, state.points[1]), { button: 'right' });
  await waitCount(page, 3);
  await waitUrlPoints(page, 3);
  assert.equal((await stateInUrl(page)).points.some(([x, y]) => Math.abs(x - 1) < 0.02 && Math.abs(y + 1.1) < 0.02), false);

  // Keyboard: the plane is one tab stop with a cursor; Enter adds (class 0 is selected), Delete erases.
  await page.focus(PLANE);
  for (let k = 0; k < 3; k += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await waitCount(page, 4);
  await waitUrlPoints(page, 4);
  assert.match(await page.textContent(`${PLAYGROUND} [data-role="data-live"]`), /Added a class 0 point at \(0\.00, −0\.\d\d\); 4 points\./);
  const added = (await stateInUrl(page)).points[3];
  assert.equal(added[2], 0);
  await page.keyboard.press('2'); // class 1
  assert.equal(await page.isChecked(`${PLAYGROUND} [data-field="class-1"]`), true);
  await page.keyboard.press('Delete');
  await waitCount(page, 3);
  await waitUrlPoints(page, 3);
  assert.match(await page.textContent(`${PLAYGROUND} [data-role="data-live"]`), /Erased the class 0 point/);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('pg-plane')), true, 'focus stays on the plane');

  // A reload keeps the learner's points (they are in the link).
  const kept = (await stateInUrl(page)).points;
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await waitIdle(page, PLAYGROUND);
  assert.deepEqual((await stateInUrl(page)).points, kept);
  assert.equal(await pointCount(page), 3);
  t.diagnostic(`own points after the edits: ${JSON.stringify(kept)}`);

  // A tap on a point (no drag) adds one there too: among many points nearly every tap lands on one.
  const onTop = kept[0];
  await page.mouse.click(...await planeXY(page, onTop));
  await waitCount(page, 4);
  await waitUrlPoints(page, 4);
  const tapped = (await stateInUrl(page)).points[3];
  assert.ok(Math.abs(tapped[0] - onTop[0]) < 0.02 && Math.abs(tapped[1] - onTop[1]) < 0.02, `added at ${tapped}, on ${onTop}`);
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await page.context().close();
});

test('CSV: bad rows are refused by line number and nothing changes; a long set loads, stays out of the link and survives a reload', async () => {
  const { page, problems } = await openPage(harness);
  await gotoWidget(page, harness.url, '#playground', PLAYGROUND);
  const before = { hash: await page.evaluate(() => window.location.hash), status: await page.textContent(STATUS) };
  await page.click(`${PLAYGROUND} .pg-csv summary`);
  const message = `${PLAYGROUND} [data-role="data-message"]`;
  await page.fill(`${PLAYGROUND} [data-field="csv"]`, 'x1,x2,label\n0.1,0.2,1\n0.3,abc,0\n1,2\n\n0.5,0.5,3\n0.5,-0.5,0\n');
  await page.click(`${PLAYGROUND} [data-action="load-csv"]`);
  await page.waitForSelector(`${message}[data-kind="error"]`);
  assert.equal(await page.textContent(message),
    'The CSV was not loaded: line 3: “abc” is not a number; line 4: expected 3 fields, found 2; line 6: the class must be a whole number from 0 to 1 (found 3). Nothing was changed.');
  assert.equal(await page.getAttribute(message, 'role'), 'alert');
  await page.waitForTimeout(200);
  assert.deepEqual({ hash: await page.evaluate(() => window.location.hash), status: await page.textContent(STATUS) }, before);

  // Too many rows, from a file: refused as a whole.
  const tooMany = Array.from({ length: 2001 }, (_, k) => `${k / 1000},0,${k % 2}`).join('\n');
  await page.setInputFiles(`${PLAYGROUND} [data-field="csv-file"]`, { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(tooMany) });
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.includes('2001 data rows'), message);
  assert.equal(await page.textContent(STATUS), before.status);

  // 150 points, semicolons and decimal commas: loaded; the link names them, the browser keeps them.
  const rows = Array.from({ length: 150 }, (_, k) => [Math.cos(k) * (k % 2 ? 1 : 2), Math.sin(k) * (k % 2 ? 1 : 2), k % 2]);
  const text = ['x1;x2;label', ...rows.map(([x, y, c]) => `${String(x).replace('.', ',')};${String(y).replace('.', ',')};${c}`)].join('\r\n');
  await page.fill(`${PLAYGROUND} [data-field="csv"]`, text);
  await page.click(`${PLAYGROUND} [data-action="load-csv"]`);
  await waitCount(page, 150);
  assert.equal(await page.textContent(message), 'Loaded 150 points.');
  // The notebook writes the link 150 ms after the last change.
  await page.waitForFunction(() => /pts=saved\.150\./.test(window.location.hash), null, { timeout: 5000 }).catch(() => {});
  const hash = await page.evaluate(() => window.location.hash);
  assert.match(hash, /pts=saved\.150\.[0-9a-z]+/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${PLAYGROUND} [data-action="export-json"]`)]);
  assert.deepEqual(JSON.parse(fs.readFileSync(await download.path(), 'utf8')).settings.points, rows, 'the file holds every point');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await waitIdle(page, PLAYGROUND);
  assert.equal(await pointCount(page), 150);
  assert.deepEqual(problems, []);
  await page.context().close();

  // Another browser (fresh storage) cannot have them: the link says so and shows the defaults.
  const other = await openPage(harness);
  await gotoWidget(other.page, harness.url, hash, PLAYGROUND);
  assert.match(await other.page.textContent('body'), /your own points saved in the browser that made it/);
  assert.match(await other.page.textContent(STATUS), /^Generated data/);
  await other.page.context().close();
});

/** tanh network forward pass, written out: the hidden layers' outputs at (x₁, x₂). */
function hiddenOutputs(layers, f, x) {
  const outputs = [];
  let a = x;
  for (const { weights, biases } of layers) {
    a = weights.map((row, j) => f(row.reduce((sum, w, i) => sum + w * a[i], biases[j])));
    outputs.push(a);
  }
  return outputs;
}

test('every neuron: each unit\'s map is its own forward pass (plain JS from the exported weights); dead units are marked', async (t) => {
  const { page, problems } = await openPage(harness);
  const state = validatePlaygroundState({ ...defaultPlaygroundState(), at: 40 });
  await gotoWidget(page, harness.url, hashFor('playground', encodePlaygroundHash, state), PLAYGROUND);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${PLAYGROUND} [data-action="export-json"]`)]);
  const units = JSON.parse(fs.readFileSync(await download.path(), 'utf8')).results.units;
  assert.equal(units.step, 40);
  const { resolution, extent: [low, high] } = units;
  const step = (high - low) / resolution;
  let worst = 0;
  for (const [r, c] of [[0, 0], [3, 17], [12, 12], [20, 5], [resolution - 1, resolution - 1]]) {
    const outputs = hiddenOutputs(units.layers, Math.tanh, [low + (c + 0.5) * step, high - (r + 0.5) * step]);
    units.layers.forEach((layer, l) => outputs[l].forEach((value, j) => {
      const shown = layer.map[(r * resolution + c) * outputs[l].length + j];
      worst = Math.max(worst, Math.abs(shown - value));
    }));
  }
  t.diagnostic(`unit maps vs plain-JS forward pass: largest difference ${worst}`);
  assert.ok(worst < 1e-12, `unit maps differ from the forward pass by ${worst}`);
  // The drawn map has the sign of the unit's output: blue where positive, orange where negative.
  const layer = units.layers[1];
  const pixels = await page.$eval(`${PLAYGROUND} .pg-unit[data-layer="1"][data-unit="2"] canvas`, (canvas) => Array.from(canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data));
  let checked = 0;
  for (let k = 0; k < resolution * resolution; k += 1) {
    const value = layer.map[k * 8 + 2];
    if (Math.abs(value) < 0.2) continue;
    assert.equal(pixels[4 * k + 2] > pixels[4 * k] ? 1 : -1, Math.sign(value), `pixel ${k}`);
    checked += 1;
  }
  assert.ok(checked > 50);

  // Dying ReLU: the units marked dead are exactly those at 0 on every training point (plain JS again).
  const relu = validatePlaygroundState({ ...presetState('dead-relu'), at: 60 });
  await gotoWidget(page, harness.url, hashFor('playground', encodePlaygroundHash, relu), PLAYGROUND);
  const [reluDownload] = await Promise.all([page.waitForEvent('download'), page.click(`${PLAYGROUND} [data-action="export-json"]`)]);
  const reluUnits = JSON.parse(fs.readFileSync(await reluDownload.path(), 'utf8')).results.units;
  const data = engine.evaluate({ dataset: relu.dataset }).dataset.inputs;
  const activations = data.map((x) => hiddenOutputs(reluUnits.layers, (z) => Math.max(0, z), x));
  const dead = [];
  reluUnits.layers.forEach((layerUnits, l) => layerUnits.biases.forEach((_, j) => {
    if (activations.every((a) => a[l][j] === 0)) dead.push(`${l}:${j}`);
  }));
  const marked = await page.$$eval(`${PLAYGROUND} .pg-unit[data-state="dead"]`, (list) => list.map((u) => `${u.dataset.layer}:${u.dataset.unit}`));
  t.diagnostic(`dead-relu at step 60: ${dead.length} of 24 hidden units dead`);
  assert.ok(dead.length > 6);
  assert.deepEqual(marked.sort(), dead.sort());
  // Hovering a unit shows its share of zeros and its incoming weights.
  const [l, j] = dead[0].split(':');
  await page.hover(`${PLAYGROUND} .pg-unit[data-layer="${l}"][data-unit="${j}"]`);
  assert.equal(await page.textContent(`${PLAYGROUND} [data-field="unit-zeros"]`), '100%');
  assert.equal(await page.textContent(`${PLAYGROUND} [data-field="unit-state"]`), 'dead');
  assert.equal(await page.$$eval(`${PLAYGROUND} .pg-unit-weights li`, (items) => items.length), (l === '0' ? 2 : 8) + 1);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('375 px, Chinese: the plane stays in view while training, nothing scrolls sideways', async (t) => {
  const { page, problems } = await openPage(harness, { width: 375, height: 760, locale: 'zh-CN' });
  // The plane is pinned only while training, so the run must outlast the scrolling on any machine:
  // a wide network and big batches (a fast CI machine trained 20,000 steps of the default 2-8-8-1
  // network in under a second, and the plane was let go before it was measured).
  const state = validatePlaygroundState({ ...defaultPlaygroundState(), hidden: [16, 16, 16], batch: 256, steps: 20000 });
  await gotoWidget(page, harness.url, hashFor('playground', encodePlaygroundHash, state), PLAYGROUND);
  assert.match(await page.textContent(STATUS), /^生成的数据：300 个训练点/);
  assert.equal(await horizontalOverflow(page), 0);
  await page.click(`${PLAYGROUND} [data-action="train"]`);
  await page.waitForFunction((sel) => document.querySelector(sel).dataset.phase === 'training', PLAYGROUND);
  // Scroll to the end of the results (the network view, the plots): the plane stays pinned above them.
  // (Scrolling on, past the results, lets it go: the glossary below may bring the layer table to the top.)
  await page.evaluate((sel) => document.querySelector(`${sel} .pg-results`).lastElementChild.scrollIntoView({ block: 'end' }), PLAYGROUND);
  await page.waitForTimeout(300);
  const box = await page.evaluate(([plane, widget]) => {
    const r = document.querySelector(plane).getBoundingClientRect();
    const { phase, step } = document.querySelector(widget).dataset;
    return { top: r.top, bottom: r.bottom, phase, step };
  }, [PLANE, PLAYGROUND]);
  t.diagnostic(`plane measured at step ${box.step} of 20000`);
  assert.equal(box.phase, 'training', 'still training when the plane is measured');
  assert.ok(box.top >= -1 && box.bottom <= 760, `the plane is in view: ${JSON.stringify(box)}`);
  assert.equal(await horizontalOverflow(page), 0);
  await page.click(`${PLAYGROUND} [data-action="train"]`); // pause
  await waitIdle(page, PLAYGROUND);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('three classes: spirals train to over 90% accuracy; regions per class, a confusion matrix, the PyTorch script', async (t) => {
  const { page, problems } = await openPage(harness);
  const state = validatePlaygroundState({ ...THREE_SPIRALS });
  await gotoWidget(page, harness.url, hashFor('playground', encodePlaygroundHash, state), PLAYGROUND);
  await page.click(`${PLAYGROUND} [data-action="train"]`);
  await waitStep(page, PLAYGROUND, state.steps, 120000);
  const expected = nodeSnapshot(engine, experimentSpec(state), state.steps);
  const run = expected.snapshot.runs[0];
  const shown = await shownValue(page, `${PLAYGROUND} [data-field="train-accuracy"]`);
  t.diagnostic(`3 spirals after ${state.steps} steps: training accuracy ${shown}, loss ${run.loss}`);
  assert.ok(shown > 0.9, `training accuracy ${shown}`);
  assert.ok(relativeError(await shownValue(page, `${PLAYGROUND} [data-field="train-loss"]`), run.loss) < 1e-12);
  // The confusion matrix, counted here from the engine's probabilities in Node (argmax per point).
  const matrix = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  expected.train.targets.forEach(([label], n) => {
    const p = Array.from(run.trainOutputs.slice(3 * n, 3 * n + 3));
    matrix[label][p.indexOf(Math.max(...p))] += 1;
  });
  const shownMatrix = await page.$$eval(`${PLAYGROUND} [data-role="confusion"] tbody tr`, (rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => Number(td.textContent))));
  assert.deepEqual(shownMatrix, matrix);
  assert.equal(shown, (matrix[0][0] + matrix[1][1] + matrix[2][2]) / state.dataset.size);
  // Three regions, each in its own Okabe–Ito colour somewhere on the map.
  const colours = await page.$eval(`${PLANE} canvas`, (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set();
    for (let k = 0; k < data.length; k += 4 * 7) seen.add(`${data[k] >> 5},${data[k + 1] >> 5},${data[k + 2] >> 5}`);
    return seen.size;
  });
  assert.ok(colours > 6);
  // Export as PyTorch: a softmax network with cross-entropy, holding the engine's parameters exactly.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${PLAYGROUND} [data-action="export-python"]`)]);
  const script = fs.readFileSync(await download.path(), 'utf8');
  assert.match(script, /nn\.Softmax\(dim=1\)/);
  assert.match(script, /nn\.CrossEntropyLoss\(\)/);
  const lastBias = run.parameters.layers.at(-1).biases;
  assert.ok(script.includes(`model[${2 * state.hidden.length}].bias.copy_(torch.tensor([${lastBias.map(String).join(', ')}]))`));
  assert.deepEqual(problems, []);
  await page.context().close();
});
