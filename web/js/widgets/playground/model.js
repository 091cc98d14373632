// The training playground's model: presets, the experiment a state asks the engine for, and the
// counting the page does on the engine's answers (accuracy, dead units). Pure; no DOM.
import { validatePlaygroundState, defaultPlaygroundState, testDatasetOf } from '../../kit/state/playground-schema.js';
import { classifierSession } from '../../kit/experiment/network-spec.js';
import { presetLookup } from '../../kit/experiment/presets.js';
import { activationEntry } from '../../kit/activations.js';
import { pointRows } from '../../kit/state/own-data.js';

export const GRID_RESOLUTION = 64;
/** Each hidden unit's small map: a coarser grid, one batched forward pass per layer (unit-views.js). */
export const UNIT_RESOLUTION = 24;
/** The network diagram draws every unit up to this many hidden units in all (beyond, it says so). */
export const NETWORK_VIEW_UNITS = 128;

export const hiddenUnits = (state) => state.hidden.reduce((sum, units) => sum + units, 0);

const DEAD_RELU = {
  dataset: { kind: 'circle', size: 300, noise: 0.05, seed: 1 },
  hidden: [8, 8, 8], activation: { name: 'relu' }, init: 'kaiming_uniform', bias: -0.3, seed: 2,
  optimiser: 'adam', lr: 0.1, batch: 16, steps: 1500, at: 0,
};
const DEEP = {
  dataset: { kind: 'circle', size: 300, noise: 0.1, seed: 1 },
  hidden: [16, 16, 16, 16, 16, 16, 16, 16, 16, 16], activation: { name: 'sigmoid' }, init: 'xavier_uniform', bias: 0, seed: 1,
  optimiser: 'adam', lr: 0.01, batch: 32, steps: 1000, at: 0,
};
const CONVERGENCE = {
  dataset: { kind: 'gaussians', size: 300, noise: 0.5, seed: 1 },
  hidden: [8, 8], activation: { name: 'tanh' }, init: 'xavier_uniform', bias: 0, seed: 1,
  optimiser: 'sgd', lr: 0.1, batch: 16, steps: 800, at: 0,
};

/** The article's claims as runs; figures observed with the engine are in docs/lab.md. */
export const PLAYGROUND_PRESETS = Object.freeze({
  'dead-relu': DEAD_RELU,
  'dead-leaky': { ...DEAD_RELU, activation: { name: 'leaky_relu', slope: 0.01 } },
  'dead-prelu': { ...DEAD_RELU, activation: { name: 'prelu', alpha: 0.25 } },
  'deep-sigmoid': DEEP,
  'deep-relu': { ...DEEP, activation: { name: 'relu' }, init: 'kaiming_uniform' },
  'tanh-fast': CONVERGENCE,
  'sigmoid-slow': { ...CONVERGENCE, activation: { name: 'sigmoid' } },
});

export const { presetState, matchingPreset } = presetLookup(PLAYGROUND_PRESETS, validatePlaygroundState, defaultPlaygroundState);

export function sessionSpec(state) {
  return classifierSession(state, state.hidden, state.activation);
}

/** The experiment (kit/experiment/experiment.js) for a state: one network, a test set, a grid, α. */
export function experimentSpec(state) {
  const spec = {
    dataset: { ...state.dataset },
    testDataset: testDatasetOf(state.dataset),
    batch: state.batch,
    networks: [{ session: sessionSpec(state), measure: {} }],
    grid: { resolution: GRID_RESOLUTION },
    outputs: true,
    alpha: state.activation.name === 'prelu',
  };
  // The learner's own points are the training set; there is no test set then.
  if (state.points) { spec.points = pointRows(state.points); delete spec.testDataset; }
  if (hiddenUnits(state) <= NETWORK_VIEW_UNITS) {
    spec.units = { resolution: UNIT_RESOLUTION, saturates: activationEntry(state.activation.name).saturates };
  }
  return spec;
}

export function experimentKey(state) {
  return JSON.stringify({ ...state, steps: 0, at: 0 });
}

/** Count the points on the right side of p = 0.5 (outputs from the engine's predict). */
export function accuracy(outputs, targets) {
  if (!outputs || !targets || outputs.length === 0) return null;
  let right = 0;
  for (let k = 0; k < outputs.length; k += 1) {
    if (!Number.isFinite(outputs[k])) return null;
    if ((outputs[k] >= 0.5 ? 1 : 0) === targets[k][0]) right += 1;
  }
  return { right, total: outputs.length, fraction: right / outputs.length };
}

/** Dead hidden units (the engine's dead_units, summed over the hidden layers). */
export function deadHidden(layers, state) {
  const dead = layers.slice(0, state.hidden.length).reduce((sum, layer) => sum + layer.dead_units, 0);
  const total = state.hidden.reduce((sum, units) => sum + units, 0);
  return { dead, total, fraction: dead / total };
}

/** Saturated (point, unit) pairs over all hidden layers, as a share (counts from the engine's fractions). */
export function saturatedHidden(layers, state, size) {
  let saturated = 0;
  let total = 0;
  state.hidden.forEach((units, l) => {
    saturated += Math.round(layers[l].saturation_fraction * units * size);
    total += units * size;
  });
  return total > 0 ? saturated / total : 0;
}
