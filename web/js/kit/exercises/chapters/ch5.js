// Chapter 5, tanh: its derivative through its own value, and tanh as a stretched sigmoid.
import { curve, derivativeThroughValue } from '../network.js';

export default [
  derivativeThroughValue({
    id: 'tanh-derivative', activation: 'tanh', variable: 't', ranges: [[-3, -0.5, 0.25], [0.5, 3, 0.25], [-0.5, 0.5, 0.25]],
  }),
  {
    id: 'tanh-from-sigmoid',
    kind: 'formula',
    generate: (random) => ({ y: [random.grid(-2, -0.25, 0.25), random.grid(0.25, 2, 0.25), random.grid(-1, 1, 0.5)] }),
    solve(engine, { y }) {
      const s = curve(engine, 'sigmoid', y.map((value) => 2 * value)).values;
      const { values } = curve(engine, 'tanh', y);
      return { variables: ['s'], points: s.map((value) => ({ s: value })), expected: values, work: { y0: y[0], s0: s[0], t0: values[0] } };
    },
  },
];
