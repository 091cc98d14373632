// The prediction each chapter asks before one of its figures (see prediction.js). Each takes the
// figure block it stands before, computes its answer with the engine (with the figure's own
// functions where it has them, for the chapter's current state) and names what to compare.
import { predict } from './prediction.js';
import { ACTIVATION_NAMES, activationName } from '../kit/activations.js';
import { formatNumber } from '../kit/format.js';
import { chainGradients } from './figures/vanishing.js';
import { centringRows } from './figures/centring.js';
import { sparsityNetwork } from './figures/sparsity-map.js';
import { depthStatistics } from './figures/init-depth.js';
import { logitGradients } from './figures/output-gradient.js';
import { modernShapes } from './figures/modern-shapes.js';

/** The choice (a number written as a string) nearest to `value`, on a log scale (0 counts as tiny) or a plain one. */
function nearestChoice(value, choices, { log = false } = {}) {
  const scale = (x) => (log ? Math.log10(Math.max(x, Number.MIN_VALUE)) : x);
  const distance = (choice) => Math.abs(scale(value) - scale(Number(choice)));
  return choices.reduce((best, choice) => (distance(choice) < distance(best) ? choice : best));
}

/** The output of identity-activated 1-unit layers (pure linear maps) at x. */
function linearStack(engine, weights, biases, x) {
  return engine.evaluate({
    input_size: 1, layers: weights.map(() => ({ units: 1, activation: 'identity' })),
    weights: weights.map((w) => [[w]]), biases: biases.map((b) => [b]), inputs: [[x]],
  }).outputs[0][0];
}

/** Chapter 1: stacked linear maps, before the linear-stack figure. */
export const whyPrediction = (gate) => predict({
  id: 'why',
  answer: { kind: 'choice', choices: ['line', 'bend', 'zigzag'] },
  gate,
  compute(engine, ctx) {
    const { weights, biases } = ctx.state;
    const [left, middle, right] = [-1, 0, 1].map((x) => linearStack(engine, weights, biases, x));
    const straight = Math.abs((right - middle) - (middle - left)) <= 1e-9 * (1 + Math.abs(right) + Math.abs(left));
    return {
      actual: straight ? 1 : 0,
      correct: straight ? 'line' : 'bend',
      params: { W: formatNumber((right - left) / 2), B: formatNumber(middle), n: String(weights.length) },
    };
  },
});

/** Chapter 2: which weight of the example chain gets the larger gradient. */
const CHAIN = { x: 1.5, w: [0.8, -0.5], b: [0.1, 0.2], t: 1 };
export const stepperPrediction = () => predict({
  id: 'stepper',
  answer: { kind: 'choice', choices: ['w1', 'w2', 'same'] },
  compute(engine) {
    const response = engine.evaluate({
      input_size: 1, layers: [{ units: 1, activation: 'sigmoid' }, { units: 1, activation: 'sigmoid' }],
      weights: CHAIN.w.map((w) => [[w]]), biases: CHAIN.b.map((b) => [b]), inputs: [[CHAIN.x]], targets: [[CHAIN.t]], loss: 'mse',
    });
    const g1 = response.layers[0].grad_weights[0][0];
    const g2 = response.layers[1].grad_weights[0][0];
    const ratio = Math.abs(g1 / g2);
    return {
      actual: ratio, correct: Math.abs(ratio - 1) < 0.05 ? 'same' : (ratio > 1 ? 'w1' : 'w2'), g1, g2,
      params: { ratio: ratio.toFixed(2) },
    };
  },
  bars: ({ g1, g2 }) => [{ label: 'predict.stepper.bar.w1', value: g1 }, { label: 'predict.stepper.bar.w2', value: g2 }],
});

/** Chapter 3: how many of the catalogue's activations saturate, before the criteria table. */
export const criteriaPrediction = (gate) => predict({
  id: 'criteria',
  answer: { kind: 'number', min: 0, max: 100, unit: '', close: 0.5 },
  gate,
  question: () => ({ total: String(ACTIVATION_NAMES.length) }),
  compute(engine) {
    const catalogue = engine.catalogue();
    const saturating = catalogue.filter((entry) => entry.saturates).map((entry) => entry.name);
    return { actual: saturating.length, params: { total: String(catalogue.length), names: saturating.join(', ') } };
  },
});

