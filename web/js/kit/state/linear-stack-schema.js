// The linear-stack widget's state: 1–5 maps y_k = w_k·y_(k−1) + b_k, optionally each followed by an
// activation, plotted over x ∈ [−range, range]. Used for the URL hash, embed attributes and the
// state a host hands to mountLinearStack, so all three are held to the same rules.
import { HashError } from './hash.js';
import { checkRange } from './codec-values.js';
import { ACTIVATION_NAMES, learnsParameter } from '../activations.js';

/**
 * The engine's activations, but not identity (switching the activation off already shows the bare maps)
 * nor one that learns a parameter (PReLU: a fixed map has nothing to learn it from).
 */
export const STACK_ACTIVATIONS = Object.freeze(ACTIVATION_NAMES.filter((name) => name !== 'identity' && !learnsParameter(name)));
export const STACK_LIMITS = Object.freeze({
  depth: [1, 5],
  parameter: 100, // |w|, |b|
  range: [1, 10],
});

const STATE_KEYS = ['depth', 'weights', 'biases', 'active', 'activation', 'range'];

function fail(reason, field, details) { throw new HashError(reason, field, details); }

function finite(value, bound, field) {
  return checkRange(value, [-bound, bound], field);
}

/** The article's figures 1–4: y1 = w1·x + b1, then y2 = w2·y1 + b2 (a falling line). */
export function defaultLinearStackState() {
  return { depth: 2, weights: [1.5, -0.8], biases: [0.5, 1], active: false, activation: 'tanh', range: 3 };
}

/** A validated deep copy; throws HashError(reason, field) on the first problem. */
export function validateLinearStackState(candidate) {
  if (candidate === null || typeof candidate !== 'object' || Array.isArray(candidate)) fail('type', 'state');
  for (const key of Object.keys(candidate)) {
    if (!STATE_KEYS.includes(key)) fail('unknown-key', null, { value: key });
  }
  const depth = checkRange(candidate.depth, STACK_LIMITS.depth, 'n', 'integer');
  const list = (value, field) => {
    if (!Array.isArray(value)) fail('type', field);
    if (value.length !== depth) fail('count', field, { value, allowed: { kind: 'length', n: depth } });
    return value.map((number) => finite(number, STACK_LIMITS.parameter, field));
  };
  const weights = list(candidate.weights, 'w');
  const biases = list(candidate.biases, 'b');
  if (typeof candidate.active !== 'boolean') fail('type', 'on');
  if (!STACK_ACTIVATIONS.includes(candidate.activation)) fail('activation', 'act', { value: candidate.activation });
  const range = checkRange(candidate.range === undefined ? 3 : candidate.range, STACK_LIMITS.range, 'r');
  return { depth, weights, biases, active: candidate.active, activation: candidate.activation, range };
}
