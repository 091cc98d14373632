// The training playground's model: presets, the experiment a state asks the engine for, and the
// counting the page does on the engine's answers (accuracy, dead units). Pure; no DOM.
import { validatePlaygroundState, defaultPlaygroundState, testDatasetOf, datasetOf } from '../../kit/state/playground-schema.js';
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
  return classifierSession(state, state.hidden, state.activation, state.classes);
}

/** The experiment (kit/experiment/experiment.js) for a state: one network, a test set, a grid, α. */
export function experimentSpec(state) {
  const spec = {
    dataset: datasetOf(state),
    testDataset: testDatasetOf(datasetOf(state)),
    batch: state.batch,
    networks: [{ session: sessionSpec(state), measure: {} }],
    grid: { resolution: GRID_RESOLUTION },
    outputs: true,
    alpha: state.activation.name === 'prelu',
    parameters: true, // for the PyTorch export
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

/**
 * The class the network gives point n: p ≥ 0.5 with one output (sigmoid), else the most probable of
 * the k softmax outputs (rows × k). null for a non-finite output.
 */
export function predictedClass(outputs, n, classes) {
  if (classes <= 2) return Number.isFinite(outputs[n]) ? (outputs[n] >= 0.5 ? 1 : 0) : null;
  let best = 0;
  for (let c = 0; c < classes; c += 1) {
    const p = outputs[n * classes + c];
    if (!Number.isFinite(p)) return null;
    if (p > outputs[n * classes + best]) best = c;
  }
  return best;
}

/** Count the points classified right (outputs from the engine's predict); null if any is not finite. */
export function accuracy(outputs, targets, classes = 2) {
  const matrix = confusion(outputs, targets, classes);
  if (!matrix) return null;
  const right = matrix.reduce((sum, row, c) => sum + row[c], 0);
  return { right, total: targets.length, fraction: right / targets.length };
}

/** The confusion matrix: rows the true class, columns the predicted one (counts); null if any output is not finite. */
export function confusion(outputs, targets, classes = 2) {
  if (!outputs || !targets || targets.length === 0) return null;
  const matrix = Array.from({ length: classes }, () => new Array(classes).fill(0));
  for (let n = 0; n < targets.length; n += 1) {
    const predicted = predictedClass(outputs, n, classes);
    if (predicted === null) return null;
    matrix[targets[n][0]][predicted] += 1;
  }
  return matrix;
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
