// Chapter 12: gated linear units (Dauphin et al., 2017; Shazeer, 2020). A gated unit is not an
// elementwise activation: it multiplies two projections of the same input, h = u · g(v) with
// u = xW and v = xV, so the engine (whose layers apply one f to one pre-activation) has no such
// layer. The figure computes h and its two partial derivatives from the engine's values and
// derivatives of the gate g only:
//   h = u·g(v),   ∂h/∂u = g(v),   ∂h/∂v = u·g′(v).
// The products are the page's; g(v) and g′(v) are the engine's.
import { h } from '../../kit/dom.js';
import { plotFigure, selectField, keyNumbers, fmt } from './frame.js';

/** Each variant's gate, by the engine's activation name (the bilinear unit has none). */
export const GATES = Object.freeze({ glu: 'sigmoid', swiglu: 'silu', geglu: 'gelu', reglu: 'relu', bilinear: 'identity' });
export const GATE_LIMITS = Object.freeze({ u: [-5, 5], v: [-6, 6] });
/** The chapter state this figure reads (chapters/state.js): each field, what it allows, its default. */
export const GATE_FIELDS = Object.freeze({
  gate: { type: 'word', words: Object.keys(GATES), default: 'swiglu' },
  gu: { type: 'number', range: GATE_LIMITS.u, default: 1 },
  gv: { type: 'number', range: GATE_LIMITS.v, default: -1 },
});
const RANGE = 6;
const POINTS = 241;

/** h, ∂h/∂u, ∂h/∂v of the gated unit `variant` at u for every v in `vs`, from the engine's g and g′. */
export function gatedUnit(engine, variant, u, vs) {
  const { values, derivatives } = engine.evaluate({ curve: { activation: GATES[variant], points: vs } }).curve;
  return vs.map((v, k) => ({ v, value: u * values[k], du: values[k], dv: u * derivatives[k] }));
}

export function gatedCurves(engine, { variant, u, v }) {
  const vs = Array.from({ length: POINTS }, (_, k) => -RANGE + (2 * RANGE * k) / (POINTS - 1));
  return { variant, u, curve: gatedUnit(engine, variant, u, vs), point: gatedUnit(engine, variant, u, [v])[0] };
}

export function mountGatedUnit(host, ctx) {
  const { frame, plot, t, field, recompute, mount } = plotFigure(host, ctx, { kind: 'gated-unit' });
  let result = null;

  function renderControls() {
    frame.caption.textContent = t()('modern.gate.title');
    const pick = selectField({
      label: t()('modern.gate.variant'), value: ctx.state.gate, field: 'gate',
      entries: Object.keys(GATES).map((name) => [name, t()(`modern.gate.name.${name}`)]),
      onValue: (value) => { ctx.update({ gate: value }); recompute(); },
    });
    frame.setControls(pick.element,
      field('gu', t()('modern.gate.u'), GATE_LIMITS.u),
      field('gv', t()('modern.gate.v'), GATE_LIMITS.v));
  }

  function render() {
    renderControls();
    const name = t()(`modern.gate.name.${ctx.state.gate}`);
    plot.setLabel(t()('modern.gate.plotLabel', { name, u: fmt(ctx.state.gu, 3) }));
    if (!result) return;
    const values = result.curve.flatMap((p) => [p.value, p.dv]).filter(Number.isFinite);
    const low = Math.min(-0.5, ...values);
    const high = Math.max(0.5, ...values);
    const pad = 0.08 * (high - low);
    const { point } = result;
    plot.draw({
      x: { min: -RANGE, max: RANGE, label: t()('modern.gate.axisV') },
      y: { min: low - pad, max: high + pad, label: '' },
      guides: [{ y: 0 }, { x: point.v }],
      series: [
        { points: result.curve.map((p) => [p.v, p.value]), tone: 1, dash: 'solid', label: t()('modern.gate.value') },
        { points: result.curve.map((p) => [p.v, p.dv]), tone: 2, dash: 'dashed', label: t()('modern.gate.dv') },
      ],
      markers: [
        { x: point.v, y: point.value, tone: 1, shape: 'circle', size: 5 },
        { x: point.v, y: point.dv, tone: 2, shape: 'square', size: 5, hollow: true },
      ],
      legend: [
        { label: t()('modern.gate.value'), tone: 1, dash: 'solid', shape: 'circle' },
        { label: t()('modern.gate.dv'), tone: 2, dash: 'dashed', shape: 'square' },
      ],
    });
    const at = { u: fmt(result.u, 3), v: fmt(point.v, 3) };
    frame.summary.replaceChildren(keyNumbers([
      ['value', t()('modern.gate.keyValue', at), point.value, fmt(point.value, 5)],
      ['du', t()('modern.gate.keyDu', at), point.du, fmt(point.du, 5)],
      ['dv', t()('modern.gate.keyDv', at), point.dv, fmt(point.dv, 5)],
    ]), h('p', { text: t()('modern.gate.summary') }));
  }

  return mount({
    calculate: (engine) => { result = gatedCurves(engine, { variant: ctx.state.gate, u: ctx.state.gu, v: ctx.state.gv }); },
    render,
    onState: renderControls,
  });
}
