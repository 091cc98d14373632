// Chapter 5: zero-centred but still saturating. For sigmoid, tanh and ReLU, one unit (weight 1,
// bias 0) is fed inputs spread evenly over [−R, R]; the engine reports the mean output and the
// saturated share (statistics of the layer), and a curve request the largest derivative.
import { h } from '../../kit/dom.js';
import { figureFrame, engineFor, numberField, inRange, keyNumbers, fmt, whenVisible } from './frame.js';

export const CENTRING_ACTIVATIONS = ['sigmoid', 'tanh', 'relu'];
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
  let engine = null;
  let rows = null;

  function renderControls() {
    frame.caption.textContent = t()('centre.figure.title');
    frame.controls.replaceChildren(numberField({
      label: t()('centre.figure.range'), value: ctx.state.mr, min: 0.5, max: 10, step: 'any', field: 'mr',
      onValue: (value, input) => {
        const ok = inRange(value, 0.5, 10);
        input.setCustomValidity(ok === null ? t()('chapter.badNumber') : '');
        if (ok === null) { input.reportValidity(); return; }
        ctx.update({ mr: ok });
        compute();
      },
    }).element);
  }

  function render() {
    renderControls();
    if (!rows) return;
    const range = fmt(ctx.state.mr);
    const n = (v) => fmt(v, 3);
    frame.content.replaceChildren(h('div', { class: 'chapter-table-scroll', tabindex: '0', role: 'region', 'aria-label': t()('centre.figure.title') },
      h('table', { class: 'chapter-table' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', text: t()('centre.col.activation') }),
          h('th', { scope: 'col', text: t()('centre.col.mean', { r: range }) }),
          h('th', { scope: 'col', text: t()('centre.col.peak') }),
          h('th', { scope: 'col', text: t()('centre.col.saturation', { r: range }) }))),
        h('tbody', {}, rows.map((row) => h('tr', { 'data-activation': row.activation },
          h('th', { scope: 'row', text: t()(`aplot.option.${row.activation}`) }),
          h('td', { 'data-key': 'mean', 'data-value': String(row.mean), text: n(row.mean) }),
          h('td', { 'data-key': 'peak', 'data-value': String(row.peak), text: n(row.peak) }),
          h('td', { 'data-key': 'saturation', 'data-value': String(row.saturation), text: `${n(100 * row.saturation)}%` })))))));
    const byName = Object.fromEntries(rows.map((row) => [row.activation, row]));
    frame.summary.replaceChildren(
      keyNumbers([
        ['tanh-mean', t()('centre.key.tanhMean', { r: range }), byName.tanh.mean, n(byName.tanh.mean)],
        ['sigmoid-mean', t()('centre.key.sigmoidMean', { r: range }), byName.sigmoid.mean, n(byName.sigmoid.mean)],
        ['tanh-saturation', t()('centre.key.tanhSaturation', { r: range }), byName.tanh.saturation, `${n(100 * byName.tanh.saturation)}%`],
      ]),
      h('p', { text: t()('centre.summary', {
        r: range, tanh: n(byName.tanh.mean), sigmoid: n(byName.sigmoid.mean), relu: n(byName.relu.mean),
        saturation: `${n(100 * byName.tanh.saturation)}%`,
      }) }));
  }

  function compute() {
    if (!engine) return;
    frame.busy();
    try {
      rows = centringRows(engine, ctx.state.mr);
    } catch (error) {
      frame.setStatus(t()('chapter.engineError', { message: error.message || String(error) }), { error: true });
      return;
    }
    frame.setStatus('');
    render();
    frame.done();
  }

  ctx.onState(() => { renderControls(); compute(); });
  // Computed when the figure comes near the viewport, so the page is ready without waiting for it.
  renderControls();
  whenVisible(frame.figure, async () => {
    engine = await engineFor(frame, t);
    compute();
  });
  const ready = Promise.resolve();
  return { ready, setLang: () => render() };
}
