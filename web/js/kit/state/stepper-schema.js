// The stepper's state and the bounds on every field. Used for the URL hash and for the state a
// host page hands to mountStepper, so both are held to the same rules.
import { HashError } from './hash.js';
import { ACTIVATION_NAMES, parameterDefault } from '../activations.js';

export const LIMITS = Object.freeze({
  inputSize: [1, 4],
  hiddenLayers: [0, 3],
  units: [1, 6],
  inputValue: 1000,      // |x| and |t| (MSE)
  parameter: 1e6,        // |w|, |b|
  slope: [0, 1],         // Leaky ReLU
  alpha: [-10, 10],      // PReLU initial α
  learningRate: [0, 10], // exclusive lower bound
  cycles: [0, 1000],
  seed: [0, 4294967295],
  step: [0, 5000],
});

// Every activation of the catalogue. The article's six have their own fields (Leaky ReLU's slope, PReLU's α)
// and their own explanations (stepper/equation.js); any other runs with its catalogue defaults.
export const ACTIVATIONS = ACTIVATION_NAMES;
export const INIT_SCHEMES = Object.freeze([
  'xavier_uniform', 'xavier_normal', 'kaiming_uniform', 'kaiming_normal', 'uniform', 'normal',
]);
export const LOSSES = Object.freeze(['mse', 'bce']);
export const DEFAULT_SLOPE = parameterDefault('leaky_relu', 'slope');
export const DEFAULT_ALPHA = parameterDefault('prelu', 'alpha');

const STATE_KEYS = ['inputSize', 'hidden', 'activations', 'inputs', 'target', 'loss', 'params', 'lr',
  'cycles', 'step'];

/**
 * What each hash key accepts (for the messages; the checks below use the same LIMITS). `act`, `w`
 * and `b` depend on the network's shape, so their count is named where it is checked.
 */
export const STEPPER_ALLOWED = Object.freeze({
  in: { kind: 'integer', min: LIMITS.inputSize[0], max: LIMITS.inputSize[1] },
  h: { kind: 'integer', min: LIMITS.units[0], max: LIMITS.units[1] },
  x: { kind: 'number', min: -LIMITS.inputValue, max: LIMITS.inputValue },
  t: { kind: 'number', min: -LIMITS.inputValue, max: LIMITS.inputValue },
  loss: { kind: 'oneOf', options: LOSSES },
  init: { kind: 'oneOf', options: INIT_SCHEMES },
  seed: { kind: 'integer', min: LIMITS.seed[0], max: LIMITS.seed[1] },
  w: { kind: 'number', min: -LIMITS.parameter, max: LIMITS.parameter },
  b: { kind: 'number', min: -LIMITS.parameter, max: LIMITS.parameter },
  lr: { kind: 'above', min: LIMITS.learningRate[0], max: LIMITS.learningRate[1] },
  cyc: { kind: 'integer', min: LIMITS.cycles[0], max: LIMITS.cycles[1] },
  step: { kind: 'integer', min: LIMITS.step[0], max: LIMITS.step[1] },
});

function fail(reason, field, details) { throw new HashError(reason, field, details); }

function integer(value, [low, high], field) {
  const details = { value, allowed: { kind: 'integer', min: low, max: high } };
  if (!Number.isInteger(value)) fail('integer', field, details);
  if (value < low || value > high) fail('range', field, details);
  return value;
}

function finite(value, bound, field) {
  return within(value, [-bound, bound], field);
}

function within(value, [low, high], field) {
  const details = { value, allowed: { kind: 'number', min: low, max: high } };
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('number', field, details);
  if (value < low || value > high) fail('range', field, details);
  return value;
}

function list(value, length, field) {
  if (!Array.isArray(value)) fail('type', field);
  if (length !== undefined && value.length !== length) fail('count', field, {
    value: value.length,
    allowed: { kind: 'length', n: length },
  });
  return value;
}

function plainObject(value, field) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('type', field);
  return value;
}

/** Units per layer, hidden layers first, then the single output unit. */
export function layerUnits(state) { return [...state.hidden, 1]; }

/** Number of inputs into each layer. */
export function layerFanIn(state) {
  const units = layerUnits(state);
  return units.map((_, l) => (l === 0 ? state.inputSize : units[l - 1]));
}

