// Chapter 8, PReLU: the gradient its slope α receives, and one SGD step on α.
import { network } from '../network.js';

/** x → z = w·x + b (negative) → a = PReLU_α(z) → ŷ = v·a + c → L = (ŷ − t)². */
function generate(random) {
  return {
    x: random.grid(0.5, 2, 0.5), w: random.grid(-2, -0.5, 0.5), b: random.grid(-1, 0, 0.5),
    alpha: random.pick([0.1, 0.2, 0.25, 0.3]), v: random.grid(-2, 2, 0.5, 0), c: random.grid(-0.5, 0.5, 0.5),
    t: random.grid(-2, 2, 0.5), lr: random.pick([0.01, 0.02, 0.05]),
  };
}

const figure = ({ x, w, b, alpha, v, c, t }) => `x = ${x} \\xrightarrow{\\;w = ${w},\\ b = ${b}\\;} z `
  + `\\xrightarrow{\\;\\operatorname{PReLU}_{\\alpha = ${alpha}}\\;} a \\xrightarrow{\\;v = ${v},\\ c = ${c}\\;} \\hat y,`
  + `\\quad L = (\\hat y - t)^2,\\ t = ${t}`;

function pass(engine, { x, w, b, alpha, v, c, t }, update = null) {
  return network(engine, {
    inputs: [x], layers: [{ activation: 'prelu', alpha }, { activation: 'identity' }],
    weights: [[[w]], [[v]]], biases: [[b], [c]], target: [t], update,
  });
}

function work(response) {
  return {
    z: response.layers[0].pre_activations[0][0],
    a: response.layers[0].activations[0][0],
    yhat: response.outputs[0][0],
    dLda: response.layers[0].grad_activations[0][0],
    dLdalpha: response.layers[0].grad_alpha[0],
  };
}

export default [
  {
    id: 'prelu-alpha-gradient',
    kind: 'numeric',
    generate,
    figure,
    solve(engine, numbers) {
      const response = pass(engine, numbers);
      return { answer: response.layers[0].grad_alpha[0], tolerance: { abs: 1e-3, rel: 0.005 }, work: work(response) };
    },
  },
  {
    id: 'prelu-alpha-step',
    kind: 'numeric',
    generate,
    figure,
    solve(engine, numbers) {
      const response = pass(engine, numbers, { optimiser: 'sgd', learning_rate: numbers.lr, steps: 1 });
      const next = response.update.layers[0].alpha[0];
      return { answer: next, tolerance: { abs: 1e-3, rel: 0.005 }, work: { ...work(response), next } };
    },
  },
];