/** Chapter 4: the size of the first layer's gradient in the chain of sigmoids, before the vanishing figure. */
export const sigmoidPrediction = (gate) => predict({
  id: 'sigmoid',
  answer: { kind: 'choice', choices: ['1e-1', '1e-4', '1e-9'] },
  gate,
  question: (ctx) => ({ depth: String(ctx.state.dep), w: String(ctx.state.w), b: String(ctx.state.b) }),
  compute(engine, ctx) {
    const { rows } = chainGradients(engine, { depth: ctx.state.dep, w: ctx.state.w, b: ctx.state.b });
    const first = rows[0].gradient;
    return {
      actual: first,
      correct: nearestChoice(first, ['1e-1', '1e-4', '1e-9'], { log: true }),
      params: { first: first.toExponential(2), last: rows[rows.length - 1].gradient.toExponential(2) },
    };
  },
});

/** Chapter 5: the sigmoid's mean output over symmetric inputs, before the centring figure. */
export const tanhPrediction = (gate) => predict({
  id: 'tanh',
  answer: { kind: 'number', min: -1, max: 1, unit: '', close: 0.05 },
  gate,
  question: (ctx) => ({ range: String(ctx.state.mr) }),
  compute(engine, ctx) {
    const rows = centringRows(engine, ctx.state.mr);
    const mean = (name) => rows.find((row) => row.activation === name).mean;
    const shown = (value) => formatNumber(Math.abs(value) < 1e-12 ? 0 : value, 3);
    return { actual: mean('sigmoid'), params: { tanh: shown(mean('tanh')), relu: shown(mean('relu')) } };
  },
});

/** Chapter 6: the share of exactly-zero ReLU outputs at this initialisation, before the sparsity map. */
export const reluPrediction = (gate) => predict({
  id: 'relu',
  answer: { kind: 'number', min: 0, max: 100, unit: '%', close: 10 },
  gate,
  question: (ctx) => ({ bias: String(ctx.state.b), seed: String(ctx.state.seed) }),
  compute(engine, ctx) {
    const { layers } = sparsityNetwork(engine, { seed: ctx.state.seed, bias: ctx.state.b });
    const share = 100 * layers[0].statistics.sparsity_fraction;
    return { actual: share, params: { second: formatNumber(100 * layers[1].statistics.sparsity_fraction, 3) } };
  },
});

/** Chapter 7: how much gradient a negative Leaky ReLU unit passes, before the plot. */
export const leakyPrediction = (gate) => predict({
  id: 'leaky',
  answer: { kind: 'choice', choices: ['0', '1', '50', '100'] },
  gate,
  compute(engine) {
    const { derivatives } = engine.evaluate({ curve: { activation: 'leaky_relu', slope: 0.01, points: [-1, 1] } }).curve;
    const percent = (100 * derivatives[0]) / derivatives[1];
    return { actual: percent, correct: String(Math.round(percent)), params: { percent: formatNumber(percent, 3) } };
  },
});

/** Chapter 8: what ∂a/∂α is for a negative input, before the plot. */
export const preluPrediction = (gate) => predict({
  id: 'prelu',
  answer: { kind: 'choice', choices: ['zero', 'y', 'alpha'] },
  gate,
  compute(engine) {
    // a = PReLU_α(y) at y = −2 (x = −2, w = 1, b = 0); ∂L/∂α ÷ ∂L/∂a is ∂a/∂α.
    const response = engine.evaluate({
      input_size: 1, layers: [{ units: 1, activation: 'prelu', alpha: 0.25 }], weights: [[[1]]], biases: [[0]],
      inputs: [[-2]], targets: [[1]], loss: 'mse',
    });
    const layer = response.layers[0];
    const slope = layer.grad_alpha[0] / layer.grad_activations[0][0];
    return {
      actual: slope, correct: slope === 0 ? 'zero' : (Math.abs(slope - 0.25) < 1e-12 ? 'alpha' : 'y'),
      params: { value: formatNumber(slope) },
    };
  },
});

