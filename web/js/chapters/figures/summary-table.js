// Chapter 9: one table comparing every activation, filled by the engine from the standard
// experiment of docs/chapters.md: the same data, network, initialisation and training for each
// activation; only f changes. Every cell is an engine statistic, an engine loss or a time
// measured around an engine call; JS only averages over the three hidden layers and takes the
// median of the timings.
import { h, yieldToBrowser } from '../../kit/dom.js';
import { timingSession } from './criteria.js';
import { formatPercent } from '../../kit/format.js';
import { figureFrame, rerunnable, stateNumberField, selectField, keyNumbers, fmt } from './frame.js';
import { ACTIVATION_NAMES, activationName } from '../../kit/activations.js';

/** A row for every activation of the engine's catalogue, each with its default parameters. */
export const SUMMARY_ACTIVATIONS = ACTIVATION_NAMES;
export const SUMMARY_DATASETS = ['spirals', 'circle', 'xor', 'gaussians'];
/** The chapter state this figure reads (chapters/state.js): each field, what it allows, its default. */
export const SUMMARY_FIELDS = Object.freeze({
  data: { type: 'word', words: SUMMARY_DATASETS, default: 'spirals' },
  seed: { type: 'integer', range: [0, 9999], default: 1 },
});
export const STANDARD_EXPERIMENT = Object.freeze({
  size: 400, noise: 0.1, dataSeed: 1,
  hidden: [16, 16, 16],
  init: 'kaiming_uniform',
  optimiser: { optimiser: 'adam', learning_rate: 0.01 },
  batch: 32,
  steps: 1000,
});

/** The standard experiment for one activation: {saturation, sparsity, dead, mean, flow, loss, lossAtStart}. */
export function standardExperiment(engine, activation, { data = 'spirals', seed = 1 } = {}) {
  const set = engine.evaluate({
    dataset: { kind: data, size: STANDARD_EXPERIMENT.size, noise: STANDARD_EXPERIMENT.noise, seed: STANDARD_EXPERIMENT.dataSeed },
  }).dataset;
  const layers = [
    ...STANDARD_EXPERIMENT.hidden.map((units) => ({ units, activation })),
    { units: 1, activation: 'sigmoid' },
  ];
  const session = engine.createSession({
    input_size: 2, layers, init: { scheme: STANDARD_EXPERIMENT.init, seed }, loss: 'bce',
    optimiser: STANDARD_EXPERIMENT.optimiser, shuffle_seed: seed,
  });
  try {
    session.setTrainingData(set.inputs, set.targets);
    const before = session.measure(set.inputs, set.targets);
    session.train(STANDARD_EXPERIMENT.steps, STANDARD_EXPERIMENT.batch);
    const after = session.measure(set.inputs, set.targets);
    const hidden = after.layers.slice(0, STANDARD_EXPERIMENT.hidden.length);
    const average = (key) => hidden.reduce((sum, layer) => sum + layer[key], 0) / hidden.length;
    // ‖∂L/∂Z‖ has the same shape (examples × 16) in every hidden layer, so the ratio is the
    // shrinkage of the backpropagated gradient between the third and the first hidden layer.
    const first = before.layers[0].grad_pre_activation_norm;
    const third = before.layers[STANDARD_EXPERIMENT.hidden.length - 1].grad_pre_activation_norm;
    return {
      activation,
      saturation: average('saturation_fraction'),
      sparsity: average('sparsity_fraction'),
      dead: hidden.reduce((sum, layer) => sum + layer.dead_units, 0),
      units: STANDARD_EXPERIMENT.hidden.reduce((a, b) => a + b, 0),
      mean: average('activation_mean'),
      flow: third > 0 ? first / third : null,
      lossAtStart: before.loss,
      loss: after.loss,
    };
  } finally {
    session.delete();
  }
}

