// Independent references for the WebAssembly module (and the CLI): the sigmoid curve against its
// closed form, and a 1→1→1 sigmoid network's gradients against the chain rule worked by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { cliEvaluate, loadEngine } from './helpers.mjs';

const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const close = (actual, expected, what, tolerance = 1e-14) =>
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} vs ${expected} (difference ${Math.abs(actual - expected)})`);

test('sigmoid curve: σ(z) = 1/(1+e^−z), σ\'(z) = σ(z)(1−σ(z)), peak 1/4', async () => {
  const engine = await loadEngine();
  const points = [-10, -3, -1, -0.25, 0, 0.25, 1, 3, 10];
  const { curve } = engine.evaluate({ curve: { activation: 'sigmoid', points } });
  points.forEach((z, k) => {
    close(curve.values[k], sigmoid(z), `σ(${z})`);
    close(curve.derivatives[k], sigmoid(z) * (1 - sigmoid(z)), `σ'(${z})`);
  });
  assert.equal(curve.values[4], 0.5);
  assert.equal(curve.derivatives[4], 0.25);
  close(curve.peak_derivative, 0.25, 'peak derivative');
});

test('curve() on a Float64Array: tanh and Leaky ReLU against their closed forms; bad points are named', async () => {
  const engine = await loadEngine();
  const z = Float64Array.from({ length: 2001 }, (_, k) => -10 + k / 100);
  const tanh = engine.curve({ activation: 'tanh' }, z);
  assert.ok(tanh.values instanceof Float64Array && tanh.values.length === z.length);
  z.forEach((x, k) => {
    close(tanh.values[k], Math.tanh(x), `tanh(${x})`);
    close(tanh.derivatives[k], 1 - Math.tanh(x) ** 2, `tanh'(${x})`);
  });
  close(tanh.peak_derivative, 1, 'tanh peak derivative');
  const leaky = engine.curve({ activation: 'leaky_relu', slope: 0.2 }, [-3, -0.5, 0.5, 3]);
  assert.deepEqual([...leaky.values], [-0.6000000000000001, -0.1, 0.5, 3]);
  assert.deepEqual([...leaky.derivatives], [0.2, 0.2, 1, 1]);
  assert.throws(() => engine.curve({ activation: 'tanh' }, Float64Array.of(0, NaN)),
    /curve\.points: expected finite numbers, got NaN at index 1/);
  assert.throws(() => engine.curve({ activation: 'tanh' }, new Float64Array(1000001)), /at most 1000000 points, got 1000001/);
  assert.throws(() => engine.curve({ activation: 'swish' }, [0]), /curve\.activation: unknown activation "swish"/);
  assert.throws(() => engine.curve({ activation: 'tanh' }, [0, '1']), /curve\.points\[1\]: expected a number, got string/);
});

// x → z1 = w1·x + b1 → a1 = σ(z1) → z2 = w2·a1 + b2 → a2 = σ(z2), one example, target t.
function byHand({ x, w1, b1, w2, b2, t }, loss) {
  const z1 = w1 * x + b1, a1 = sigmoid(z1);
  const z2 = w2 * a1 + b2, a2 = sigmoid(z2);
  const L = loss === 'mse' ? (a2 - t) ** 2 : -(t * Math.log(a2) + (1 - t) * Math.log(1 - a2));
  // MSE: ∂L/∂a2 = 2(a2 − t), then ∂a2/∂z2 = a2(1 − a2). BCE on the logit: ∂L/∂z2 = a2 − t.
  const dz2 = loss === 'mse' ? 2 * (a2 - t) * a2 * (1 - a2) : a2 - t;
  const da1 = dz2 * w2;
  const dz1 = da1 * a1 * (1 - a1);
  return { L, a1, a2, dz2, da1, dz1, dw2: dz2 * a1, db2: dz2, dw1: dz1 * x, db1: dz1, dx: dz1 * w1 };
}

for (const loss of ['mse', 'bce']) {
  test(`1→1→1 sigmoid network, ${loss}: gradients equal the chain rule by hand`, async () => {
    const engine = await loadEngine();
    const p = { x: 0.8, w1: 1.3, b1: -0.4, w2: -2.1, b2: 0.6, t: 1 };
    const request = {
      input_size: 1,
      layers: [{ units: 1, activation: 'sigmoid' }, { units: 1, activation: 'sigmoid' }],
      weights: [[[p.w1]], [[p.w2]]],
      biases: [[p.b1], [p.b2]],
      inputs: [[p.x]],
      targets: [[p.t]],
      loss,
    };
    const expected = byHand(p, loss);
    for (const [source, response] of [['wasm', engine.evaluate(request)], ['cli', cliEvaluate(request)]]) {
      const [first, second] = response.layers;
      close(response.loss, expected.L, `${source} loss`, 1e-13);
      close(first.activations[0][0], expected.a1, `${source} a1`);
      close(response.outputs[0][0], expected.a2, `${source} a2`);
      close(second.grad_pre_activations[0][0], expected.dz2, `${source} ∂L/∂z2`);
      close(second.grad_weights[0][0], expected.dw2, `${source} ∂L/∂w2`);
      close(second.grad_biases[0], expected.db2, `${source} ∂L/∂b2`);
      close(first.grad_activations[0][0], expected.da1, `${source} ∂L/∂a1`);
      close(first.grad_pre_activations[0][0], expected.dz1, `${source} ∂L/∂z1`);
      close(first.grad_weights[0][0], expected.dw1, `${source} ∂L/∂w1`);
      close(first.grad_biases[0], expected.db1, `${source} ∂L/∂b1`);
      close(response.grad_inputs[0][0], expected.dx, `${source} ∂L/∂x`);
      if (loss === 'bce') assert.equal(second.grad_activations, undefined, 'bce omits the output grad_activations');
    }
  });
}

test('one SGD step moves each parameter by −learning_rate × gradient', async () => {
  const engine = await loadEngine();
  const p = { x: -0.6, w1: 0.9, b1: 0.2, w2: 1.7, b2: -0.3, t: 0 };
  const g = byHand(p, 'mse');
  const response = engine.evaluate({
    input_size: 1,
    layers: [{ units: 1, activation: 'sigmoid' }, { units: 1, activation: 'sigmoid' }],
    weights: [[[p.w1]], [[p.w2]]],
    biases: [[p.b1], [p.b2]],
    inputs: [[p.x]],
    targets: [[p.t]],
    update: { optimiser: 'sgd', learning_rate: 0.5, steps: 1 },
  });
  const [first, second] = response.update.layers;
  close(first.weights[0][0], p.w1 - 0.5 * g.dw1, 'w1 after the step');
  close(first.biases[0], p.b1 - 0.5 * g.db1, 'b1 after the step');
  close(second.weights[0][0], p.w2 - 0.5 * g.dw2, 'w2 after the step');
  close(second.biases[0], p.b2 - 0.5 * g.db2, 'b2 after the step');
  assert.equal(response.update.losses.length, 2);
  close(response.update.losses[0], g.L, 'loss before the step');
  assert.ok(response.update.losses[1] < response.update.losses[0], 'the loss went down');
});
