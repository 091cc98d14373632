// Chapter 12: Swish with a parameter β, y·σ(βy) (Ramachandran et al., 2017). The engine has SiLU
// (β = 1) but no β, and needs none: y·σ(βy) = SiLU(βy)/β exactly, and its derivative is SiLU′(βy).
// So every number here is an engine SiLU value or derivative at βy, divided by β for the value, next
// to the engine's GELU (which y·σ(1.702y) approximates) and ReLU (the limit β → ∞).
import { plotFigure, keyNumbers, fmt } from './frame.js';

export const SWISH_LIMITS = Object.freeze({ beta: [0.1, 10] });
/** The chapter state this figure reads (chapters/state.js): each field, what it allows, its default. */
export const SWISH_FIELDS = Object.freeze({
  beta: { type: 'number', range: SWISH_LIMITS.beta, default: 1.702 },
});
const RANGE = 5;
const POINTS = 401;

/** Swish-β's values and derivatives at `ys`, from the engine's SiLU at βy. */
export function swishBeta(engine, beta, ys) {
  const { values, derivatives } = engine.evaluate({ curve: { activation: 'silu', points: ys.map((y) => beta * y) } }).curve;
  return { values: values.map((v) => v / beta), derivatives };
}

export function swishCurves(engine, beta) {
  const ys = Array.from({ length: POINTS }, (_, k) => -RANGE + (2 * RANGE * k) / (POINTS - 1));
  const swish = swishBeta(engine, beta, ys);
  const curve = (activation) => engine.evaluate({ curve: { activation, points: ys } }).curve.values;
  const gelu = curve('gelu');
  const gap = Math.max(...ys.map((_, k) => Math.abs(swish.values[k] - gelu[k])));
  let k = 0;
  for (let i = 1; i < ys.length; i += 1) if (swish.values[i] < swish.values[k]) k = i;
  return {
    beta, ys, swish, gelu, relu: curve('relu'), gap,
    minimum: swish.values[k], minimumAt: ys[k], slopeAtZero: swishBeta(engine, beta, [0]).derivatives[0],
  };
}

export function mountSwishBeta(host, ctx) {
  const { frame, plot, t, field, mount } = plotFigure(host, ctx, { kind: 'swish-beta' });
  let result = null;

  function renderControls() {
    frame.caption.textContent = t()('modern.swish.title');
    frame.setControls(field('beta', t()('modern.swish.beta'), SWISH_LIMITS.beta));
  }

  function render() {
    renderControls();
    plot.setLabel(t()('modern.swish.plotLabel', { beta: fmt(ctx.state.beta, 4) }));
    if (!result) return;
    const beta = fmt(result.beta, 4);
    const points = (values) => result.ys.map((y, k) => [y, values[k]]);
    plot.draw({
      x: { min: -RANGE, max: RANGE, label: 'y' },
      y: { min: -0.6, max: 3, label: 'f(y)' },
      guides: [{ y: 0 }, { x: 0 }],
      series: [
        { points: points(result.relu), tone: 3, dash: 'dotted', label: 'ReLU' },
        { points: points(result.gelu), tone: 2, dash: 'dashed', label: 'GELU' },
        { points: points(result.swish.values), tone: 1, dash: 'solid', label: t()('modern.swish.legend', { beta }) },
      ],
      legend: [
        { label: t()('modern.swish.legend', { beta }), tone: 1, dash: 'solid' },
        { label: 'GELU', tone: 2, dash: 'dashed' },
        { label: t()('modern.swish.legendRelu'), tone: 3, dash: 'dotted' },
      ],
    });
    frame.summary.replaceChildren(keyNumbers([
      ['minimum', t()('modern.swish.keyMinimum', { beta }), result.minimum,
        t()('modern.swish.minimumAt', { value: fmt(result.minimum, 4), at: fmt(result.minimumAt, 3) })],
      ['slope', t()('modern.swish.keySlope', { beta }), result.slopeAtZero, fmt(result.slopeAtZero, 4)],
      ['gelu-gap', t()('modern.swish.keyGap', { beta, range: String(RANGE) }), result.gap, fmt(result.gap, 3)],
    ]));
  }

  return mount({
    calculate: (engine) => { result = swishCurves(engine, ctx.state.beta); },
    render,
    onState: renderControls,
  });
}
