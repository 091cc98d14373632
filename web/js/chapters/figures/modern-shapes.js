// Chapter 12: the shapes of the smooth modern activations, from engine curves. For GELU (exact),
// GELU (tanh approximation), SiLU and Mish: the minimum (the dip below zero that makes them
// non-monotonic: f′ < 0 for every y left of it) and where it is, found on a grid of step 0.01 over
// [−RANGE, RANGE] and then of step 0.0001 around it; f′(0); the value at −4 (how fast the negative
// side returns to 0). Below the table,
// the tanh approximation's error: the engine's gelu_tanh minus its gelu at every grid point. The page
// only finds the smallest value on the grid and the largest gap; every value is the engine's.
import { h } from '../../kit/dom.js';
import { createPlot } from '../../kit/plots/svg-plot.js';
import { figureFrame, computedFigure, keyNumbers, fmt } from './frame.js';
import { activationName } from '../../kit/activations.js';

export const MODERN_SMOOTH = ['gelu', 'gelu_tanh', 'silu', 'mish'];
const RANGE = 6;
const COARSE = 0.01; // the grid of the table's search and of the plot
const FINE = 0.0001; // the grid around each minimum

const span = (from, step, count) => Array.from({ length: count }, (_, k) => from + k * step);
const argmin = (values) => values.reduce((best, v, i) => (v < values[best] ? i : best), 0);

export function modernShapes(engine) {
  const curve = (activation, points) => engine.evaluate({ curve: { activation, points } }).curve;
  const xs = span(-RANGE, COARSE, Math.round((2 * RANGE) / COARSE) + 1);
  const curves = Object.fromEntries(MODERN_SMOOTH.map((activation) => [activation, curve(activation, xs)]));
  const rows = MODERN_SMOOTH.map((activation) => {
    // The coarse grid finds the dip; a fine grid of ±COARSE around it pins it down.
    const near = xs[argmin(curves[activation].values)];
    const fine = span(near - COARSE, FINE, Math.round((2 * COARSE) / FINE) + 1);
    const { values } = curve(activation, fine);
    const k = argmin(values);
    const points = curve(activation, [0, -4]);
    return {
      activation,
      minimum: values[k],
      minimumAt: fine[k],
      slopeAtZero: points.derivatives[0],
      atMinusFour: points.values[1],
    };
  });
  const gaps = xs.map((x, i) => [x, curves.gelu_tanh.values[i] - curves.gelu.values[i]]);
  const worst = gaps.reduce((a, b) => (Math.abs(b[1]) > Math.abs(a[1]) ? b : a));
  return { rows, difference: gaps, worstGap: worst[1], worstAt: worst[0] };
}

export function mountModernShapes(host, ctx) {
  const frame = figureFrame(host, { kind: 'modern-shapes' });
  const t = () => ctx.t;
  let result = null;
  const tableBox = h('div', { class: 'chapter-table-scroll', tabindex: '0', role: 'region' });
  const plotTitle = h('p', { class: 'chapter-plot-title' });
  const plot = createPlot({ describedBy: frame.summaryId, aspect: 0.4 });
  frame.content.append(tableBox, plotTitle, plot.element);

  function render() {
    frame.caption.textContent = t()('modern.shapes.title');
    tableBox.setAttribute('aria-label', t()('modern.shapes.title'));
    plotTitle.textContent = t()('modern.shapes.plotTitle');
    plot.setLabel(t()('modern.shapes.plotLabel'));
    if (!result) return;
    const n = (v) => (v === null ? '—' : fmt(v, 4));
    const columns = ['activation', 'minimum', 'minimumAt', 'slopeAtZero', 'atMinusFour'];
    tableBox.replaceChildren(h('table', { class: 'chapter-table' },
      h('thead', {}, h('tr', {}, columns.map((key) => h('th', { scope: 'col', text: t()(`modern.shapes.col.${key}`) })))),
      h('tbody', {}, result.rows.map((row) => h('tr', { 'data-activation': row.activation },
        h('th', { scope: 'row', text: activationName(t(), row.activation, 'aplot.option') }),
        h('td', { 'data-key': 'minimum', 'data-value': String(row.minimum), text: n(row.minimum) }),
        h('td', { 'data-key': 'minimumAt', 'data-value': String(row.minimumAt), text: n(row.minimumAt) }),
        h('td', { 'data-key': 'slopeAtZero', 'data-value': String(row.slopeAtZero), text: n(row.slopeAtZero) }),
        h('td', { 'data-key': 'atMinusFour', 'data-value': String(row.atMinusFour), text: fmt(row.atMinusFour, 3) }))))));
    const gaps = result.difference.map(([, d]) => d);
    const bound = Math.max(...gaps.map(Math.abs)) * 1.15;
    plot.draw({
      x: { min: -RANGE, max: RANGE, label: 'y' },
      y: { min: -bound, max: bound, label: t()('modern.shapes.axisGap') },
      guides: [{ y: 0 }],
      series: [{ points: result.difference, tone: 1, dash: 'solid', label: t()('modern.shapes.gap') }],
      markers: [{ x: result.worstAt, y: result.worstGap, tone: 1, shape: 'circle', size: 5 }],
      legend: [{ label: t()('modern.shapes.gap'), tone: 1, dash: 'solid', shape: 'circle' }],
    });
    frame.summary.replaceChildren(keyNumbers([
      ['worst-gap', t()('modern.shapes.keyGap'), result.worstGap,
        t()('modern.shapes.gapAt', { gap: fmt(result.worstGap, 3), at: fmt(result.worstAt, 3) })],
    ]));
  }

  return computedFigure(frame, ctx, {
    calculate: (engine) => { result = modernShapes(engine); },
    render,
  });
}
