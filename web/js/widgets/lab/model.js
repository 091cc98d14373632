// The comparison lab's model: presets, the experiment a state asks the engine for, and small
// counting helpers over the engine's statistics. Pure functions; no DOM. Every number shown comes
// from the engine's answers; this file only arranges requests and counts.
import { validateLabState, defaultLabState } from '../../kit/state/lab-schema.js';
import { classifierSession } from '../../kit/experiment/network-spec.js';
import { presetLookup } from '../../kit/experiment/presets.js';

export const HISTOGRAM_BINS = 24;
export const PRE_ACTIVATION_RANGE = Object.freeze([-6, 6]);

/** The range each activation's output histogram covers (outside values pile into the end bins). */
export function activationRange(name) {
  switch (name) {
    case 'sigmoid': return [0, 1];
    case 'tanh': return [-1, 1];
    case 'identity': return [-6, 6];
    case 'softplus': return [0, 4];
    default: return [-1, 4]; // ReLU family, ELU, GELU, SiLU
  }
}

/**
 * The article's claims, each a few clicks away. Figures observed with the engine are in
 * docs/lab.md (and checked by tests/browser/lab.test.mjs).
 */
export const LAB_PRESETS = Object.freeze({
  // Deep sigmoid: the gradient reaching layer 1 is ~10⁻⁹ of the last layer's; ReLU's is not.
  vanishing: {
    dataset: { kind: 'circle', size: 300, noise: 0.1, seed: 1 },
    depth: 10, width: 16, init: 'kaiming_uniform', bias: 0, seed: 1,
    activations: [{ name: 'sigmoid' }, { name: 'tanh' }, { name: 'relu' }],
    optimiser: 'adam', lr: 0.01, batch: 32, steps: 500, at: 0,
  },
  // Dying ReLU: negative starting biases and a large Adam step kill most ReLU units for good.
  'dead-relu': {
    dataset: { kind: 'circle', size: 300, noise: 0.05, seed: 1 },
    depth: 3, width: 8, init: 'kaiming_uniform', bias: -0.3, seed: 2,
    activations: [{ name: 'relu' }, { name: 'leaky_relu', slope: 0.01 }, { name: 'prelu', alpha: 0.25 }],
    optimiser: 'adam', lr: 0.1, batch: 16, steps: 1500, at: 0,
  },
  // Zero-centred tanh converges much faster than sigmoid with plain SGD.
  'tanh-sigmoid': {
    dataset: { kind: 'gaussians', size: 300, noise: 0.5, seed: 1 },
    depth: 2, width: 8, init: 'xavier_uniform', bias: 0, seed: 1,
    activations: [{ name: 'sigmoid' }, { name: 'tanh' }],
    optimiser: 'sgd', lr: 0.1, batch: 16, steps: 800, at: 0,
  },
  // Too-small weights: activations collapse towards 0 layer after layer, and so do the gradients.
  'init-small': {
    dataset: { kind: 'circle', size: 300, noise: 0.1, seed: 1 },
    depth: 10, width: 16, init: 'small', bias: 0, seed: 1,
    activations: [{ name: 'tanh' }, { name: 'relu' }],
    optimiser: 'adam', lr: 0.01, batch: 32, steps: 300, at: 0,
  },
  // Too-large weights: sigmoid and tanh units saturate.
  'init-large': {
    dataset: { kind: 'circle', size: 300, noise: 0.1, seed: 1 },
    depth: 10, width: 16, init: 'large', bias: 0, seed: 1,
    activations: [{ name: 'sigmoid' }, { name: 'tanh' }, { name: 'relu' }],
    optimiser: 'adam', lr: 0.01, batch: 32, steps: 300, at: 0,
  },
});

export const { presetState, matchingPreset } = presetLookup(LAB_PRESETS, validateLabState, defaultLabState);

/** The engine's session spec for one column: same data, seed and settings; only `activation` differs. */
export function sessionSpec(state, activation) {
  return classifierSession(state, Array.from({ length: state.depth }, () => state.width), activation);
}

/** The experiment (kit/experiment/experiment.js) for a state: one network per activation. */
export function experimentSpec(state) {
  return {
    dataset: { ...state.dataset },
    batch: state.batch,
    networks: state.activations.map((activation) => ({
      session: sessionSpec(state, activation),
      measure: {
        bins: HISTOGRAM_BINS,
        pre_activation_range: PRE_ACTIVATION_RANGE.slice(),
        activation_range: activationRange(activation.name),
      },
    })),
  };
}

/** The parts of a state that need a new experiment when they change (everything but N and at). */
export function experimentKey(state) {
  return JSON.stringify({ ...state, steps: 0, at: 0 });
}

/** Dead hidden units (counted over the hidden layers' dead_units) and their share. */
export function deadHidden(layers, state) {
  const hidden = layers.slice(0, state.depth);
  const dead = hidden.reduce((sum, layer) => sum + layer.dead_units, 0);
  const total = state.depth * state.width;
  return { dead, total, fraction: dead / total };
}

/** The mean of a per-layer fraction over the hidden layers (each layer has the same width). */
export function meanHidden(layers, state, key) {
  const hidden = layers.slice(0, state.depth);
  return hidden.reduce((sum, layer) => sum + layer[key], 0) / hidden.length;
}
