// Fields shared by the comparison lab's and the training playground's state: dataset, activation,
// initialiser, optimiser, training settings. Strict checks (type, range, no unknown keys) that throw
// HashError(reason, field), with `field` the setting's key in the URL hash; and the text tokens
// those settings use in the hash.
import { HashError } from './hash.js';
import { ACTIVATION_NAMES, parameterDefault } from '../activations.js';

/** Every activation of the engine's catalogue. */
export const ACTIVATIONS = ACTIVATION_NAMES;
export const DATASETS = Object.freeze(['circle', 'xor', 'spirals', 'gaussians']);
/** 'small' and 'large' are the deliberately bad scales: N(0, 0.01²) and N(0, 1). */
export const INITS = Object.freeze(['xavier_uniform', 'xavier_normal', 'kaiming_uniform', 'kaiming_normal', 'small', 'large']);
export const BAD_INIT_SCALES = Object.freeze({ small: 0.01, large: 1 });
export const OPTIMISERS = Object.freeze(['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam']);

export const FIELD_LIMITS = Object.freeze({
  size: [20, 2000],
  noise: [0, 1],
  seed: [0, 4294967295],
  bias: [-2, 2],
  slope: [0, 1],
  alpha: [-10, 10],
  learningRate: [0, 10], // exclusive lower bound
  batch: [1, 1024],
  steps: [1, 20000],
});
export const DEFAULT_SLOPE = parameterDefault('leaky_relu', 'slope');
export const DEFAULT_ALPHA = parameterDefault('prelu', 'alpha');

export function fail(reason, field, details) { throw new HashError(reason, field, details); }

export function plainObject(value, field) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('type', field);
  return value;
}

export function onlyKeys(candidate, keys, field) {
  for (const key of Object.keys(candidate)) if (!keys.includes(key)) fail('unknown-key', field, { value: key });
}

export function integer(value, [low, high], field) {
  const details = { value, allowed: allowedRange('integer', [low, high]) };
  if (typeof value !== 'number' || !Number.isInteger(value)) fail('integer', field, details);
  if (value < low || value > high) fail('range', field, details);
  return value;
}

export function within(value, [low, high], field, kind = 'number') {
  const details = { value, allowed: allowedRange(kind, [low, high]) };
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('number', field, details);
  if (value < low || value > high) fail('range', field, details);
  return value;
}

export function oneOf(value, options, reason, field) {
  if (typeof value !== 'string' || !options.includes(value)) fail(reason, field, { value, allowed: { kind: 'oneOf', options } });
  return value;
}

export function learningRate(value, field = 'lr') {
  const lr = within(value, FIELD_LIMITS.learningRate, field, 'above');
  if (lr <= FIELD_LIMITS.learningRate[0]) {
    fail('range', field, { value, allowed: allowedRange('above', FIELD_LIMITS.learningRate) });
  }
  return lr;
}

/** What a key accepts, as messages name it: {kind, min, max} from a [min, max] limit. */
export function allowedRange(kind, [min, max]) { return { kind, min, max }; }

/** What each hash key accepts, for messages about a value that could not even be read. */
export const FIELD_ALLOWED = Object.freeze({
  data: { kind: 'oneOf', options: DATASETS },
  n: allowedRange('integer', FIELD_LIMITS.size),
  noise: allowedRange('number', FIELD_LIMITS.noise),
  dseed: allowedRange('integer', FIELD_LIMITS.seed),
  init: { kind: 'oneOf', options: INITS },
  bias: allowedRange('number', FIELD_LIMITS.bias),
  seed: allowedRange('integer', FIELD_LIMITS.seed),
  opt: { kind: 'oneOf', options: OPTIMISERS },
  lr: allowedRange('above', FIELD_LIMITS.learningRate),
  batch: allowedRange('integer', FIELD_LIMITS.batch),
  steps: allowedRange('integer', FIELD_LIMITS.steps),
  at: allowedRange('integer', [0, FIELD_LIMITS.steps[1]]),
});

/** {kind, size, noise, seed} */
export function validateDataset(candidate) {
  plainObject(candidate, 'data');
  onlyKeys(candidate, ['kind', 'size', 'noise', 'seed'], 'data');
  return {
    kind: oneOf(candidate.kind, DATASETS, 'dataset', 'data'),
    size: integer(candidate.size, FIELD_LIMITS.size, 'n'),
    noise: within(candidate.noise, FIELD_LIMITS.noise, 'noise'),
    seed: integer(candidate.seed, FIELD_LIMITS.seed, 'dseed'),
  };
}

/** {name} plus slope (Leaky ReLU) or alpha (PReLU, one α shared by the layer). */
export function validateActivation(candidate, field = 'act') {
  plainObject(candidate, field);
  const name = oneOf(candidate.name, ACTIVATIONS, 'activation', field);
  const result = { name };
  if (name === 'leaky_relu') {
    result.slope = candidate.slope === undefined ? DEFAULT_SLOPE : within(candidate.slope, FIELD_LIMITS.slope, field);
  } else if (name === 'prelu') {
    result.alpha = candidate.alpha === undefined ? DEFAULT_ALPHA : within(candidate.alpha, FIELD_LIMITS.alpha, field);
  }
  for (const key of Object.keys(candidate)) if (!(key in result)) fail('unknown-key', field, { value: key });
  return result;
}

