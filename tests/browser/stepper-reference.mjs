// Independent references for the stepper tests: the 1→1→1 sigmoid chain (the article's figure 8,
// the stepper's default preset), its chain rule written out by hand, and plain SGD on it in JS.
// Nothing here calls the engine.

export const CHAIN = { x: 1.5, w1: 0.8, b1: 0.1, w2: -0.5, b2: 0.2, t: 1 };
export const CHAIN_REQUEST = {
  input_size: 1,
  layers: [{ units: 1, activation: 'sigmoid' }, { units: 1, activation: 'sigmoid' }],
  weights: [[[CHAIN.w1]], [[CHAIN.w2]]],
  biases: [[CHAIN.b1], [CHAIN.b2]],
  inputs: [[CHAIN.x]],
  targets: [[CHAIN.t]],
  loss: 'mse',
};

/** The chain rule for x → σ(w1 x + b1) → σ(w2 a1 + b2) → (a2 − t)², written out by hand. */
export function closedForm({ x, w1, b1, w2, b2, t }) {
  const sigma = (z) => 1 / (1 + Math.exp(-z));
  const s1 = w1 * x;
  const z1 = s1 + b1;
  const a1 = sigma(z1);
  const s2 = w2 * a1;
  const z2 = s2 + b2;
  const a2 = sigma(z2);
  const L = (a2 - t) ** 2;
  const dA2 = 2 * (a2 - t);
  const sigmaPrime2 = a2 * (1 - a2);
  const dZ2 = dA2 * sigmaPrime2;
  const dW2 = dZ2 * a1;
  const dA1 = dZ2 * w2;
  const sigmaPrime1 = a1 * (1 - a1);
  const dZ1 = dA1 * sigmaPrime1;
  const dW1 = dZ1 * x;
  const dX = dZ1 * w1;
  // One number per trace step, in the trace's order.
  return [s1, z1, a1, s2, z2, a2, L, dA2, dZ2, dZ2, dW2, dA1, dZ1, dZ1, dW1, dX];
}

/**
 * `steps` steps of plain SGD (θ ← θ − η ∂L/∂θ) on the chain, the gradients from closedForm:
 * {params (after the last step), losses (before each step, then after the last: steps + 1)}.
 */
export function sgdByHand(start, learningRate, steps) {
  let params = { ...start };
  const losses = [];
  for (let k = 0; k <= steps; k += 1) {
    const values = closedForm(params);
    losses.push(values[6]);
    if (k === steps) break;
    const [dB2, dW2, dB1, dW1] = [values[8], values[10], values[12], values[14]];
    params = {
      ...params,
      w1: params.w1 - learningRate * dW1,
      b1: params.b1 - learningRate * dB1,
      w2: params.w2 - learningRate * dW2,
      b2: params.b2 - learningRate * dB2,
    };
  }
  return { params, losses };
}

export const relativeError = (a, b) => Math.abs(a - b) / Math.max(1e-300, Math.abs(a), Math.abs(b));
