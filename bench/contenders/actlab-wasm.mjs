// ActLab's WebAssembly build through its public JavaScript API (web/engine/actlab.js), called as a
// page calls it: a training session fed Float64Arrays for W1 and W3, curve() on Float64Arrays for W2.
// ACTLAB_ENGINE may point at another copy of actlab.js (the size/speed variants of run.mjs).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { W1, w1LayerSpecs } from '../workloads.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function load() {
  const enginePath = path.resolve(repo, process.env.ACTLAB_ENGINE ?? 'web/engine/actlab.js');
  const { default: createActLab } = await import(pathToFileURL(enginePath).href);
  const engine = await createActLab();

  function session(work, layers, loss) {
    return engine.createSession({
      input_size: work.inputSize,
      layers,
      weights: work.layers.map((l) => l.weights),
      biases: work.layers.map((l) => l.biases),
      loss,
      optimiser: { optimiser: 'sgd', learning_rate: work.learningRate ?? 0.01 },
      shuffle_seed: work.shuffleSeed ?? 0,
    });
  }
  const norms = (measured) => ({ loss: measured.loss, norms: measured.layers.map((l) => l.gradient_norm) });

  return {
    w1(work, activation) {
      const s = session(work, w1LayerSpecs(activation), 'bce');
      const inputs = Float64Array.from(work.inputs);
      const targets = Float64Array.from(work.targets);
      s.setTrainingData(inputs, targets);
      return {
        trainSteps: (n) => s.train(n, W1.batchSize),
        stepLosses: (n) => Array.from({ length: n }, () => s.train(1, W1.batchSize)),
        evaluate: () => norms(s.measure(inputs, targets)),
        dispose: () => s.delete(),
      };
    },
    w2(points, activations) {
      return {
        sweep: () => activations.map((spec) => {
          const { values, derivatives } = engine.curve(spec, points); // typed arrays in and out, no JSON
          return { values, derivatives };
        }),
      };
    },
    w3(work, activation) {
      const layers = work.layers.map((l) => ({ units: l.biases.length, activation }));
      const s = session(work, layers, 'mse');
      const inputs = Float64Array.from(work.inputs);
      const targets = Float64Array.from(work.targets);
      return {
        probe: () => norms(s.measure(inputs, targets)),
        dispose: () => s.delete(),
      };
    },
  };
}
