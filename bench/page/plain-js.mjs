// W4 page: the plain-JavaScript MLP of bench/plain-js/ computing the same figure.
import { MLP } from '../plain-js/mlp.mjs';
import { NETWORK, fail, show } from './figure.mjs';

try {
  const params = NETWORK.weights.map((weights, l) => ({ weights, biases: NETWORK.biases[l] }));
  const mlp = new MLP(NETWORK.input_size, NETWORK.layers, params);
  mlp.forward(Float32Array.from(NETWORK.inputs.flat()), 1);
  show(mlp.bceLoss(Float32Array.from(NETWORK.targets.flat()), 1).loss);
} catch (error) {
  fail(error);
}