/** How the time column is measured (docs/chapters.md): one pass for the whole table. */
export const TIMING = Object.freeze({ units: 1024, rows: 128, samples: 9, minSampleMs: 4, maxCalls: 256 });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * The time column of one table, in a single pass: a 1 → 1024 → 1 network per activation (the
 * activation in the hidden layer), every one timed in the same rounds, interleaved and in a rotating
 * order so that whatever else the machine does falls on all of them alike. A sample is `calls`
 * forward passes on 128 inputs, with `calls` chosen once (from the identity network) so that a
 * sample lasts about `minSampleMs` or more, well above the browser's timer resolution. Each activation's
 * time is the median of its samples, in nanoseconds per element (one unit on one input); `baseline`
 * is identity's time, the one number every ratio divides by. `pause` runs between rounds (the page
 * yields to the browser there); it may return false to abandon the pass (the result is then null).
 */
export async function timeActivations(engine, activations, { pause = async () => true, ...options } = {}) {
  const { units, rows, samples, minSampleMs, maxCalls } = { ...TIMING, ...options };
  const names = activations.includes('identity') ? activations : ['identity', ...activations];
  const sessions = names.map((name) => timingSession(engine, name, units));
  try {
    const inputs = new Float64Array(Array.from({ length: rows }, (_, k) => -3 + (6 * k) / (rows - 1)));
    const run = (session, calls) => {
      const start = performance.now();
      for (let c = 0; c < calls; c += 1) session.predict(inputs);
      return performance.now() - start;
    };
    for (const session of sessions) run(session, 2); // warm-up
    // Calls per sample, from the median of five single identity calls (one slow call does not decide).
    const single = median(Array.from({ length: 5 }, () => run(sessions[names.indexOf('identity')], 1)));
    const calls = Math.max(1, Math.min(maxCalls, Math.ceil(minSampleMs / Math.max(single, 1e-3))));
    const timings = names.map(() => []);
    for (let round = 0; round < samples; round += 1) {
      if (!(await pause())) return null;
      for (let k = 0; k < names.length; k += 1) {
        const index = (k + round) % names.length;
        timings[index].push(run(sessions[index], calls));
      }
    }
    const perElement = (ms) => (ms * 1e6) / (calls * units * rows);
    const times = Object.fromEntries(names.map((name, index) => [name, perElement(median(timings[index]))]));
    return { times, baseline: times.identity, samples, calls, units, rows };
  } finally {
    for (const session of sessions) session.delete();
  }
}

/**
 * The table on the chapter's `data` and `seed` state. `activations`: the rows (default: the whole
 * catalogue, chapter 9; chapter 12 shows the modern ones next to ReLU).
 */
