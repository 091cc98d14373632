// Chapter 5, tanh: its derivative through its own value, and tanh as a stretched sigmoid.
import { curve } from '../network.js';

export default [
  {
    id: 'tanh-derivative',
    kind: 'formula',
    generate: (random) => ({ y: [random.grid(-3, -0.5, 0.25), random.grid(0.5, 3, 0.25), random.grid(-0.5, 0.5, 0.25)] }),
    solve(engine, { y }) {
      const { values, derivatives } = curve(engine, 'tanh', y);
      return {
        variables: ['t'], points: values.map((t) => ({ t })), expected: derivatives,
        work: { y0: y[0], t0: values[0], d0: derivatives[0] },
      };
    },
  },
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
