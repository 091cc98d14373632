// Chapter 10: how the scale of the initial weights decides whether signals and gradients survive
// depth. A stack of D square layers (WIDTH units each, every one with the activation under test, no
// separate output layer) is initialised four ways; for each, the engine reports every layer's
// standard deviation of the activations and the size of the gradient ∂L/∂z that reaches it on one
// batch of N(0, 1) inputs (kit/deep-stack.js, which the chapter's exercises use too). Next to them,
// the predictions of the variance argument where it has a closed form.
import { h } from '../../kit/dom.js';
import { createPlot } from '../../kit/plots/svg-plot.js';
import { figureFrame, computedFigure, stateNumberFields, selectField, keyNumbers, fmt } from './frame.js';
import { ACTIVATION_NAMES, activationName, activationEntry } from '../../kit/activations.js';
import { stackStatistics, stackDraws } from '../../kit/deep-stack.js';

export const INIT_WIDTH = 128;
export const INIT_BATCH = 128;
export const INIT_LIMITS = Object.freeze({ depth: [1, 32], slope: [0, 1], seed: [0, 9999] });
export const INIT_ACTIVATIONS = ACTIVATION_NAMES.filter((name) => name !== 'prelu');
/** The chapter state this figure reads (chapters/state.js): each field, what it allows, its default. */
export const INIT_FIELDS = Object.freeze({
  act: { type: 'word', words: INIT_ACTIVATIONS, default: 'relu' },
  slope: { type: 'number', range: INIT_LIMITS.slope, default: 0.01 },
  dep: { type: 'integer', range: INIT_LIMITS.depth, default: 16 },
  seed: { type: 'integer', range: INIT_LIMITS.seed, default: 1 },
});

/** The four initialisers compared: the engine's scheme and, for the plain normal ones, its σ. */
export const INITIALISERS = Object.freeze([
  { id: 'small', scheme: 'normal', scale: 0.01 },
  { id: 'large', scheme: 'normal', scale: 1 },
  { id: 'xavier', scheme: 'xavier_normal' },
  { id: 'kaiming', scheme: 'kaiming_normal' },
]);

/**
 * n·Var(w) for a square layer of n = WIDTH units: the factor by which one layer multiplies the
 * variance of what it sums (closed forms of docs/statistics.md; the gain g is the engine's).
 */
export function fanVariance(initialiser, gain, width = INIT_WIDTH) {
  switch (initialiser.scheme) {
    case 'normal': return width * initialiser.scale ** 2;
    case 'xavier_normal': return width * (2 / (width + width));
    case 'kaiming_normal': return gain ** 2;
    default: throw new Error(`no closed form for ${initialiser.scheme}`);
  }
}

/**
 * E[f(z)²] / Var(z) for z ~ N(0, σ²), where it does not depend on σ: 1 for the identity, ½ for
 * ReLU, (1 + s²)/2 for Leaky ReLU. The same number is E[f′(z)²], the backward factor. Other
 * activations have no such constant (their ratio depends on σ): null.
 */
export function secondMomentFactor(activation, slope) {
  if (activation === 'identity') return 1;
  if (activation === 'relu') return 0.5;
  if (activation === 'leaky_relu') return (1 + slope * slope) / 2;
  return null;
}

/**
 * Per layer and initialiser: {layer, activationStd, gradientRms}, where gradientRms is the root mean
 * square of ∂L/∂z over the batch. Plus the predictions of the variance argument where it has a
 * closed form. `depthStatistics(engine, {activation, slope, depth, seed})`.
 */
export function depthStatistics(engine, { activation, slope = 0.01, depth, seed }) {
  // The engine's Kaiming gain for the layer as built: its catalogue's, or for Leaky ReLU the one of
  // the slope in use (the engine computes it from the layer's own slope, as below).
  const gain = activation === 'leaky_relu' ? leakyGain(slope) : activationEntry(activation).gain;
  const factor = secondMomentFactor(activation, slope);
  const parameters = activation === 'leaky_relu' ? { slope } : {};
  const draws = stackDraws(engine, { batch: INIT_BATCH, width: INIT_WIDTH, seed });
  const runs = INITIALISERS.map(({ id, scheme, scale }) => {
    const layers = stackStatistics(engine, {
      activation, parameters, depth, width: INIT_WIDTH, batch: INIT_BATCH, seed, draws, init: { scheme, ...(scale ? { scale } : {}) },
    });
    const variance = fanVariance({ scheme, scale }, gain);
    const perLayer = factor === null ? null : Math.sqrt(variance * factor);
    const first = layers[0];
    const last = layers[layers.length - 1];
    return {
      id,
      variance,
      perLayer,
      layers,
      signalRatio: last.activationStd / first.activationStd,
      gradientRatio: first.gradientRms / last.gradientRms,
      predictedRatio: perLayer === null ? null : perLayer ** (depth - 1),
    };
  });
  return { activation, slope, depth, gain, factor, runs };
}

// Leaky ReLU's gain for the slope the stack uses (the catalogue's gain is for the default slope):
// √(2 / (1 + s²)), as PyTorch's calculate_gain('leaky_relu', s).
function leakyGain(slope) {
  return Math.sqrt(2 / (1 + slope * slope));
}

const TONES = {
  small: [1, 'dotted', 'triangle'], large: [2, 'dashdot', 'diamond'], xavier: [3, 'dashed', 'square'], kaiming: [4, 'solid', 'circle'],
};