/** Chapter 9: which activation has the steepest peak slope, before the plot of them all. */
export const summaryPrediction = (gate) => predict({
  id: 'summary',
  answer: { kind: 'choice', choices: ['sigmoid', 'tanh', 'gelu'] },
  gate,
  compute(engine) {
    const peaks = Object.fromEntries(engine.catalogue().map((entry) => [entry.name, entry.peak_derivative]));
    const best = ['sigmoid', 'tanh', 'gelu'].reduce((a, b) => (peaks[b] > peaks[a] ? b : a));
    return {
      actual: peaks[best], correct: best,
      params: { sigmoid: String(peaks.sigmoid), tanh: String(peaks.tanh), gelu: peaks.gelu.toFixed(4) },
    };
  },
});

/** Chapter 10: how much of the signal a Xavier-initialised stack keeps at its last layer, before the depth figure. */
const INIT_CHOICES = ['1e0', '2e-1', '1e-3'];
export const initPrediction = (gate) => predict({
  id: 'init',
  answer: { kind: 'choice', choices: INIT_CHOICES },
  gate,
  question: (ctx) => ({ depth: String(ctx.state.dep), name: activationName(ctx.t, ctx.state.act, 'aplot.option') }),
  compute(engine, ctx) {
    const { runs } = depthStatistics(engine, {
      activation: ctx.state.act, slope: ctx.state.slope, depth: ctx.state.dep, seed: ctx.state.seed,
    });
    const lastStd = (id) => runs.find((run) => run.id === id).layers.at(-1).activationStd;
    const xavier = runs.find((run) => run.id === 'xavier');
    const last = lastStd('xavier');
    return {
      actual: last,
      correct: nearestChoice(last, INIT_CHOICES, { log: true }),
      params: {
        depth: String(ctx.state.dep), first: formatNumber(xavier.layers[0].activationStd, 3), last: formatNumber(last, 3),
        kaiming: formatNumber(lastStd('kaiming'), 3),
      },
    };
  },
});

/** Chapter 11: how much smaller MSE's gradient is than cross-entropy's at the chapter's logit, before the plot. */
const OUTPUT_CHOICES = ['2', '50', '1500'];
export const outputPrediction = (gate) => predict({
  id: 'output',
  answer: { kind: 'choice', choices: OUTPUT_CHOICES },
  gate,
  question: (ctx) => ({ z: formatNumber(ctx.state.z), t: formatNumber(ctx.state.t) }),
  compute(engine, ctx) {
    const { z } = ctx.state;
    // The ratio is 1/(2σ′(z)) whatever the target; where p = t both gradients vanish, so ask with
    // the target at the other end.
    const { values: [p], derivatives: [slope] } = engine.evaluate({ curve: { activation: 'sigmoid', points: [z] } }).curve;
    const t = p === ctx.state.t ? (p < 0.5 ? 1 : 0) : ctx.state.t;
    const [bce] = logitGradients(engine, [z], t, 'bce');
    const [mse] = logitGradients(engine, [z], t, 'mse');
    const ratio = Math.abs(bce / mse);
    return {
      actual: ratio,
      correct: nearestChoice(ratio, OUTPUT_CHOICES, { log: true }),
      params: { ratio: formatNumber(ratio, 4), bce: formatNumber(bce, 4), mse: formatNumber(mse, 4), slope: formatNumber(slope, 4) },
    };
  },
});

/** Chapter 12: GELU's smallest value, before the table of the modern activations' shapes. */
const MODERN_CHOICES = ['0', '-0.17', '-0.5'];
export const modernPrediction = (gate) => predict({
  id: 'modern',
  answer: { kind: 'choice', choices: MODERN_CHOICES },
  gate,
  compute(engine) {
    const { rows } = modernShapes(engine);
    const row = (name) => rows.find((entry) => entry.activation === name);
    const { minimum, minimumAt, atMinusFour } = row('gelu');
    return {
      actual: minimum,
      correct: nearestChoice(minimum, MODERN_CHOICES),
      params: {
        minimum: formatNumber(minimum, 5), at: formatNumber(minimumAt, 3), four: formatNumber(atMinusFour, 3),
        silu: formatNumber(row('silu').minimum, 4), mish: formatNumber(row('mish').minimum, 4),
      },
    };
  },
});