/** The activation's token in the hash: relu, leaky_relu:0.01, prelu:0.25, … */
export function activationToken(spec) {
  if (spec.name === 'leaky_relu') return `leaky_relu:${spec.slope}`;
  if (spec.name === 'prelu') return `prelu:${spec.alpha}`;
  return spec.name;
}

const NUMBER = /^-?(\d{1,20}(\.\d{0,20})?|\.\d{1,20})(e[-+]?\d{1,3})?$/i;
const INTEGER = /^\d{1,10}$/;

export function parseNumber(text, field) {
  if (typeof text !== 'string' || !NUMBER.test(text)) fail('number', field, { value: text });
  const value = Number(text);
  if (!Number.isFinite(value)) fail('number', field, { value: text });
  return value;
}

export function parseInteger(text, field) {
  if (typeof text !== 'string' || !INTEGER.test(text)) fail('integer', field, { value: text });
  return Number(text);
}

/** A token (see activationToken) → an activation spec (validated later). */
export function parseActivation(token, field = 'act') {
  const [name, parameter, ...rest] = token.split(':');
  if (rest.length > 0 || !ACTIVATIONS.includes(name)) fail('activation', field, { value: token });
  if (name === 'leaky_relu') return parameter === undefined ? { name } : { name, slope: parseNumber(parameter, field) };
  if (name === 'prelu') return parameter === undefined ? { name } : { name, alpha: parseNumber(parameter, field) };
  if (parameter !== undefined) fail('activation', field, { value: token });
  return { name };
}

/** Training settings shared by both widgets: optimiser, lr, batch, steps and steps done (at). */
export function validateTraining(candidate, datasetSize) {
  const optimiser = oneOf(candidate.optimiser, OPTIMISERS, 'optimiser', 'opt');
  const lr = learningRate(candidate.lr);
  const batch = integer(candidate.batch, FIELD_LIMITS.batch, 'batch');
  if (batch > datasetSize) {
    fail('batch', 'batch', {
      value: batch, allowed: { kind: 'integer', min: FIELD_LIMITS.batch[0], max: Math.min(datasetSize, FIELD_LIMITS.batch[1]) },
    });
  }
  const steps = integer(candidate.steps, FIELD_LIMITS.steps, 'steps');
  const at = integer(candidate.at, [0, FIELD_LIMITS.steps[1]], 'at');
  if (at > steps) fail('at', 'at', { value: at, allowed: { kind: 'integer', min: 0, max: steps } });
  return { optimiser, lr, batch, steps, at };
}

/** The engine's `init` object for an initialiser name, seed and starting bias. */
export function engineInit(init, seed, bias) {
  if (init in BAD_INIT_SCALES) return { scheme: 'normal', scale: BAD_INIT_SCALES[init], seed, bias };
  return { scheme: init, seed, bias };
}

/** The engine's layer object for an activation spec. */
export function engineLayer(units, spec) {
  const layer = { units, activation: spec.name };
  if (spec.name === 'leaky_relu') layer.slope = spec.slope;
  if (spec.name === 'prelu') { layer.alpha = spec.alpha; layer.alpha_mode = 'shared'; }
  return layer;
}

/** Hash entries shared by both codecs, in order. */
export function sharedEntries(state) {
  return [
    ['data', state.dataset.kind], ['n', String(state.dataset.size)], ['noise', String(state.dataset.noise)],
    ['dseed', String(state.dataset.seed)],
  ];
}

export function trainingEntries(state) {
  return [['opt', state.optimiser], ['lr', String(state.lr)], ['batch', String(state.batch)],
    ['steps', String(state.steps)], ['at', String(state.at)]];
}

/** Hash params hold only `keys`, and a `v` that is `version`; otherwise a HashError naming the culprit. */
export function checkKeys(params, keys, version) {
  for (const key of params.keys()) if (!keys.includes(key)) throw new HashError('unknown-key', null, { value: key });
  if (params.has('v') && params.get('v') !== version) throw new HashError('version', 'v', { value: params.get('v') });
}

/** Read the dataset and training keys from hash params (a Map of strings), with defaults. */
export function decodeShared(params, defaults) {
  const get = (key, fallback) => (params.has(key) ? params.get(key) : fallback);
  return {
    dataset: {
      kind: get('data', defaults.dataset.kind),
      size: parseInteger(get('n', String(defaults.dataset.size)), 'n'),
      noise: parseNumber(get('noise', String(defaults.dataset.noise)), 'noise'),
      seed: parseInteger(get('dseed', String(defaults.dataset.seed)), 'dseed'),
    },
    init: get('init', defaults.init),
    bias: parseNumber(get('bias', String(defaults.bias)), 'bias'),
    seed: parseInteger(get('seed', String(defaults.seed)), 'seed'),
    optimiser: get('opt', defaults.optimiser),
    lr: parseNumber(get('lr', String(defaults.lr)), 'lr'),
    batch: parseInteger(get('batch', String(defaults.batch)), 'batch'),
    steps: parseInteger(get('steps', String(defaults.steps)), 'steps'),
    at: parseInteger(get('at', '0'), 'at'),
  };
}
