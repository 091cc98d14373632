// Chapter 9, choosing an activation: which one lets a deep network's first layer learn, and GELU's value.
import { curve } from '../network.js';

const DEPTH = 10; // 9 hidden layers of 16 units and a sigmoid output
const CONDITION = 0.05; // first hidden layer's gradient norm ≥ 5 % of the last hidden layer's

export default [
  {
    id: 'deep-gradient',
    kind: 'experiment',
    generate: (random) => ({ seed: random.integer(1, 50), dataSeed: random.integer(1, 50) }),
    fields: [
      { name: 'activation', kind: 'choice', options: ['sigmoid', 'softplus', 'tanh', 'relu', 'gelu'], initial: 'sigmoid' },
      { name: 'init', kind: 'choice', options: ['xavier_uniform', 'kaiming_uniform'], initial: 'xavier_uniform' },
    ],
    run(engine, { seed, dataSeed }, { activation, init }) {
      const { inputs, targets } = engine.evaluate({ dataset: { kind: 'spirals', size: 64, noise: 0.1, seed: dataSeed } }).dataset;
      const layers = [...Array.from({ length: DEPTH - 1 }, () => ({ units: 16, activation })), { units: 1, activation: 'sigmoid' }];
      const response = engine.evaluate({ input_size: 2, layers, init: { scheme: init, seed }, inputs, targets, loss: 'bce' });
      const first = response.layers[0].statistics.gradient_norm;
      const last = response.layers[DEPTH - 2].statistics.gradient_norm;
      return { ok: first >= CONDITION * last, work: { activation, init, first, last, ratio: first / last, percent: 100 * first / last } };
    },
    solve(engine, numbers) {
      return { work: this.run(engine, numbers, { activation: 'tanh', init: 'xavier_uniform' }).work };
    },
  },
  {
    id: 'gelu-value',
    kind: 'numeric',
    generate: (random) => ({ x: random.grid(-2, 2, 0.25, 0) }),
    solve(engine, { x }) {
      const { values } = curve(engine, 'gelu', [x]);
      const sigmoidApprox = x / (1 + Math.exp(-1.702 * x)); // the hint's quick estimate, not the answer
      return {
        answer: values[0], tolerance: { abs: 2e-3, rel: 0 },
        work: { value: values[0], phi: values[0] / x, estimate: sigmoidApprox },
      };
    },
  },
];
