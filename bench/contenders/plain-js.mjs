// The plain-JavaScript MLP of bench/plain-js/ (Float32Array loops, as a tutorial writes them).
import { MLP, activations as plain, gradientNorms } from '../plain-js/mlp.mjs';
import { W1, w1LayerSpecs } from '../workloads.mjs';
import { gatherBatch } from './common.mjs';

export async function load() {
  return {
    w1(work, activation) {
      const mlp = new MLP(work.inputSize, w1LayerSpecs(activation), work.layers);
      const x = new Float32Array(W1.batchSize * 2);
      const t = new Float32Array(W1.batchSize);
      const allX = Float32Array.from(work.inputs);
      const allT = Float32Array.from(work.targets);
      let step = 0;
      const trainStep = () => {
        gatherBatch(work, step++, x, t);
        return mlp.trainStep(x, t, W1.batchSize, work.learningRate);
      };
      return {
        trainSteps(n) {
          let loss = 0;
          for (let k = 0; k < n; k += 1) loss = trainStep();
          return loss;
        },
        stepLosses: (n) => Array.from({ length: n }, trainStep),
        evaluate() {
          mlp.forward(allX, work.points);
          const { loss, dz } = mlp.bceLoss(allT, work.points);
          mlp.backward(dz, work.points, true);
          return { loss, norms: gradientNorms(mlp) };
        },
        dispose() {},
      };
    },
    w2(points, activations) {
      return {
        sweep: () => activations.map(({ activation }) => {
          const { f, df } = plain[activation];
          const values = new Float32Array(points.length);
          const derivatives = new Float32Array(points.length);
          for (let k = 0; k < points.length; k++) {
            values[k] = f(points[k]);
            derivatives[k] = df(points[k], values[k]);
          }
          return { values, derivatives };
        }),
      };
    },
    w3(work, activation) {
      const layers = work.layers.map((l) => ({ units: l.biases.length, activation }));
      const mlp = new MLP(work.inputSize, layers, work.layers);
      const x = Float32Array.from(work.inputs);
      const t = Float32Array.from(work.targets);
      return {
        probe() {
          mlp.forward(x, work.batch);
          const { loss, da } = mlp.mseLoss(t, work.batch);
          mlp.backward(da, work.batch, false);
          return { loss, norms: gradientNorms(mlp) };
        },
        dispose() {},
      };
    },
  };
}
