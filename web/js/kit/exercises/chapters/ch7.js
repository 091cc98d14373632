// Chapter 7, Leaky ReLU: the function as one formula, and the gradient its negative side still passes.
import { curve, chain } from '../network.js';

export default [
  {
    id: 'leaky-formula',
    kind: 'formula',
    generate: (random) => ({
      slope: random.pick([0.01, 0.05, 0.1, 0.2, 0.3]), y: [random.grid(-3, -0.5, 0.5), random.grid(0.5, 3, 0.5), -0.25, 1.25],
    }),
    solve(engine, { slope, y }) {
      const { values } = curve(engine, 'leaky_relu', y, { slope });
      return { variables: ['y'], points: y.map((value) => ({ y: value })), expected: values, work: { y0: y[0], f0: values[0] } };
    },
  },
  {
    id: 'leaky-gradient',
    kind: 'numeric',
    generate: (random) => ({
      slope: random.pick([0.01, 0.1, 0.2]), x: random.grid(0.5, 2, 0.5), w: random.grid(-2, -0.5, 0.5), b: random.grid(-1, 0, 0.5),
      t: random.grid(0.5, 2, 0.5),
    }),
    figure: ({ slope, x, w, b, t }) =>
      `x = ${x} \\xrightarrow{\\;w = ${w},\\ b = ${b}\\;} z \\xrightarrow{\\;\\operatorname{LeakyReLU}_{${slope}}\\;} a,`
      + `\\quad L = (a - t)^2,\\ t = ${t}`,
    solve(engine, { slope, x, w, b, t }) {
      const response = chain(engine, { x, t, activations: [{ activation: 'leaky_relu', slope }], w: [w], b: [b] });
      const layer = response.layers[0];
      return {
        answer: layer.grad_weights[0][0], tolerance: { abs: 1e-4, rel: 0.005 },
        work: {
          z: layer.pre_activations[0][0], a: layer.activations[0][0], dLda: layer.grad_activations[0][0],
          dLdz: layer.grad_pre_activations[0][0], dLdw: layer.grad_weights[0][0],
        },
      };
    },
  },
];
