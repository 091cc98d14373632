// The training playground's state and the bounds on every field (URL hash, host page, imported
// JSON: one set of rules).
//
// state = {
//   dataset: {kind, size, noise, seed},   training set; the test set is the same kind, size and noise
//                                         with seed + TEST_SEED_OFFSET (see testDatasetOf)
//   hidden: [units, …],                   1–12 hidden layers of 1–64 units, then 1 sigmoid output
//   activation: spec,                     every hidden layer's activation
//   init, bias, seed,                     initialiser, every bias's start, weight (and shuffle) seed
//   optimiser, lr, batch, steps, at,      training: N = steps to train, at = steps taken so far
//   classes: 2 … 8,                       optional (default 2): 2 is a sigmoid output with binary
//                                         cross-entropy, more a softmax output with cross-entropy;
//                                         generated data with more than 2 is spirals or gaussians
//   points: null | [[x₁, x₂, label], …],  optional: the learner's own training points (own-data.js);
//                                         when set they are the training set (no test set), and
//                                         `dataset` only waits for a return to generated data
// }
import {
  fail, plainObject, onlyKeys, integer, within, oneOf, validateDataset, validateActivation, validateTraining,
  INITS, FIELD_LIMITS,
} from './lab-fields.js';
import { validatePoints } from './own-data.js';

export const PLAYGROUND_LIMITS = Object.freeze({ hiddenLayers: [1, 12], units: [1, 64], classes: [2, 8] });
/** The generated datasets the engine makes with more than two classes. */
export const MULTICLASS_DATASETS = Object.freeze(['spirals', 'gaussians']);
export const TEST_SEED_OFFSET = 1000;

const STATE_KEYS = ['dataset', 'hidden', 'activation', 'init', 'bias', 'seed', 'optimiser', 'lr', 'batch', 'steps', 'at'];
const OPTIONAL_KEYS = ['classes', 'points'];

export const PLAYGROUND_DEFAULTS = Object.freeze({
  dataset: Object.freeze({ kind: 'xor', size: 300, noise: 0.1, seed: 1 }),
  hidden: Object.freeze([8, 8]),
  activation: Object.freeze({ name: 'tanh' }),
  init: 'xavier_uniform',
  bias: 0,
  seed: 1,
  optimiser: 'adam',
  lr: 0.01,
  batch: 16,
  steps: 1500,
  at: 0,
  classes: 2,
  points: null,
});

export function defaultPlaygroundState() { return structuredClone(PLAYGROUND_DEFAULTS); }

/** The held-out test set's dataset request for a state's training set. */
export function testDatasetOf(dataset) {
  return { ...dataset, seed: (dataset.seed + TEST_SEED_OFFSET) % (FIELD_LIMITS.seed[1] + 1) };
}

/** The engine's dataset request for a state's generated data (`classes` only when more than 2). */
export function datasetOf(state) {
  return state.classes > 2 ? { ...state.dataset, classes: state.classes } : { ...state.dataset };
}

/** A validated deep copy of `candidate`; throws HashError(reason, field) on the first problem. */
export function validatePlaygroundState(candidate) {
  plainObject(candidate, 'state');
  onlyKeys(candidate, [...STATE_KEYS, ...OPTIONAL_KEYS], null);
  for (const key of STATE_KEYS) if (!(key in candidate)) fail('missing', key === 'activation' ? 'act' : key);
  const dataset = validateDataset(candidate.dataset);
  if (!Array.isArray(candidate.hidden)) fail('type', 'hidden');
  const [fewest, most] = PLAYGROUND_LIMITS.hiddenLayers;
  if (candidate.hidden.length < fewest || candidate.hidden.length > most) {
    fail('count', 'hidden', { value: candidate.hidden, allowed: { kind: 'layers', min: fewest, max: most } });
  }
  const state = {
    dataset,
    hidden: candidate.hidden.map((units) => integer(units, PLAYGROUND_LIMITS.units, 'hidden')),
    activation: validateActivation(candidate.activation, 'act'),
    init: oneOf(candidate.init, INITS, 'scheme', 'init'),
    bias: within(candidate.bias, FIELD_LIMITS.bias, 'bias'),
    seed: integer(candidate.seed, FIELD_LIMITS.seed, 'seed'),
  };
  Object.assign(state, validateTraining(candidate, dataset.size));
  state.classes = candidate.classes === undefined ? 2 : integer(candidate.classes, PLAYGROUND_LIMITS.classes, 'classes');
  if (state.classes > 2 && !MULTICLASS_DATASETS.includes(dataset.kind)) {
    fail('classes-dataset', 'data', { value: dataset.kind, allowed: { kind: 'oneOf', options: MULTICLASS_DATASETS } });
  }
  state.points = candidate.points === undefined || candidate.points === null ? null : validatePoints(candidate.points, state.classes);
  return state;
}
