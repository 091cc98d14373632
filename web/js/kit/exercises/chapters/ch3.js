// Chapter 3, what a good activation needs: where saturation begins, and whether outputs centre on 0.
import { curve } from '../network.js';

/** The z > 0 where |f′(z)| falls to `level` (f′ decreasing there), by bisection on the engine's f′. */
function whereSlopeFalls(engine, activation, level) {
  let low = 0;
  let high = 50;
  for (let k = 0; k < 60; k++) {
    const middle = (low + high) / 2;
    if (Math.abs(curve(engine, activation, [middle]).derivatives[0]) > level) low = middle; else high = middle;
  }
  return (low + high) / 2;
}

export default [
  {
    id: 'saturation-threshold',
    kind: 'numeric',
    generate: (random) => ({ activation: random.pick(['sigmoid', 'tanh']), theta: random.pick([0.01, 0.02, 0.05, 0.1]) }),
    solve(engine, { activation, theta }) {
      const peak = engine.catalogue().find((entry) => entry.name === activation).peak_derivative;
      const z = whereSlopeFalls(engine, activation, theta * peak);
      return { answer: z, tolerance: { abs: 0, rel: 0.01 }, work: { peak, level: theta * peak, z } };
    },
  },
  {
    id: 'zero-centred-mean',
    kind: 'numeric',
    generate: (random) => ({
      activation: random.pick(['sigmoid', 'tanh', 'relu']),
      z: Array.from({ length: 5 }, () => random.grid(-3, 3, 0.5)),
    }),
    solve(engine, { activation, z }) {
      const { values } = curve(engine, activation, z);
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
      return { answer: mean, tolerance: { abs: 0.005, rel: 0 }, work: { values, mean } };
    },
  },
];
