// Chapter 12, modern activations: Swish-β from SiLU alone, and the gradient a SwiGLU unit sends to
// its gate input.
import { curve } from '../network.js';

export default [
  {
    id: 'modern-swish-beta',
    kind: 'numeric',
    generate: (random) => ({ beta: random.pick([0.5, 2, 3, 4]), y: random.grid(-2, 2, 0.25, 0) }),
    solve(engine, { beta, y }) {
      const silu = curve(engine, 'silu', [beta * y]).values[0];
      return { answer: silu / beta, tolerance: { abs: 1e-4, rel: 0.001 }, work: { by: beta * y, silu, value: silu / beta } };
    },
  },
  {
    id: 'modern-swiglu-gradient',
    kind: 'numeric',
    generate: (random) => ({ u: random.grid(-2, 2, 0.5, 0), v: random.grid(-3, 3, 0.5) }),
    solve(engine, { u, v }) {
      const gate = curve(engine, 'silu', [v]);
      const value = gate.values[0];
      const slope = gate.derivatives[0];
      return { answer: u * slope, tolerance: { abs: 1e-4, rel: 0.001 }, work: { silu: value, slope, du: value, dv: u * slope } };
    },
  },
];
