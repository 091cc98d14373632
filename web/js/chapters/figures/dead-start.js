// Chapters 6–8: "the dead-start network". A 2 → 16 → 1 network on the circle dataset whose hidden
// biases all start at a negative value, so most hidden ReLU units start dead. The engine trains it
// (Adam, in sessions) with ReLU, Leaky ReLU and PReLU side by side while the learner watches; at
// each checkpoint it reports the loss, and a forward/backward pass on the whole dataset gives the
// pre-activations (JS counts the units that are off on every example) and the weight gradients
// (JS counts the units that receive none). For PReLU the engine also reports α as it is learned.
import { h, yieldToBrowser } from '../../kit/dom.js';
import { createPlot } from '../../kit/plots/svg-plot.js';
import { figureFrame, rerunnable, stateNumberField, keyNumbers, fmt } from './frame.js';

export const DEAD_START = Object.freeze({
  dataset: { kind: 'circle', size: 200, noise: 0.1, seed: 1 },
  hidden: 16,
  init: { scheme: 'kaiming_uniform', seed: 1 },
  optimiser: { optimiser: 'adam', learning_rate: 0.01 },
  batch: 32,
  steps: 2000,
  every: 100,   // loss and α at every checkpoint
  inspectEvery: 500, // a full forward/backward pass (off units, gradients) at these steps
  shuffleSeed: 1,
});
export const DEAD_START_BIAS = [-3, 0];
/** The chapter state this figure reads (chapters/state.js): each field, what it allows, its default. */
export const DEAD_START_FIELDS = Object.freeze({
  rb: { type: 'number', range: DEAD_START_BIAS, default: -2 },
});

const STYLE = {
  relu: { tone: 1, dash: 'solid', shape: 'circle' },
  leaky_relu: { tone: 2, dash: 'dashed', shape: 'square' },
  prelu_shared: { tone: 3, dash: 'dashdot', shape: 'diamond' },
  prelu_unit: { tone: 4, dash: 'dotted', shape: 'triangle' },
};

/** The hidden layer of a run. */
function hiddenLayer(run) {
  if (run.activation === 'leaky_relu') return { units: DEAD_START.hidden, activation: 'leaky_relu', slope: run.slope };
  if (run.activation === 'prelu') {
    return { units: DEAD_START.hidden, activation: 'prelu', alpha: run.alpha, alpha_mode: run.perUnit ? 'per_unit' : 'shared' };
  }
  return { units: DEAD_START.hidden, activation: 'relu' };
}

/** Off units (z ≤ 0 on every example) and units whose weights get no gradient at all. */
function inspect(engine, run, parameters, data) {
  const layers = parameters.layers;
  const hidden = hiddenLayer(run);
  if (run.activation === 'prelu') hidden.alpha = run.perUnit ? layers[0].alpha : layers[0].alpha[0];
  const response = engine.evaluate({
    input_size: 2,
    layers: [hidden, { units: 1, activation: 'sigmoid' }],
    weights: layers.map((layer) => layer.weights),
    biases: layers.map((layer) => layer.biases),
    inputs: data.inputs, targets: data.targets, loss: 'bce',
  });
  const layer = response.layers[0];
  const off = [];
  let noGradient = 0;
  for (let j = 0; j < DEAD_START.hidden; j += 1) {
    off.push(layer.pre_activations.every((row) => row[j] <= 0));
    if (layer.grad_weights[j].every((g) => g === 0) && layer.grad_biases[j] === 0) noGradient += 1;
  }
  return { loss: response.loss, off, offCount: off.filter(Boolean).length, noGradient };
}

/** How far (Euclidean norm) the incoming weights and bias of the given units moved. */
function movement(start, end, units) {
  let sum = 0;
  for (const j of units) {
    start.weights[j].forEach((w, i) => { sum += (end.weights[j][i] - w) ** 2; });
    sum += (end.biases[j] - start.biases[j]) ** 2;
  }
  return Math.sqrt(sum);
}

/**
 * Train every run, calling onCheckpoint(history) after each checkpoint; stops early when
 * cancelled() turns true. history[runId] = {steps, loss, alpha} at every checkpoint and
 * {inspected, offCount, noGradient, moved, startOff} at the inspected steps.
 */
