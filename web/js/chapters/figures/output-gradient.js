// Chapter 11: why a sigmoid output is trained with binary cross-entropy. One sigmoid unit (w = 1,
// b = 0) is fed logits z over [−R, R] with one target t; the engine's backward pass gives
// ∂L/∂z for each example under both losses: BCE from the logit, where σ′ cancels and the gradient is
// σ(z) − t, and MSE on the output, where σ′ stays: 2(σ(z) − t)·σ′(z). The losses are means over the
// batch, so the page multiplies each ∂L/∂z by the batch size to show one example's gradient.
import { h } from '../../kit/dom.js';
import { plotFigure, keyNumbers, fmt } from './frame.js';

export const OUTPUT_LIMITS = Object.freeze({ target: [0, 1], logit: [-30, 30] });
/** The chapter state this figure reads (chapters/state.js): each field, what it allows, its default. */
export const OUTPUT_FIELDS = Object.freeze({
  t: { type: 'number', range: OUTPUT_LIMITS.target, default: 1 },
  z: { type: 'number', range: OUTPUT_LIMITS.logit, default: -8 },
});
const RANGE = 10;
const POINTS = 161;

/** One example's ∂L/∂z for each logit in `zs`, under `loss` ('bce' or 'mse'), target t. */
export function logitGradients(engine, zs, t, loss) {
  const response = engine.evaluate({
    input_size: 1, layers: [{ units: 1, activation: 'sigmoid' }], weights: [[[1]]], biases: [[0]],
    inputs: zs.map((z) => [z]), targets: zs.map(() => [t]), loss,
  });
  return response.layers[0].grad_pre_activations.map((row) => row[0] * zs.length);
}

/** The curves over [−RANGE, RANGE] and both gradients at the logit `z`. */
export function outputGradients(engine, { t, z }) {
  const zs = Array.from({ length: POINTS }, (_, k) => -RANGE + (2 * RANGE * k) / (POINTS - 1));
  const [bceAt] = logitGradients(engine, [z], t, 'bce');
  const [mseAt] = logitGradients(engine, [z], t, 'mse');
  return { zs, bce: logitGradients(engine, zs, t, 'bce'), mse: logitGradients(engine, zs, t, 'mse'), bceAt, mseAt, z, t };
}

export function mountOutputGradient(host, ctx) {
  const { frame, plot, t, field, mount } = plotFigure(host, ctx, { kind: 'output-gradient' });
  let result = null;

  function renderControls() {
    frame.caption.textContent = t()('output.grad.title');
    frame.setControls(
      field('t', t()('output.grad.target'), OUTPUT_LIMITS.target),
      field('z', t()('output.grad.logit'), OUTPUT_LIMITS.logit));
  }

  function render() {
    renderControls();
    plot.setLabel(t()('output.grad.plotLabel', { t: fmt(ctx.state.t, 3) }));
    if (!result) return;
    const inView = Math.abs(result.z) <= RANGE;
    plot.draw({
      x: { min: -RANGE, max: RANGE, label: t()('output.grad.axisZ') },
      y: { min: -1.05, max: 1.05, label: t()('output.grad.axisGradient') },
      guides: [{ y: 0 }],
      series: [
        { points: result.zs.map((z, k) => [z, result.bce[k]]), tone: 1, dash: 'solid', label: t()('output.grad.bce') },
        { points: result.zs.map((z, k) => [z, result.mse[k]]), tone: 2, dash: 'dashed', label: t()('output.grad.mse') },
      ],
      markers: inView ? [
        { x: result.z, y: result.bceAt, tone: 1, shape: 'circle', size: 5 },
        { x: result.z, y: result.mseAt, tone: 2, shape: 'square', size: 5, hollow: true },
      ] : [],
      legend: [
        { label: t()('output.grad.bce'), tone: 1, dash: 'solid', shape: 'circle' },
        { label: t()('output.grad.mse'), tone: 2, dash: 'dashed', shape: 'square' },
      ],
    });
    const z = fmt(result.z, 3);
    const ratio = result.mseAt !== 0 ? Math.abs(result.bceAt / result.mseAt) : null;
    frame.summary.replaceChildren(
      keyNumbers([
        ['bce', t()('output.grad.keyBce', { z }), result.bceAt, fmt(result.bceAt, 4)],
        ['mse', t()('output.grad.keyMse', { z }), result.mseAt, fmt(result.mseAt, 4)],
        ['ratio', t()('output.grad.keyRatio'), ratio, ratio === null ? '—' : fmt(ratio, 3)],
      ]),
      h('p', { text: t()('output.grad.summary') }));
  }

  return mount({
    calculate: (engine) => { result = outputGradients(engine, { t: ctx.state.t, z: ctx.state.z }); },
    render,
    onState: renderControls,
  });
}
