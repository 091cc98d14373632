// Chapter 4, the article's figure 12: a neuron o fed by two hidden units h1, h2. For every example
// of a dataset, one engine call gives ∂L/∂w1 and ∂L/∂w2 (the output neuron's two weights). With
// sigmoid hidden units (h > 0) the two always share a sign; with tanh they often do not. JavaScript
// only counts signs.
import { h } from '../../kit/dom.js';
import { createPlot } from '../../kit/plots/svg-plot.js';
import { formatPercent } from '../../kit/format.js';
import { figureFrame, computedFigure, stateNumberField, keyNumbers, fmt } from './frame.js';
import { activationName } from '../../kit/activations.js';

export const SAME_SIGN_SETUP = Object.freeze({ dataset: { kind: 'xor', size: 200, noise: 0.1, seed: 1 }, hidden: 2 });
/** The chapter state this figure reads (chapters/state.js): each field, what it allows, its default. */
export const SAME_SIGN_FIELDS = Object.freeze({
  seed: { type: 'integer', range: [0, 9999], default: 5 },
});

/** Per-example gradients of the output neuron's weights, for hidden activation `activation`. */
export function sameSignSample(engine, activation, seed, data) {
  const points = [];
  let same = 0;
  let counted = 0;
  data.inputs.forEach((input, n) => {
    const response = engine.evaluate({
      input_size: 2,
      layers: [{ units: SAME_SIGN_SETUP.hidden, activation }, { units: 1, activation: 'sigmoid' }],
      init: { scheme: 'xavier_uniform', seed },
      inputs: [input], targets: [data.targets[n]], loss: 'bce',
    });
    const [g1, g2] = response.layers[1].grad_weights[0];
    points.push([g1, g2]);
    if (g1 === 0 || g2 === 0) return;
    counted += 1;
    if (Math.sign(g1) === Math.sign(g2)) same += 1;
  });
  return { points, same, counted, share: counted > 0 ? same / counted : 0 };
}

export function mountSameSign(host, ctx) {
  const frame = figureFrame(host, { kind: 'same-sign' });
  const t = () => ctx.t;
  let data = null;
  let result = null;
  const plots = ['sigmoid', 'tanh'].map((activation) => ({
    activation, plot: createPlot({ describedBy: frame.summaryId, aspect: 0.85, maxHeight: 300 }),
  }));
  const grid = h('div', { class: 'chapter-plot-pair' }, plots.map(({ activation, plot }) => h('div', {
    class: 'chapter-plot-cell', 'data-activation': activation,
  },
    h('p', { class: 'chapter-plot-title', 'data-title': activation }), plot.element)));
  frame.content.append(grid);

  function renderControls() {
    frame.caption.textContent = t()('sign.figure.title');
    const seed = stateNumberField(ctx, {
      key: 'seed', label: t()('sign.figure.seed'), range: SAME_SIGN_FIELDS.seed.range, integer: true, after: () => figure.compute(),
    });
    frame.setControls(seed.element);
  }

  function render() {
    renderControls();
    // Named from the start, before the engine's numbers arrive (an unnamed role="img" is unusable).
    for (const { activation, plot } of plots) {
      plot.setLabel(t()('sign.figure.plotLabel', { name: activationName(t(), activation, 'aplot.name') }));
    }
    if (!result) return;
    for (const { activation, plot } of plots) {
      const sample = result[activation];
      const name = activationName(t(), activation, 'aplot.name');
      grid.querySelector(`[data-title="${activation}"]`).textContent = t()('sign.figure.panel', { name });
      const limit = Math.max(1e-12, ...sample.points.flat().map(Math.abs)) * 1.1;
      plot.draw({
        x: { min: -limit, max: limit, label: '∂L/∂w₁', format: (v) => fmt(v, 2) },
        y: { min: -limit, max: limit, label: '∂L/∂w₂', format: (v) => fmt(v, 2) },
        regions: [{ x0: 0, x1: limit, y0: 0, y1: limit, fill: 4 }, { x0: -limit, x1: 0, y0: -limit, y1: 0, fill: 4 }],
        series: [{
          kind: 'dots', points: sample.points, tone: activation === 'sigmoid' ? 1 : 2,
          shape: activation === 'sigmoid' ? 'circle' : 'triangle', size: 3,
        }],
        legend: [
          { label: t()('sign.figure.legendSame'), fill: 4, line: false },
          {
            label: t()('sign.figure.legendExample'), tone: activation === 'sigmoid' ? 1 : 2,
            shape: activation === 'sigmoid' ? 'circle' : 'triangle', line: false,
          },
        ],
      });
    }
    const row = (activation) => {
      const sample = result[activation];
      return [`share-${activation}`, t()('sign.figure.shareLabel', { name: activationName(t(), activation, 'aplot.name') }), sample.share,
        t()('sign.figure.share', { same: String(sample.same), total: String(sample.counted), percent: formatPercent(sample.share) })];
    };
    frame.summary.replaceChildren(keyNumbers([row('sigmoid'), row('tanh')]),
      h('p', { text: t()('sign.figure.summary', {
        sigmoid: formatPercent(result.sigmoid.share), tanh: formatPercent(result.tanh.share),
        n: String(data.inputs.length),
      }) }));
  }

  const figure = computedFigure(frame, ctx, {
    calculate(engine) {
      data = data || engine.evaluate({ dataset: SAME_SIGN_SETUP.dataset }).dataset;
      result = {
        sigmoid: sameSignSample(engine, 'sigmoid', ctx.state.seed, data),
        tanh: sameSignSample(engine, 'tanh', ctx.state.seed, data),
      };
    },
    render,
    onState: renderControls,
  });
  return figure;
}