function validateActivation(candidate, field) {
  plainObject(candidate, field);
  const name = candidate.name;
  if (!ACTIVATIONS.includes(name)) fail('activation', field, { value: name });
  const result = { name };
  if (name === 'leaky_relu') {
    result.slope = candidate.slope === undefined ? DEFAULT_SLOPE : within(candidate.slope, LIMITS.slope, field);
  } else if (name === 'prelu') {
    result.alpha = candidate.alpha === undefined ? DEFAULT_ALPHA : within(candidate.alpha, LIMITS.alpha, field);
    if (candidate.perUnit !== undefined && typeof candidate.perUnit !== 'boolean') fail('type', field);
    result.perUnit = candidate.perUnit === true;
  }
  for (const key of Object.keys(candidate)) {
    if (!(key in result)) fail('unknown-key', field, { value: key });
  }
  return result;
}

function validateParams(candidate, units, fanIn) {
  plainObject(candidate, 'init');
  if (candidate.mode === 'init') {
    if (!INIT_SCHEMES.includes(candidate.scheme)) fail('scheme', 'init', { value: candidate.scheme, allowed: STEPPER_ALLOWED.init });
    return { mode: 'init', scheme: candidate.scheme, seed: integer(candidate.seed, LIMITS.seed, 'seed') };
  }
  if (candidate.mode !== 'explicit') fail('type', 'init');
  list(candidate.weights, units.length, 'w');
  list(candidate.biases, units.length, 'b');
  const weights = candidate.weights.map((rows, l) => list(rows, units[l], 'w').map((row) =>
    list(row, fanIn[l], 'w').map((value) => finite(value, LIMITS.parameter, 'w'))));
  const biases = candidate.biases.map((row, l) =>
    list(row, units[l], 'b').map((value) => finite(value, LIMITS.parameter, 'b')));
  return { mode: 'explicit', weights, biases };
}

/** A validated deep copy of `candidate`; throws HashError(reason, field) on the first problem. */
export function validateStepperState(candidate) {
  plainObject(candidate, 'state');
  for (const key of Object.keys(candidate)) {
    if (!STATE_KEYS.includes(key)) fail('unknown-key', null, { value: key });
  }
  const inputSize = integer(candidate.inputSize, LIMITS.inputSize, 'in');
  const hidden = list(candidate.hidden, undefined, 'h');
  if (hidden.length > LIMITS.hiddenLayers[1]) fail('count', 'h', {
    value: hidden,
    allowed: { kind: 'layers', min: LIMITS.hiddenLayers[0], max: LIMITS.hiddenLayers[1] },
  });
  hidden.forEach((units) => integer(units, LIMITS.units, 'h'));
  const state = { inputSize, hidden: [...hidden] };
  const units = layerUnits(state);
  const fanIn = layerFanIn(state);
  state.activations = list(candidate.activations, units.length, 'act')
    .map((activation) => validateActivation(activation, 'act'));
  state.inputs = list(candidate.inputs, inputSize, 'x').map((x) => finite(x, LIMITS.inputValue, 'x'));
  if (!LOSSES.includes(candidate.loss)) fail('loss', 'loss', { value: candidate.loss, allowed: STEPPER_ALLOWED.loss });
  state.loss = candidate.loss;
  if (state.loss === 'bce') {
    if (state.activations[units.length - 1].name !== 'sigmoid') fail('bce', 'loss');
    state.target = within(candidate.target, [0, 1], 't');
  } else {
    state.target = finite(candidate.target, LIMITS.inputValue, 't');
  }
  state.params = validateParams(candidate.params, units, fanIn);
  const lrDetails = { value: candidate.lr, allowed: STEPPER_ALLOWED.lr };
  if (typeof candidate.lr !== 'number' || !Number.isFinite(candidate.lr)) fail('number', 'lr', lrDetails);
  if (candidate.lr <= LIMITS.learningRate[0] || candidate.lr > LIMITS.learningRate[1]) fail('range', 'lr', lrDetails);
  const lr = candidate.lr;
  state.lr = lr;
  state.cycles = integer(candidate.cycles, LIMITS.cycles, 'cyc');
  state.step = integer(candidate.step, LIMITS.step, 'step');
  return state;
}
