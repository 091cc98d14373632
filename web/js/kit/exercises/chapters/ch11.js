// Chapter 11, output layers: the gradient of binary cross-entropy at the logit (a formula in p and
// t), and how much more gradient it gives than squared error on the same sigmoid output.
import { curve } from '../network.js';

/** One sigmoid unit (w = 1, b = 0) fed logit z with target t: ∂L/∂z under `loss` (one example). */
function logitGradient(engine, z, t, loss) {
  const response = engine.evaluate({
    input_size: 1, layers: [{ units: 1, activation: 'sigmoid' }], weights: [[[1]]], biases: [[0]],
    inputs: [[z]], targets: [[t]], loss,
  });
  return response.layers[0].grad_pre_activations[0][0];
}

export default [
  {
    id: 'output-bce-gradient',
    kind: 'formula',
    generate: (random) => ({
      z: [random.grid(-4, -0.5, 0.5), random.grid(0.5, 4, 0.5), random.grid(-1, 1, 0.25)],
      t: [random.pick([0, 1]), random.pick([0, 1]), random.grid(0.1, 0.9, 0.1)],
    }),
    solve(engine, { z, t }) {
      const p = curve(engine, 'sigmoid', z).values;
      const expected = z.map((value, k) => logitGradient(engine, value, t[k], 'bce'));
      return {
        variables: ['p', 't'],
        points: p.map((value, k) => ({ p: value, t: t[k] })),
        expected,
        work: { z0: z[0], t0: t[0], p0: p[0], g0: expected[0] },
      };
    },
  },
  {
    id: 'output-mse-ratio',
    kind: 'numeric',
    generate: (random) => ({ z: random.grid(-6, -2, 0.5), t: 1 }),
    solve(engine, { z, t }) {
      const bce = logitGradient(engine, z, t, 'bce');
      const mse = logitGradient(engine, z, t, 'mse');
      const p = curve(engine, 'sigmoid', [z]).values[0];
      return { answer: bce / mse, tolerance: { abs: 0, rel: 0.01 }, work: { bce, mse, p, ratio: bce / mse } };
    },
  },
];
