// The network the lab and the playground ask the engine for: a classifier of 2-D points (hidden
// layers of one activation, then a sigmoid output with binary cross-entropy for two classes, or a
// softmax output of k units with cross-entropy for k > 2).
import { engineInit, engineLayer } from '../state/lab-fields.js';

/** The engine's session spec: hidden layers of `units[l]` units, each with activation spec `activation`. */
export function classifierSession(state, units, activation, classes = 2) {
  const output = classes > 2 ? { units: classes, activation: 'softmax' } : { units: 1, activation: 'sigmoid' };
  return {
    input_size: 2,
    layers: [...units.map((count) => engineLayer(count, activation)), output],
    init: engineInit(state.init, state.seed, state.bias),
    loss: classes > 2 ? 'cross_entropy' : 'bce',
    optimiser: { optimiser: state.optimiser, learning_rate: state.lr },
    shuffle_seed: state.seed,
  };
}
