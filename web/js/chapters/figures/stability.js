// Chapter 11: what goes wrong when an output's loss is computed from probabilities, live in double
// precision. For a logit z and a target t, each row computes one quantity three ways: the textbook
// formula as written (naive), the stable rewriting, and the engine (where the engine computes that
// quantity). The naive and stable columns are the page's own JavaScript arithmetic on purpose —
// they show what IEEE doubles do, the same doubles as the engine's C++. The softmax rows use the
// logits (z, 0, −z) with the first class as the target; the engine's numbers for them come from a
// softmax output layer of 3 units with loss "cross_entropy" (its trace holds the row's log-sum-exp).
import { h } from '../../kit/dom.js';
import { figureFrame, computedFigure, stateNumberFields, keyNumbers, fmt } from './frame.js';

export const STABILITY_LIMITS = Object.freeze({ logit: [-10000, 10000], target: [0, 1] });
/** The chapter state this figure reads (chapters/state.js): each field, what it allows, its default. */
export const STABILITY_FIELDS = Object.freeze({
  sz: { type: 'number', range: STABILITY_LIMITS.logit, default: 40 },
  st: { type: 'number', range: STABILITY_LIMITS.target, default: 0 },
});

// --- the formulas as usually written ------------------------------------------------------------
const naive = {
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  softplus: (z) => Math.log(1 + Math.exp(z)),
  logSigmoid: (z) => Math.log(naive.sigmoid(z)),
  bce: (z, t) => {
    const p = naive.sigmoid(z);
    return -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
  },
  // dL/dp · dp/dz, the chain rule through the probability.
  bceGradient: (z, t) => {
    const p = naive.sigmoid(z);
    return (-t / p + (1 - t) / (1 - p)) * p * (1 - p);
  },
  logSumExp: (zs) => Math.log(zs.reduce((sum, z) => sum + Math.exp(z), 0)),
  softmax: (zs) => {
    const total = zs.reduce((sum, z) => sum + Math.exp(z), 0);
    return zs.map((z) => Math.exp(z) / total);
  },
  crossEntropy: (zs, y) => -Math.log(naive.softmax(zs)[y]),
};

// --- the stable forms: only e^(something ≤ 0) is ever evaluated ---------------------------------
const softplus = (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
const logSumExp = (zs) => {
  const m = Math.max(...zs);
  return m + Math.log(zs.reduce((sum, z) => sum + Math.exp(z - m), 0));
};
export const stable = {
  sigmoid: (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))),
  softplus,
  logSigmoid: (z) => -softplus(-z),
  bce: (z, t) => softplus(z) - t * z,
  bceGradient: (z, t) => stable.sigmoid(z) - t,
  logSumExp,
  softmax: (zs) => { const lse = logSumExp(zs); return zs.map((z) => Math.exp(z - lse)); },
  crossEntropy: (zs, y) => logSumExp(zs) - zs[y],
};

export const softmaxLogits = (z) => [z, 0, -z];

/** What the engine says about the same quantities: sigmoid and softplus curves, BCE from the logit. */
export function engineValues(engine, z, t) {
  const curve = (activation) => engine.evaluate({ curve: { activation, points: [z] } }).curve.values[0];
  const bce = (target) => engine.evaluate({
    input_size: 1, layers: [{ units: 1, activation: 'sigmoid' }], weights: [[[1]]], biases: [[0]],
    inputs: [[z]], targets: [[target]], loss: 'bce',
  });
  const withT = bce(t);
  return {
    sigmoid: curve('sigmoid'),
    softplus: curve('softplus'),
    logSigmoid: -bce(1).loss, // BCE with t = 1 is −ln σ(z)
    bce: withT.loss,
    bceGradient: withT.layers[0].grad_pre_activations[0][0], // one example: the mean is the value
  };
}

/**
 * The engine's softmax output for the logits (z, 0, −z): weights (1, 0, −1) on the input z, class 0 as
 * the target. {logSumExp (from the trace), crossEntropy (the loss), softmaxGradient (∂L/∂z, one example)}.
 */
export function engineSoftmax(engine, z) {
  const response = engine.evaluate({
    input_size: 1, layers: [{ units: 3, activation: 'softmax' }], weights: [[[1], [0], [-1]]], biases: [[0, 0, 0]],
    inputs: [[z]], targets: [[0]], loss: 'cross_entropy', trace: true,
  });
  const step = response.trace.steps.find((s) => s.phase === 'forward' && s.kind === 'activation');
  return {
    logSumExp: step.inputs.log_sum_exp,
    crossEntropy: response.loss,
    softmaxGradient: response.layers[0].grad_pre_activations[0],
  };
}