export async function trainDeadStart(engine, runs, bias,
  { onCheckpoint = () => {}, cancelled = () => false, pause = yieldToBrowser } = {}) {
  const data = engine.evaluate({ dataset: DEAD_START.dataset }).dataset;
  const sessions = runs.map((run) => {
    const session = engine.createSession({
      input_size: 2, layers: [hiddenLayer(run), { units: 1, activation: 'sigmoid' }],
      init: { ...DEAD_START.init, bias }, loss: 'bce', optimiser: DEAD_START.optimiser, shuffle_seed: DEAD_START.shuffleSeed,
    });
    session.setTrainingData(data.inputs, data.targets);
    return session;
  });
  const history = {};
  const starts = {};
  try {
    for (let step = 0; step <= DEAD_START.steps; step += DEAD_START.every) {
      runs.forEach((run, index) => {
        const session = sessions[index];
        if (step > 0) session.train(DEAD_START.every, DEAD_START.batch);
        const parameters = session.parameters();
        const entry = history[run.id]
          || (history[run.id] = { steps: [], loss: [], alpha: [], inspected: [], offCount: [], noGradient: [] });
        entry.steps.push(step);
        entry.loss.push(session.measure(data.inputs, data.targets).loss);
        entry.alpha.push(parameters.layers[0].alpha || null);
        if (step % DEAD_START.inspectEvery === 0 || step === DEAD_START.steps) {
          const seen = inspect(engine, run, parameters, data);
          if (step === 0) starts[run.id] = { parameters: parameters.layers[0], off: seen.off };
          entry.inspected.push(step);
          entry.offCount.push(seen.offCount);
          entry.noGradient.push(seen.noGradient);
          const startOff = starts[run.id].off.map((isOff, j) => (isOff ? j : -1)).filter((j) => j >= 0);
          entry.moved = movement(starts[run.id].parameters, parameters.layers[0], startOff);
          entry.startOff = startOff.length;
        }
      });
      onCheckpoint(history, step);
      if (cancelled()) return null;
      await pause();
      if (cancelled()) return null;
    }
    return history;
  } finally {
    for (const session of sessions) session.delete();
  }
}

/**
 * mountDeadStart(host, ctx, {runs(state) → [{id, activation, slope?, alpha?, perUnit?}], showAlpha})
 */
