// Chapter 4, the article's figures 13–14: a chain of D sigmoid neurons x → σ → σ → … → σ → L. The
// engine gives every layer's gradient ‖∂L/∂W_l‖ (its statistics.gradient_norm), and the bound
//   |∂L/∂w_l| ≤ |∂L/∂a_D| · (σ′max)^(D−l+1) · |w|^(D−l) · |a_(l−1)|
// is assembled from engine numbers only: σ′max is the curve request's peak_derivative (1/4),
// ∂L/∂a_D and a_(l−1) come from the same network response.
import { h } from '../../kit/dom.js';
import { createPlot } from '../../kit/plots/svg-plot.js';
import { figureFrame, computedFigure, stateNumberFields, keyNumbers, fmt } from './frame.js';

export const CHAIN_LIMITS = Object.freeze({ depth: [2, 20], weight: [-10, 10], bias: [-10, 10] });
export const CHAIN_INPUT = 1;
export const CHAIN_TARGET = 0;
/** The chapter state this figure reads (chapters/state.js): each field, what it allows, its default. */
export const CHAIN_FIELDS = Object.freeze({
  dep: { type: 'integer', range: CHAIN_LIMITS.depth, default: 6 },
  w: { type: 'number', range: CHAIN_LIMITS.weight, default: 1 },
  b: { type: 'number', range: CHAIN_LIMITS.bias, default: 0 },
});

/** The chain's per-layer gradients and bounds, from two engine requests. */
export function chainGradients(engine, { depth, w, b }) {
  const peak = engine.evaluate({ curve: { activation: 'sigmoid', points: [0] } }).curve.peak_derivative;
  const response = engine.evaluate({
    input_size: 1,
    layers: Array.from({ length: depth }, () => ({ units: 1, activation: 'sigmoid' })),
    weights: Array.from({ length: depth }, () => [[w]]),
    biases: Array.from({ length: depth }, () => [b]),
    inputs: [[CHAIN_INPUT]], targets: [[CHAIN_TARGET]], loss: 'mse',
  });
  const layers = response.layers;
  const outputGradient = Math.abs(layers[depth - 1].grad_activations[0][0]);
  const localDerivatives = engine.evaluate({
    curve: { activation: 'sigmoid', points: layers.map((layer) => layer.pre_activations[0][0]) },
  }).curve.derivatives;
  const rows = layers.map((layer, l) => {
    const input = l === 0 ? CHAIN_INPUT : layers[l - 1].activations[0][0];
    const crossings = depth - l; // sigmoid derivatives between the loss and w_l (l counted from 0)
    const bound = outputGradient * peak ** crossings * Math.abs(w) ** (crossings - 1) * Math.abs(input);
    return {
      layer: l + 1,
      pre: layer.pre_activations[0][0],
      local: localDerivatives[l],
      gradient: layer.statistics.gradient_norm,
      bound,
    };
  });
  return { peak, outputGradient, rows, loss: response.loss };
}

export function mountVanishing(host, ctx) {
  const frame = figureFrame(host, { kind: 'vanishing' });
  const t = () => ctx.t;
  let result = null;
  const plot = createPlot({ describedBy: frame.summaryId, aspect: 0.55 });
  const tableBox = h('div', { class: 'chapter-table-scroll', tabindex: '0', role: 'region' });
  frame.content.append(plot.element, tableBox);

  const field = stateNumberFields(ctx, () => figure.compute());

  function renderControls() {
    frame.caption.textContent = t()('vanish.figure.title');
    frame.setControls(
      field('dep', t()('vanish.figure.depth'), CHAIN_LIMITS.depth, true),
      field('w', t()('vanish.figure.weight'), CHAIN_LIMITS.weight, false),
      field('b', t()('vanish.figure.bias'), CHAIN_LIMITS.bias, false));
  }

  function render() {
    renderControls();
    tableBox.setAttribute('aria-label', t()('vanish.figure.tableLabel'));
    plot.setLabel(t()('vanish.figure.plotLabel', { depth: String(result ? result.rows.length : ctx.state.dep) }));
    if (!result) return;
    const { rows } = result;
    const values = rows.flatMap((row) => [row.gradient, row.bound]).filter((v) => v > 0 && Number.isFinite(v));
    const low = values.length ? Math.min(...values) : 1e-10;
    const high = values.length ? Math.max(...values) : 1;
    plot.draw({
      x: {
        min: 0.5, max: rows.length + 0.5, label: t()('vanish.figure.axisLayer'),
        ticks: rows.map((row) => row.layer).filter((l) => rows.length <= 10 || l % 2 === 1 || l === rows.length), format: (v) => String(v),
      },
      y: { min: low / 3, max: high * 3, log: true, label: t()('vanish.figure.axisGradient') },
      series: [
        { points: rows.map((row) => [row.layer, row.bound]), tone: 2, dash: 'dashed', label: t()('vanish.figure.legendBound') },
        { points: rows.map((row) => [row.layer, row.gradient]), tone: 1, dash: 'solid', label: t()('vanish.figure.legendMeasured') },
      ],
      markers: [
        ...rows.map((row) => ({ x: row.layer, y: row.bound, tone: 2, shape: 'square', hollow: true, size: 5 })),
        ...rows.map((row) => ({ x: row.layer, y: row.gradient, tone: 1, shape: 'circle', size: 5 })),
      ],
      legend: [
        { label: t()('vanish.figure.legendMeasured'), tone: 1, dash: 'solid', shape: 'circle' },
        { label: t()('vanish.figure.legendBound'), tone: 2, dash: 'dashed', shape: 'square' },
      ],
    });
    const n = (v, digits = 3) => fmt(v, digits);
    tableBox.replaceChildren(h('table', { class: 'chapter-table' },
      h('thead', {}, h('tr', {},
        ['vanish.col.layer', 'vanish.col.z', 'vanish.col.local', 'vanish.col.gradient', 'vanish.col.bound']
          .map((key) => h('th', { scope: 'col', text: t()(key) })))),
      h('tbody', {}, rows.map((row) => h('tr', { 'data-layer': String(row.layer) },
        h('th', { scope: 'row', text: String(row.layer) }),
        h('td', { text: n(row.pre) }),
        h('td', { 'data-key': 'local', 'data-value': String(row.local), text: n(row.local) }),
        h('td', { 'data-key': 'gradient', 'data-value': String(row.gradient), text: n(row.gradient) }),
        h('td', { 'data-key': 'bound', 'data-value': String(row.bound), text: n(row.bound) }))))));
    const first = rows[0];
    const last = rows[rows.length - 1];
    frame.summary.replaceChildren(
      keyNumbers([
        ['peak', t()('vanish.key.peak'), result.peak, n(result.peak, 4)],
        ['first-gradient', t()('vanish.key.first'), first.gradient, n(first.gradient)],
        ['first-bound', t()('vanish.key.firstBound', { depth: String(rows.length) }), first.bound, n(first.bound)],
        ['shrink', t()('vanish.key.shrink', { depth: String(rows.length) }), last.gradient / first.gradient,
          n(last.gradient / first.gradient)],
      ]),
      h('p', { text: t()(first.gradient <= first.bound ? 'vanish.summary.below' : 'vanish.summary.above', {
        depth: String(rows.length), first: n(first.gradient), bound: n(first.bound), last: n(last.gradient), peak: n(result.peak, 4),
      }) }));
  }

  const figure = computedFigure(frame, ctx, {
    calculate: (engine) => { result = chainGradients(engine, { depth: ctx.state.dep, w: ctx.state.w, b: ctx.state.b }); },
    render,
    onState: renderControls,
  });
  return figure;
}
