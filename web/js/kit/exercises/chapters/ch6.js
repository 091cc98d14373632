// Chapter 6, ReLU: how many units of a layer are exactly zero, and how a large learning rate kills them.
import { network } from '../network.js';

const UNITS = 6;

export default [
  {
    id: 'relu-sparsity',
    kind: 'numeric',
    generate(random) {
      const x = [random.grid(-2, 2, 0.5, 0), random.grid(-2, 2, 0.5, 0)];
      const weights = Array.from({ length: UNITS }, () => [random.grid(-1.5, 1.5, 0.5), random.grid(-1.5, 1.5, 0.5)]);
      const biases = Array.from({ length: UNITS }, () => random.grid(-1, 1, 0.5));
      return { x, weights, biases };
    },
    figure: ({ x, weights, biases }) =>
      `W = \\begin{pmatrix} ${weights.map((row) => row.join(' & ')).join(' \\\\ ')} \\end{pmatrix},\\quad `
      + `b = \\begin{pmatrix} ${biases.join(' \\\\ ')} \\end{pmatrix},\\quad `
      + `x = \\begin{pmatrix} ${x.join(' \\\\ ')} \\end{pmatrix}`,
    solve(engine, { x, weights, biases }) {
      const response = network(engine, {
        inputs: x, layers: [{ activation: 'relu' }], weights: [weights], biases: [biases], target: Array(UNITS).fill(0),
      });
      const z = response.layers[0].pre_activations[0];
      return {
        answer: response.layers[0].statistics.sparsity_fraction,
        tolerance: { abs: 0.005, rel: 0 },
        work: { zeros: z.filter((value) => value <= 0).length, units: UNITS, z, share: response.layers[0].statistics.sparsity_fraction },
      };
    },
  },
  {
    id: 'relu-dying',
    kind: 'experiment',
    generate: (random) => ({ seed: random.integer(1, 50), dataSeed: random.integer(1, 50) }),
    fields: [{ name: 'lr', kind: 'number', min: 0.0001, max: 100, initial: 0.01 }],
    run(engine, { seed, dataSeed }, { lr }) {
      const session = engine.createSession({
        input_size: 2, layers: [{ units: 16, activation: 'relu' }, { units: 1, activation: 'identity' }],
        init: { scheme: 'kaiming_uniform', seed }, loss: 'mse',
        optimiser: { optimiser: 'sgd', learning_rate: lr }, shuffle_seed: 1,
        dataset: { kind: 'circle', size: 200, noise: 0.1, seed: dataSeed },
      });
      try {
        session.train(200, 32);
        const measured = session.measure('training');
        const dead = measured.layers[0].dead_units;
        return { ok: dead >= 8, work: { lr, dead, units: 16 } };
      } finally {
        session.delete();
      }
    },
    solve(engine, numbers) {
      for (const lr of [1, 2, 5, 10, 50]) {
        const result = this.run(engine, numbers, { lr });
        if (result.ok) return { work: result.work };
      }
      return { work: this.run(engine, numbers, { lr: 100 }).work };
    },
  },
];