/** Every row: {key, naive, stable, engine (or null)}; the softmax rows' values are vectors. */
export function stabilityRows(engine, { z, t }) {
  const fromEngine = { ...engineValues(engine, z, t), ...engineSoftmax(engine, z) };
  const logits = softmaxLogits(z);
  const oneHot = [1, 0, 0];
  return [
    ...['sigmoid', 'logSigmoid', 'softplus'].map((key) => ({ key, naive: naive[key](z), stable: stable[key](z), engine: fromEngine[key] })),
    ...['bce', 'bceGradient'].map((key) => ({ key, naive: naive[key](z, t), stable: stable[key](z, t), engine: fromEngine[key] })),
    ...['logSumExp', 'crossEntropy'].map((key) => ({
      key, naive: naive[key](logits, 0), stable: stable[key](logits, 0), engine: fromEngine[key],
    })),
    {
      key: 'softmaxGradient',
      naive: naive.softmax(logits).map((p, k) => p - oneHot[k]),
      stable: stable.softmax(logits).map((p, k) => p - oneHot[k]),
      engine: fromEngine.softmaxGradient,
    },
  ];
}

const broken = (value) => (Array.isArray(value) ? value.some(broken) : !Number.isFinite(value));
const values = (value) => (Array.isArray(value) ? value : [value]);
/** A finite naive value that has lost more than half its digits against the stable one. */
export const imprecise = (row) => !broken(row.naive) && values(row.naive).some((v, k) => {
  const exact = values(row.stable)[k];
  return Math.abs(v - exact) > 1e-8 * Math.max(Math.abs(exact), Number.MIN_VALUE);
});

export function mountStability(host, ctx) {
  const frame = figureFrame(host, { kind: 'stability' });
  const t = () => ctx.t;
  let rows = null;
  const tableBox = h('div', { class: 'chapter-table-scroll', tabindex: '0', role: 'region' });
  frame.content.append(tableBox);
  const field = stateNumberFields(ctx, () => figure.compute());

  function renderControls() {
    frame.caption.textContent = t()('output.stab.title');
    frame.setControls(
      field('sz', t()('output.stab.logit'), STABILITY_LIMITS.logit),
      field('st', t()('output.stab.target'), STABILITY_LIMITS.target));
  }

  const show = (value) => {
    if (value === null) return '—';
    if (Array.isArray(value)) return `(${value.map((v) => show(v)).join(', ')})`;
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
    return fmt(value, 6);
  };
  const cell = (key, value, row) => h('td', {
    'data-key': key, 'data-value': value === null ? null : (Array.isArray(value) ? value.map(String).join(',') : String(value)),
    class: value === null ? null : broken(value) ? 'is-broken' : key === 'naive' && imprecise(row) ? 'is-imprecise' : null,
    text: show(value),
  });

  function render() {
    renderControls();
    tableBox.setAttribute('aria-label', t()('output.stab.title'));
    if (!rows) return;
    const z = fmt(ctx.state.sz, 6);
    const st = fmt(ctx.state.st, 3);
    tableBox.replaceChildren(h('table', { class: 'chapter-table stability-table' },
      h('thead', {}, h('tr', {}, ['quantity', 'naive', 'stable', 'engine']
        .map((key) => h('th', { scope: 'col', text: t()(`output.stab.col.${key}`) })))),
      h('tbody', {}, rows.map((row) => h('tr', { 'data-row': row.key },
        h('th', { scope: 'row', text: t()(`output.stab.row.${row.key}`, { z, t: st }) }),
        cell('naive', row.naive, row), cell('stable', row.stable, row), cell('engine', row.engine, row))))));
    const failures = rows.filter((row) => broken(row.naive)).length;
    const inexact = rows.filter(imprecise).length;
    const ofRows = (n) => t()('output.stab.ofRows', { n: String(n), total: String(rows.length) });
    const disagreements = rows.filter((row) => row.engine !== null && !broken(row.stable) && values(row.engine)
      .some((v, k) => Math.abs(v - values(row.stable)[k]) > 1e-12 * Math.max(1, Math.abs(values(row.stable)[k])))).length;
    frame.summary.replaceChildren(
      keyNumbers([
        ['naive-failures', t()('output.stab.keyFailures'), failures, ofRows(failures)],
        ['naive-inexact', t()('output.stab.keyInexact'), inexact, ofRows(inexact)],
        ['engine-disagreements', t()('output.stab.keyEngine'), disagreements, String(disagreements)],
      ]),
      h('p', { text: t()(failures + inexact > 0 ? 'output.stab.summaryBroken' : 'output.stab.summaryFine', { z }) }));
  }

  const figure = computedFigure(frame, ctx, {
    calculate: (engine) => { rows = stabilityRows(engine, { z: ctx.state.sz, t: ctx.state.st }); },
    render,
    onState: renderControls,
  });
  return figure;
}
