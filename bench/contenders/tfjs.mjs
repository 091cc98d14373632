// TensorFlow.js 4.22 with its core ops (no Layers API): the CPU backend (plain JavaScript kernels)
// or the WebAssembly backend with SIMD (XNNPACK kernels). In Node the wasm backend runs single-
// threaded, as it does on any page that is not cross-origin isolated.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tf, setWasmPaths } from './tfjs-loader.mjs';
import { W1 } from '../workloads.mjs';
import { gatherBatch } from './common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const activate = {
  sigmoid: (z) => tf.sigmoid(z),
  tanh: (z) => tf.tanh(z),
  relu: (z) => tf.relu(z),
  leaky_relu: (z) => tf.leakyRelu(z, 0.01),
};

// Dense layers as TF.js keeps them: kernel fan_in × units (W transposed), bias units.
function kernels(work) {
  return work.layers.map(({ weights, biases }) => {
    const units = weights.length;
    const fanIn = weights[0].length;
    const kernel = new Float32Array(fanIn * units);
    for (let j = 0; j < units; j += 1) for (let i = 0; i < fanIn; i += 1) kernel[i * units + j] = weights[j][i];
    return { kernel: tf.tensor2d(kernel, [fanIn, units]), bias: tf.tensor1d(biases) };
  });
}

// The logits of the last layer when `lastIsLogit`, else every layer activated.
function mlp(x, layers, kernelsOf, activation, lastIsLogit) {
  let a = x;
  layers.forEach((layer, l) => {
    const z = tf.add(tf.matMul(a, kernelsOf(layer, l)), layer.bias);
    a = lastIsLogit && l === layers.length - 1 ? z : activate[activation](z);
  });
  return a;
}

export async function load(backend) {
  if (backend === 'wasm') {
    setWasmPaths(path.join(here, '../node_modules/@tensorflow/tfjs-backend-wasm/dist') + path.sep);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  if (!(await tf.setBackend(backend))) throw new Error(`TensorFlow.js backend ${backend} failed to start`);
  await tf.ready();
  if (backend === 'wasm' && !(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'))) throw new Error('no wasm SIMD');

  return {
    w1(work, activation) {
      const layers = kernels(work).map(({ kernel, bias }) => ({ kernel: tf.variable(kernel), bias: tf.variable(bias) }));
      const optimiser = tf.train.sgd(work.learningRate);
      const x = new Float32Array(W1.batchSize * 2);
      const t = new Float32Array(W1.batchSize);
      const allX = tf.tensor2d(work.inputs, [work.points, 2]);
      const allT = tf.tensor2d(work.targets, [work.points, 1]);
      const lossOf = (xs, ts) => tf.losses.sigmoidCrossEntropy(ts, mlp(xs, layers, (l) => l.kernel, activation, true));
      let step = 0;
      const trainStep = (wantLoss) => tf.tidy(() => {
        gatherBatch(work, step++, x, t);
        const xs = tf.tensor2d(x, [W1.batchSize, 2]);
        const ts = tf.tensor2d(t, [W1.batchSize, 1]);
        const cost = optimiser.minimize(() => lossOf(xs, ts), wantLoss);
        return wantLoss ? cost.dataSync()[0] : 0;
      });
      return {
        trainSteps(n) {
          for (let k = 0; k < n; k += 1) trainStep(false);
          // Make sure the work is done (the CPU and wasm backends are synchronous anyway).
          return layers[0].kernel.dataSync()[0];
        },
        stepLosses: (n) => Array.from({ length: n }, () => trainStep(true)),
        evaluate() {
          return tf.tidy(() => {
            const { value, grads } = tf.variableGrads(() => lossOf(allX, allT), layers.map((l) => l.kernel));
            const norms = layers.map((l) => tf.norm(grads[l.kernel.name]).dataSync()[0]);
            return { loss: value.dataSync()[0], norms };
          });
        },
        dispose() {
          layers.forEach((l) => { l.kernel.dispose(); l.bias.dispose(); });
          allX.dispose();
          allT.dispose();
          optimiser.dispose();
        },
      };
    },
    w2(points, activations) {
      return {
        sweep: () => activations.map(({ activation }) => {
          const x = tf.tensor1d(Float32Array.from(points));
          // f(x) and f'(x) by automatic differentiation (dy = 1 everywhere), read back as arrays.
          // (Read outside tf.tidy: tidy would walk the returned arrays element by element.)
          const { value, grad } = tf.tidy(() => tf.valueAndGrad(activate[activation])(x, tf.onesLike(x)));
          const curve = { values: value.dataSync(), derivatives: grad.dataSync() };
          tf.dispose([x, value, grad]);
          return curve;
        }),
      };
    },
    w3(work, activation) {
      const layers = kernels(work);
      const x = tf.tensor2d(work.inputs, [work.batch, work.inputSize]);
      const t = tf.tensor2d(work.targets, [work.batch, work.width]);
      const lossOfKernels = tf.valueAndGrads((...ks) =>
        tf.mean(tf.squaredDifference(mlp(x, layers, (_, l) => ks[l], activation, false), t)));
      return {
        probe() {
          return tf.tidy(() => {
            const { value, grads } = lossOfKernels(layers.map((l) => l.kernel));
            const all = tf.concat([tf.reshape(value, [1]), tf.stack(grads.map((g) => tf.norm(g)))]).dataSync();
            return { loss: all[0], norms: Array.from(all.subarray(1)) };
          });
        },
        dispose() {
          layers.forEach((l) => { l.kernel.dispose(); l.bias.dispose(); });
          x.dispose();
          t.dispose();
        },
      };
    },
  };
}
