// W4 page: TensorFlow.js (core ops, the backend named in the query string, loaded by the page's
// script tags) computing the same figure.
import { NETWORK, fail, show } from './figure.mjs';

const backend = new URL(import.meta.url).searchParams.get('backend');
const { tf } = window;
try {
  if (backend === 'wasm') tf.wasm.setWasmPaths(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).href);
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} did not start`);
  const loss = tf.tidy(() => {
    let a = tf.tensor2d(NETWORK.inputs);
    NETWORK.layers.forEach((layer, l) => {
      const z = tf.add(tf.matMul(a, tf.tensor2d(NETWORK.weights[l]), false, true), tf.tensor1d(NETWORK.biases[l]));
      a = l === NETWORK.layers.length - 1 ? z : tf.tanh(z); // the last layer's logit goes to the loss
    });
    return tf.losses.sigmoidCrossEntropy(tf.tensor2d(NETWORK.targets), a);
  });
  show(loss.dataSync()[0]);
} catch (error) {
  fail(error);
}