export function mountSummaryTable(host, ctx, { activations = SUMMARY_ACTIVATIONS } = {}) {
  const frame = figureFrame(host, { kind: 'summary' });
  const t = () => ctx.t;
  let rows = [];
  let timing = null;
  let running = false;
  const experiment = rerunnable(frame, ctx);
  const progress = h('p', { class: 'chapter-progress' });
  const tableBox = h('div', { class: 'chapter-table-scroll', tabindex: '0', role: 'region' });
  const timeNote = h('p', { class: 'summary-time-note' });
  frame.content.append(progress, tableBox, timeNote);

  function renderControls() {
    frame.caption.textContent = t()('summary.figure.title');
    const data = selectField({
      label: t()('summary.figure.data'), value: ctx.state.data, field: 'data',
      entries: SUMMARY_DATASETS.map((kind) => [kind, t()(`summary.data.${kind}`)]),
      onValue: (value) => { ctx.update({ data: value }); experiment.restart(); },
    });
    const seed = stateNumberField(ctx, {
      key: 'seed', label: t()('summary.figure.seed'), range: SUMMARY_FIELDS.seed.range, integer: true, after: experiment.restart,
    });
    const again = h('button', {
      type: 'button', class: 'chapter-button', 'data-field': 'rerun', text: t()('summary.figure.rerun'),
      onclick: () => experiment.restart(),
    });
    frame.setControls(data.element, seed.element, again);
  }

  function render() {
    renderControls();
    tableBox.setAttribute('aria-label', t()('summary.figure.title'));
    progress.textContent = !experiment.started ? t()('summary.figure.waiting')
      : running && !timing ? t()('summary.figure.timing')
        : running ? t()('summary.figure.progress', { done: String(rows.length), total: String(activations.length) })
        : t()('summary.figure.finished', { steps: String(STANDARD_EXPERIMENT.steps) });
    const n = (v, digits = 3) => fmt(v, digits);
    const columns = ['activation', 'saturation', 'sparsity', 'dead', 'mean', 'flow', 'loss', 'time'];
    tableBox.replaceChildren(h('table', { class: 'chapter-table summary-table' },
      h('thead', {}, h('tr', {}, columns.map((key) => h('th', { scope: 'col', text: t()(`summary.col.${key}`) })))),
      h('tbody', {}, rows.map((row) => h('tr', { 'data-activation': row.activation },
        h('th', { scope: 'row', text: activationName(t(), row.activation, 'aplot.option') }),
        h('td', { 'data-key': 'saturation', 'data-value': String(row.saturation), text: formatPercent(row.saturation) }),
        h('td', { 'data-key': 'sparsity', 'data-value': String(row.sparsity), text: formatPercent(row.sparsity) }),
        h('td', {
          'data-key': 'dead', 'data-value': String(row.dead),
          text: t()('summary.deadOf', { dead: String(row.dead), units: String(row.units) }),
        }),
        h('td', { 'data-key': 'mean', 'data-value': String(row.mean), text: n(row.mean) }),
        h('td', { 'data-key': 'flow', 'data-value': String(row.flow), text: row.flow === null ? '—' : n(row.flow) }),
        h('td', { 'data-key': 'loss', 'data-value': String(row.loss), text: n(row.loss) }),
        timeCell(timing.times[row.activation]))))));
    renderTimeNote();
    if (rows.length === 0) { frame.summary.replaceChildren(); return; }
    const best = (key, pick) => rows.reduce((a, b) => (pick(b[key], a[key]) ? b : a));
    const lowestLoss = best('loss', (a, b) => a < b);
    const mostSaturated = best('saturation', (a, b) => a > b);
    const sparsest = best('sparsity', (a, b) => a > b);
    const name = (row) => activationName(t(), row.activation, 'aplot.option');
    frame.summary.replaceChildren(keyNumbers([
      ['lowest-loss', t()('summary.key.lowestLoss'), lowestLoss.loss, `${name(lowestLoss)}: ${n(lowestLoss.loss)}`],
      ['most-saturated', t()('summary.key.mostSaturated'), mostSaturated.saturation,
        `${name(mostSaturated)}: ${formatPercent(mostSaturated.saturation)}`],
      ['sparsest', t()('summary.key.sparsest'), sparsest.sparsity, `${name(sparsest)}: ${formatPercent(sparsest.sparsity)}`],
    ]));
  }

  // Every ratio divides by the one identity time measured in the same pass as the row's own time.
  function timeCell(time) {
    return h('td', { 'data-key': 'time', 'data-value': String(time),
      text: t()('summary.timeValue', { time: fmt(time, 2), ratio: fmt(time / timing.baseline, 2) }) });
  }

  function renderTimeNote() {
    if (!timing) {
      timeNote.replaceChildren();
      delete timeNote.dataset.baseline;
      delete timeNote.dataset.samples;
      return;
    }
    timeNote.dataset.baseline = String(timing.baseline);
    timeNote.dataset.samples = String(timing.samples);
    timeNote.textContent = t()('summary.timeNote', {
      baseline: fmt(timing.baseline, 2), samples: String(timing.samples), calls: String(timing.calls),
      units: String(timing.units), rows: String(timing.rows),
    });
  }

  // The experiment takes a few seconds of engine time: it runs when the table comes into view.
  return experiment.mount({
    render,
    renderControls,
    async run(engine, current) {
      running = true;
      rows = [];
      timing = null;
      render();
      try {
        const measured = await timeActivations(engine, activations, {
          pause: async () => { await yieldToBrowser(); return current(); },
        });
        if (!measured || !current()) return false;
        timing = measured;
        for (const activation of activations) {
          await yieldToBrowser();
          if (!current()) return false;
          const row = standardExperiment(engine, activation, { data: ctx.state.data, seed: ctx.state.seed });
          if (!current()) return false;
          rows.push(row);
          render();
        }
      } catch (error) {
        if (current()) running = false;
        throw error;
      }
      running = false;
      render();
      return true;
    },
  });
}