export function mountDeadStart(host, ctx, { runs: runsFor, showAlpha = false, kind = 'dead-start' }) {
  const frame = figureFrame(host, { kind });
  const t = () => ctx.t;
  let history = null;
  let lastStep = 0;
  const training = rerunnable(frame, ctx);
  const lossPlot = createPlot({ describedBy: frame.summaryId, aspect: 0.5, maxHeight: 300 });
  const alphaPlot = showAlpha ? createPlot({ describedBy: frame.summaryId, aspect: 0.45, maxHeight: 260 }) : null;
  const lossTitle = h('p', { class: 'chapter-plot-title' });
  const alphaTitle = h('p', { class: 'chapter-plot-title' });
  const progress = h('p', { class: 'chapter-progress', 'aria-live': 'off' });
  const tableBox = h('div', { class: 'chapter-table-scroll', tabindex: '0', role: 'region' });
  frame.content.append(progress, lossTitle, lossPlot.element, ...(alphaPlot ? [alphaTitle, alphaPlot.element] : []), tableBox);

  const runs = () => runsFor(ctx.state);
  const label = (run) => {
    if (run.activation === 'leaky_relu') return t()('dead.run.leaky', { slope: fmt(run.slope) });
    if (run.activation === 'prelu') return t()(run.perUnit ? 'dead.run.preluUnit' : 'dead.run.preluShared', { alpha: fmt(run.alpha) });
    return t()('dead.run.relu');
  };

  function renderControls() {
    frame.caption.textContent = t()(`dead.figure.title${showAlpha ? '.alpha' : ''}`);
    const bias = stateNumberField(ctx, { key: 'rb', label: t()('dead.figure.bias'), range: DEAD_START_BIAS, after: training.restart });
    const again = h('button', {
      type: 'button', class: 'chapter-button', 'data-field': 'rerun', text: t()('dead.figure.rerun'), onclick: () => training.restart(),
    });
    frame.setControls(bias.element, again);
  }

  function render() {
    renderControls();
    lossTitle.textContent = t()('dead.figure.lossTitle');
    alphaTitle.textContent = t()('dead.figure.alphaTitle');
    tableBox.setAttribute('aria-label', t()('dead.figure.tableLabel'));
    lossPlot.setLabel(t()('dead.figure.lossLabel'));
    if (alphaPlot) alphaPlot.setLabel(t()('dead.figure.alphaLabel'));
    if (!history) {
      progress.textContent = training.started ? t()('dead.figure.starting') : t()('dead.figure.waiting');
      return;
    }
    progress.textContent = t()(lastStep >= DEAD_START.steps ? 'dead.figure.finished' : 'dead.figure.progress', {
      step: String(lastStep), steps: String(DEAD_START.steps),
    });
    const list = runs().filter((run) => history[run.id]);
    const maxLoss = Math.max(0.8, ...list.flatMap((run) => history[run.id].loss.filter(Number.isFinite)));
    lossPlot.draw({
      x: { min: 0, max: DEAD_START.steps, label: t()('dead.figure.axisStep'), format: (v) => String(v) },
      y: { min: 0, max: maxLoss * 1.05, label: t()('dead.figure.axisLoss') },
      series: list.map((run) => ({
        points: history[run.id].steps.map((step, k) => [step, history[run.id].loss[k]]),
        tone: STYLE[run.id].tone, dash: STYLE[run.id].dash, label: label(run),
      })),
      markers: list.map((run) => {
        const entry = history[run.id];
        return {
          x: entry.steps[entry.steps.length - 1], y: entry.loss[entry.loss.length - 1],
          tone: STYLE[run.id].tone, shape: STYLE[run.id].shape, size: 5,
        };
      }),
      legend: list.map((run) => ({ label: label(run), tone: STYLE[run.id].tone, dash: STYLE[run.id].dash, shape: STYLE[run.id].shape })),
    });
    if (alphaPlot) renderAlpha(list);
    renderTable(list);
  }

  function renderAlpha(list) {
    const preluRuns = list.filter((run) => run.activation === 'prelu');
    const series = [];
    let low = 0;
    let high = 0.3;
    for (const run of preluRuns) {
      const entry = history[run.id];
      const width = entry.alpha[0] ? entry.alpha[0].length : 0;
      for (let j = 0; j < width; j += 1) {
        const points = entry.steps.map((step, k) => [step, entry.alpha[k][j]]);
        for (const [, a] of points) { low = Math.min(low, a); high = Math.max(high, a); }
        series.push({ points, tone: STYLE[run.id].tone, dash: STYLE[run.id].dash, thin: width > 1 });
      }
    }
    alphaPlot.draw({
      x: { min: 0, max: DEAD_START.steps, label: t()('dead.figure.axisStep'), format: (v) => String(v) },
      y: { min: low - 0.05 * (high - low), max: high + 0.05 * (high - low), label: 'α' },
      series,
      legend: preluRuns.map((run) => ({ label: label(run), tone: STYLE[run.id].tone, dash: STYLE[run.id].dash })),
    });
  }

  function renderTable(list) {
    const n = (v) => fmt(v, 3);
    const last = (array) => array[array.length - 1];
    tableBox.replaceChildren(h('table', { class: 'chapter-table' },
      h('thead', {}, h('tr', {}, ['dead.col.run', 'dead.col.loss', 'dead.col.off', 'dead.col.noGradient', 'dead.col.moved']
        .map((key) => h('th', { scope: 'col', text: t()(key, { steps: String(lastStep) }) })))),
      h('tbody', {}, list.map((run) => {
        const entry = history[run.id];
        return h('tr', { 'data-run': run.id },
          h('th', { scope: 'row', text: label(run) }),
          h('td', { 'data-key': 'loss', 'data-value': String(last(entry.loss)), text: `${n(entry.loss[0])} → ${n(last(entry.loss))}` }),
          h('td', {
            'data-key': 'off', 'data-value': String(last(entry.offCount)), 'data-start': String(entry.offCount[0]),
            text: `${entry.offCount[0]} → ${last(entry.offCount)}`,
          }),
          h('td', {
            'data-key': 'no-gradient', 'data-value': String(last(entry.noGradient)), 'data-start': String(entry.noGradient[0]),
            text: `${entry.noGradient[0]} → ${last(entry.noGradient)}`,
          }),
          h('td', { 'data-key': 'moved', 'data-value': String(entry.moved), text: n(entry.moved) }));
      }))));
    const rows = [];
    for (const run of list) {
      const entry = history[run.id];
      rows.push([`loss-${run.id}`, t()('dead.key.loss', { run: label(run), steps: String(lastStep) }), last(entry.loss),
        n(last(entry.loss))]);
      if (run.activation === 'prelu') {
        const alphas = last(entry.alpha);
        const text = alphas.length === 1
          ? n(alphas[0])
          : t()('dead.key.alphaRange', { low: n(Math.min(...alphas)), high: n(Math.max(...alphas)) });
        rows.push([`alpha-${run.id}`, t()('dead.key.alpha', { run: label(run) }), alphas.length === 1 ? alphas[0] : null, text]);
      }
    }
    frame.summary.replaceChildren(keyNumbers(rows));
  }

  // Training takes a few seconds of engine time: it starts when the figure comes into view.
  const life = training.mount({
    render,
    renderControls,
    async run(loaded, current) {
      history = null;
      lastStep = 0;
      render();
      const result = await trainDeadStart(loaded, runs(), ctx.state.rb, {
        onCheckpoint: (partial, step) => {
          if (!current()) return;
          history = partial;
          lastStep = step;
          render();
        },
        cancelled: () => !current(),
      });
      return Boolean(result);
    },
  });
  return { ...life, runs, restartIfStarted: training.restartIfStarted };
}
