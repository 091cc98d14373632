// Chapter 2, backpropagation step by step: one gradient through a 1 → 1 → 1 sigmoid chain, and one
// SGD step with it.
import { chain } from '../network.js';

function generate(random) {
  return {
    x: random.grid(-2, 2, 0.5, 0), w1: random.grid(-1.5, 1.5, 0.5, 0), b1: random.grid(-0.5, 0.5, 0.5),
    w2: random.grid(-1.5, 1.5, 0.5, 0), b2: random.grid(-0.5, 0.5, 0.5), t: random.pick([0, 1]), lr: random.pick([0.1, 0.5, 1]),
  };
}

const figure = ({ x, w1, b1, w2, b2, t }) => `x = ${x} \\xrightarrow{\\;w_1 = ${w1},\\ b_1 = ${b1}\\;} \\sigma `
  + `\\xrightarrow{\\;w_2 = ${w2},\\ b_2 = ${b2}\\;} \\sigma = \\hat y,\\quad L = (\\hat y - t)^2,\\ t = ${t}`;

function pass(engine, { x, w1, b1, w2, b2, t }, update = null) {
  return chain(engine, { x, t, activations: ['sigmoid', 'sigmoid'], w: [w1, w2], b: [b1, b2], update });
}

function work(response) {
  const [first, second] = response.layers;
  return {
    a1: first.activations[0][0], yhat: second.activations[0][0],
    dz2: second.grad_pre_activations[0][0], da1: first.grad_activations[0][0], dz1: first.grad_pre_activations[0][0],
    dw1: first.grad_weights[0][0], dw2: second.grad_weights[0][0],
  };
}

export default [
  {
    id: 'chain-weight-gradient',
    kind: 'numeric',
    generate,
    figure,
    solve(engine, numbers) {
      const response = pass(engine, numbers);
      return { answer: response.layers[0].grad_weights[0][0], tolerance: { abs: 1e-4, rel: 0.01 }, work: work(response) };
    },
  },
  {
    id: 'chain-sgd-step',
    kind: 'numeric',
    generate,
    figure,
    solve(engine, numbers) {
      const response = pass(engine, numbers, { optimiser: 'sgd', learning_rate: numbers.lr, steps: 1 });
      const next = response.update.layers[1].weights[0][0];
      return { answer: next, tolerance: { abs: 1e-4, rel: 0.005 }, work: { ...work(response), next } };
    },
  },
];
