// The network the lab and the playground ask the engine for: a classifier of 2-D points (hidden
// layers of one activation, a sigmoid output, binary cross-entropy).
import { engineInit, engineLayer } from '../state/lab-fields.js';

/** The engine's session spec: hidden layers of `units[l]` units, each with activation spec `activation`. */
export function classifierSession(state, units, activation) {
  return {
    input_size: 2,
    layers: [...units.map((count) => engineLayer(count, activation)), { units: 1, activation: 'sigmoid' }],
    init: engineInit(state.init, state.seed, state.bias),
    loss: 'bce',
    optimiser: { optimiser: state.optimiser, learning_rate: state.lr },
    shuffle_seed: state.seed,
  };
}
