// Chapter 4, sigmoid: its derivative through its own value, and how fast a chain of sigmoids
// shrinks the gradient.
import { chain, derivativeThroughValue } from '../network.js';

export default [
  derivativeThroughValue({
    id: 'sigmoid-derivative', activation: 'sigmoid', variable: 's', ranges: [[-4, -0.5, 0.5], [0.5, 4, 0.5], [-1, 1, 0.25]],
  }),
  {
    id: 'sigmoid-vanishing',
    kind: 'numeric',
    generate: (random) => ({ n: random.integer(4, 7), w: random.grid(0.5, 2, 0.25), x: random.grid(-2, 2, 0.5) }),
    figure: ({ n, w, x }) => `x = ${x} \\;\\to\\; \\underbrace{\\sigma(${w}\\,\\cdot) \\to \\sigma(${w}\\,\\cdot) \\to \\cdots `
      + `\\to \\sigma(${w}\\,\\cdot)}_{${n}\\ \\text{units}, \\ b = 0} \\;\\to\\; L`,
    solve(engine, { n, w, x }) {
      const response = chain(engine, { x, t: 0, activations: Array(n).fill('sigmoid'), w: Array(n).fill(w), b: Array(n).fill(0) });
      const first = response.layers[0].grad_pre_activations[0][0];
      const last = response.layers[n - 1].grad_pre_activations[0][0];
      const a1 = response.layers[0].activations[0][0];
      return {
        answer: first / last,
        tolerance: { abs: 0, rel: 0.02 },
        work: { ratio: first / last, first: w * a1 * (1 - a1), m: n - 1, quarter: w / 4 },
      };
    },
  },
];