export function mountInitDepth(host, ctx) {
  const frame = figureFrame(host, { kind: 'init-depth' });
  const t = () => ctx.t;
  let result = null;
  const signalPlot = createPlot({ describedBy: frame.summaryId, aspect: 0.5 });
  const gradientPlot = createPlot({ describedBy: frame.summaryId, aspect: 0.5 });
  const tableBox = h('div', { class: 'chapter-table-scroll', tabindex: '0', role: 'region' });
  const signalTitle = h('p', { class: 'chapter-plot-title' });
  const gradientTitle = h('p', { class: 'chapter-plot-title' });
  frame.content.append(signalTitle, signalPlot.element, gradientTitle, gradientPlot.element, tableBox);
  const field = stateNumberFields(ctx, () => figure.compute());

  function renderControls() {
    frame.caption.textContent = t()('init.figure.title', { width: String(INIT_WIDTH), batch: String(INIT_BATCH) });
    const pick = selectField({
      label: t()('init.figure.activation'), value: ctx.state.act, field: 'act',
      entries: INIT_ACTIVATIONS.map((name) => [name, activationName(t(), name, 'aplot.option')]),
      onValue: (value) => { ctx.update({ act: value }); renderControls(); figure.compute(); },
    });
    frame.setControls(pick.element,
      ...(ctx.state.act === 'leaky_relu' ? [field('slope', t()('init.figure.slope'), INIT_LIMITS.slope)] : []),
      field('dep', t()('init.figure.depth'), INIT_LIMITS.depth, true),
      field('seed', t()('init.figure.seed'), INIT_LIMITS.seed, true));
  }

  const label = (id) => t()(`init.scheme.${id}`);
  function drawPlot(plot, key, axisKey) {
    const values = result.runs.flatMap((run) => run.layers.map((layer) => layer[key])).filter((v) => v > 0 && Number.isFinite(v));
    const low = Math.min(...values);
    const high = Math.max(...values);
    const depth = result.depth;
    plot.draw({
      x: {
        min: 0.5, max: depth + 0.5, label: t()('init.figure.axisLayer'),
        ticks: Array.from({ length: depth }, (_, k) => k + 1).filter((l) => depth <= 12 || l % 4 === 0 || l === 1),
        format: (v) => String(v),
      },
      y: { min: low / 3, max: high * 3, log: true, label: t()(axisKey) },
      series: result.runs.map((run) => ({
        points: run.layers.map((layer) => [layer.layer, layer[key]]), tone: TONES[run.id][0], dash: TONES[run.id][1], label: label(run.id),
      })),
      markers: result.runs.flatMap((run) => run.layers.map((layer) => ({
        x: layer.layer, y: layer[key], tone: TONES[run.id][0], shape: TONES[run.id][2], size: 4,
      }))),
      legend: result.runs.map((run) => ({ label: label(run.id), tone: TONES[run.id][0], dash: TONES[run.id][1], shape: TONES[run.id][2] })),
    });
  }

  function render() {
    renderControls();
    const name = activationName(t(), ctx.state.act, 'aplot.option');
    signalTitle.textContent = t()('init.figure.signalTitle');
    gradientTitle.textContent = t()('init.figure.gradientTitle');
    signalPlot.setLabel(t()('init.figure.signalLabel', { name, depth: String(ctx.state.dep) }));
    gradientPlot.setLabel(t()('init.figure.gradientLabel', { name, depth: String(ctx.state.dep) }));
    tableBox.setAttribute('aria-label', t()('init.figure.tableLabel'));
    if (!result) return;
    drawPlot(signalPlot, 'activationStd', 'init.figure.axisSignal');
    drawPlot(gradientPlot, 'gradientRms', 'init.figure.axisGradient');
    const n = (v) => (v === null ? '—' : fmt(v, 3));
    const columns = ['scheme', 'variance', 'perLayer', 'first', 'last', 'signal', 'gradient', 'predicted'];
    tableBox.replaceChildren(h('table', { class: 'chapter-table' },
      h('thead', {}, h('tr', {}, columns.map((key) => h('th', {
        scope: 'col', text: t()(`init.col.${key}`, { depth: String(result.depth) }),
      })))),
      h('tbody', {}, result.runs.map((run) => h('tr', { 'data-scheme': run.id },
        h('th', { scope: 'row', text: label(run.id) }),
        ...[['variance', run.variance], ['perLayer', run.perLayer], ['first', run.layers[0].activationStd],
          ['last', run.layers[run.layers.length - 1].activationStd], ['signal', run.signalRatio], ['gradient', run.gradientRatio],
          ['predicted', run.predictedRatio]]
          .map(([key, value]) => h('td', { 'data-key': key, 'data-value': value === null ? null : String(value), text: n(value) })))))));
    const kaiming = result.runs.find((run) => run.id === 'kaiming');
    const xavier = result.runs.find((run) => run.id === 'xavier');
    frame.summary.replaceChildren(
      keyNumbers([
        ['gain', t()('init.key.gain', { name }), result.gain, fmt(result.gain, 4)],
        ['kaiming-signal', t()('init.key.kaimingSignal', { depth: String(result.depth) }), kaiming.signalRatio, n(kaiming.signalRatio)],
        ['xavier-signal', t()('init.key.xavierSignal', { depth: String(result.depth) }), xavier.signalRatio, n(xavier.signalRatio)],
        ['kaiming-gradient', t()('init.key.kaimingGradient', { depth: String(result.depth) }), kaiming.gradientRatio,
          n(kaiming.gradientRatio)],
      ]),
      h('p', { text: result.factor === null
        ? t()('init.summary.noClosedForm', { name })
        : t()('init.summary.closedForm', { name, factor: fmt(result.factor, 4) }) }));
  }

  const figure = computedFigure(frame, ctx, {
    calculate: (engine) => {
      result = depthStatistics(engine, { activation: ctx.state.act, slope: ctx.state.slope, depth: ctx.state.dep, seed: ctx.state.seed });
    },
    render,
    onState: renderControls,
    first: render,
  });
  return figure;
}
