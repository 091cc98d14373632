// Chapter 5: zero-centred but still saturating. For sigmoid, tanh and ReLU, one unit (weight 1,
// bias 0) is fed inputs spread evenly over [−R, R]; the engine reports the mean output and the
// saturated share (statistics of the layer), and a curve request the largest derivative.
import { h } from '../../kit/dom.js';
import { formatPercent } from '../../kit/format.js';
import { figureFrame, computedFigure, stateNumberField, keyNumbers, fmt } from './frame.js';
import { activationName } from '../../kit/activations.js';

export const CENTRING_ACTIVATIONS = ['sigmoid', 'tanh', 'relu'];
/** The chapter state this figure reads (chapters/state.js): each field, what it allows, its default. */
export const CENTRING_FIELDS = Object.freeze({
  mr: { type: 'number', range: [0.5, 10], default: 6 },
});
const POINTS = 201;

export function centringRows(engine, range) {
  const xs = Array.from({ length: POINTS }, (_, k) => -range + (2 * range * k) / (POINTS - 1));
  return CENTRING_ACTIVATIONS.map((activation) => {
    const stats = engine.evaluate({
      input_size: 1, layers: [{ units: 1, activation }], weights: [[[1]]], biases: [[0]], inputs: xs.map((x) => [x]),
    }).layers[0].statistics;
    const peak = engine.evaluate({ curve: { activation, points: [0] } }).curve.peak_derivative;
    return { activation, mean: stats.activation_mean, saturation: stats.saturation_fraction, peak };
  });
}

export function mountCentring(host, ctx) {
  const frame = figureFrame(host, { kind: 'centring' });
  const t = () => ctx.t;
  let rows = null;

  function renderControls() {
    frame.caption.textContent = t()('centre.figure.title');
    frame.setControls(stateNumberField(ctx, {
      key: 'mr', label: t()('centre.figure.range'), range: CENTRING_FIELDS.mr.range, after: () => figure.compute(),
    }).element);
  }

  function render() {
    renderControls();
    if (!rows) return;
    const range = fmt(ctx.state.mr);
    const n = (v) => fmt(v, 3);
    frame.content.replaceChildren(h('div', {
      class: 'chapter-table-scroll', tabindex: '0', role: 'region', 'aria-label': t()('centre.figure.title'),
    },
      h('table', { class: 'chapter-table' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', text: t()('centre.col.activation') }),
          h('th', { scope: 'col', text: t()('centre.col.mean', { r: range }) }),
          h('th', { scope: 'col', text: t()('centre.col.peak') }),
          h('th', { scope: 'col', text: t()('centre.col.saturation', { r: range }) }))),
        h('tbody', {}, rows.map((row) => h('tr', { 'data-activation': row.activation },
          h('th', { scope: 'row', text: activationName(t(), row.activation, 'aplot.option') }),
          h('td', { 'data-key': 'mean', 'data-value': String(row.mean), text: n(row.mean) }),
          h('td', { 'data-key': 'peak', 'data-value': String(row.peak), text: n(row.peak) }),
          h('td', { 'data-key': 'saturation', 'data-value': String(row.saturation), text: formatPercent(row.saturation) })))))));
    const byName = Object.fromEntries(rows.map((row) => [row.activation, row]));
    frame.summary.replaceChildren(
      keyNumbers([
        ['tanh-mean', t()('centre.key.tanhMean', { r: range }), byName.tanh.mean, n(byName.tanh.mean)],
        ['sigmoid-mean', t()('centre.key.sigmoidMean', { r: range }), byName.sigmoid.mean, n(byName.sigmoid.mean)],
        ['tanh-saturation', t()('centre.key.tanhSaturation', { r: range }), byName.tanh.saturation, formatPercent(byName.tanh.saturation)],
      ]),
      h('p', { text: t()('centre.summary', {
        r: range, tanh: n(byName.tanh.mean), sigmoid: n(byName.sigmoid.mean), relu: n(byName.relu.mean),
        saturation: formatPercent(byName.tanh.saturation),
      }) }));
  }

  const figure = computedFigure(frame, ctx, {
    calculate: (engine) => { rows = centringRows(engine, ctx.state.mr); },
    render,
    onState: renderControls,
    first: renderControls,
  });
  return figure;
}
