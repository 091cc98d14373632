// The comparison lab's state and the bounds on every field. Used for the URL hash, for a state a
// host page hands to mountLab, and for imported JSON files, so all three obey the same rules.
//
// state = {
//   dataset: {kind, size, noise, seed},   the engine's 2-D dataset (seed: the data's own seed)
//   depth, width,                         hidden layers (1–32) of `width` units (1–256), then 1 sigmoid output
//   init, bias, seed,                     initialiser (lab-fields INITS), every bias's start, weight seed
//   activations: [spec, …],               2–5 hidden-layer activations to compare, one column each
//   optimiser, lr, batch, steps, at,      training: N = steps to train, at = steps taken so far
// }
import {
  fail, plainObject, onlyKeys, integer, within, oneOf, validateDataset, validateActivation, validateTraining,
  INITS, FIELD_LIMITS,
} from './lab-fields.js';

export const LAB_LIMITS = Object.freeze({ depth: [1, 32], width: [1, 256], activations: [2, 5] });

const STATE_KEYS = ['dataset', 'depth', 'width', 'init', 'bias', 'seed', 'activations', 'optimiser', 'lr', 'batch', 'steps', 'at'];

export const LAB_DEFAULTS = Object.freeze({
  dataset: Object.freeze({ kind: 'circle', size: 300, noise: 0.1, seed: 1 }),
  depth: 10,
  width: 16,
  init: 'kaiming_uniform',
  bias: 0,
  seed: 1,
  activations: Object.freeze([{ name: 'sigmoid' }, { name: 'tanh' }, { name: 'relu' }]),
  optimiser: 'adam',
  lr: 0.01,
  batch: 32,
  steps: 500,
  at: 0,
});

export function defaultLabState() { return structuredClone(LAB_DEFAULTS); }

/** A validated deep copy of `candidate`; throws HashError(reason, field) on the first problem. */
export function validateLabState(candidate) {
  plainObject(candidate, 'state');
  onlyKeys(candidate, STATE_KEYS, null);
  for (const key of STATE_KEYS) if (!(key in candidate)) fail('missing', key === 'activations' ? 'act' : key);
  const dataset = validateDataset(candidate.dataset);
  const state = {
    dataset,
    depth: integer(candidate.depth, LAB_LIMITS.depth, 'depth'),
    width: integer(candidate.width, LAB_LIMITS.width, 'width'),
    init: oneOf(candidate.init, INITS, 'scheme', 'init'),
    bias: within(candidate.bias, FIELD_LIMITS.bias, 'bias'),
    seed: integer(candidate.seed, FIELD_LIMITS.seed, 'seed'),
  };
  if (!Array.isArray(candidate.activations)) fail('type', 'act');
  const [fewest, most] = LAB_LIMITS.activations;
  if (candidate.activations.length < fewest || candidate.activations.length > most) {
    const names = candidate.activations.map((spec) => (spec && typeof spec.name === 'string' ? spec.name : '?'));
    fail('activation-count', 'act', { value: names, allowed: { kind: 'count', min: fewest, max: most } });
  }
  state.activations = candidate.activations.map((spec) => validateActivation(spec, 'act'));
  Object.assign(state, validateTraining(candidate, dataset.size));
  return state;
}
