// Training sessions (engine.createSession): the same numbers as one-shot requests, Errors for bad
// calls, and no memory kept once a session is deleted.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { cliEvaluate, compareResponses, loadEngine } from './helpers.mjs';

const network = {
  input_size: 2,
  layers: [{ units: 3, activation: 'prelu', alpha_mode: 'per_unit' }, { units: 1, activation: 'sigmoid' }],
  weights: [[[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]], [[0.7, -0.8, 0.9]]],
  biases: [[0.01, 0.02, 0.03], [0.04]],
  loss: 'bce',
};
const inputs = [[0.5, -1], [1.5, 2], [-0.7, 0.2], [0.1, 0.3]];
const targets = [[1], [0], [1], [0]];

for (const optimiser of ['sgd', 'adam']) {
  test(`${optimiser}: full-batch session training equals a request's update`, async () => {
    const engine = await loadEngine();
    const session = engine.createSession({ ...network, optimiser: { optimiser, learning_rate: 0.1 }, shuffle_seed: 5 });
    try {
      session.setTrainingData(inputs, targets);
      const loss = session.train(4, inputs.length);
      const { update } = engine.evaluate({ ...network, inputs, targets, update: { optimiser, learning_rate: 0.1, steps: 4 } });
      const { steps_taken, layers } = session.parameters();
      assert.equal(steps_taken, 4);
      // Shuffling a full batch only reorders a sum: allow rounding, nothing more.
      compareResponses(layers, update.layers, { tolerance: 1e-12 });
      compareResponses(loss, update.losses[3], { tolerance: 1e-12 });

      const trained = engine.evaluate({ ...network, weights: layers.map((l) => l.weights), biases: layers.map((l) => l.biases),
        layers: network.layers.map((l, k) => (layers[k].alpha ? { ...l, alpha: layers[k].alpha } : l)), inputs, targets });
      compareResponses(Array.from(session.predict(inputs)), trained.outputs.flat(), { tolerance: 1e-12 });
      compareResponses(session.measure(new Float64Array(inputs.flat()), new Float64Array(targets.flat())).loss, trained.loss,
        { tolerance: 1e-12 });
    } finally {
      session.delete();
    }
  });
}

test('bad session calls throw Errors naming the problem', async () => {
  const engine = await loadEngine();
  assert.throws(() => engine.createSession({ ...network, loss: 'hinge' }), /^Error: loss: .*"hinge"/);
  assert.throws(() => engine.createSession({ ...network, layers: [] }), /^Error: spec: /);
  assert.throws(() => engine.createSession({ ...network, optimiser: { optimiser: 'sgd', learning_rate: NaN } }), /learning_rate: .*"NaN"/);
  const session = engine.createSession({ ...network, optimiser: { optimiser: 'sgd', learning_rate: 0.1 } });
  session.setTrainingData(inputs, targets);
  assert.throws(() => session.setTrainingData([[1, 2, 3]], [[1]]), /^Error: inputs\[0\]: /);
  assert.throws(() => session.setTrainingData(inputs, [[1]]), /^Error: targets: /);
  assert.throws(() => session.train(1, 0), /^Error: batch_size: /);
  assert.throws(() => session.train(-1, 2), /^Error: steps: /);
  assert.throws(() => session.predict(new Float64Array(3)), /^Error: inputs: /);
  assert.ok(Number.isFinite(session.train(2, 2)), 'the session still trains after the errors');
  session.delete();
  assert.throws(() => session.train(1, 2), /^Error: session: already deleted/);
});

// The dataset-in-session path: the session makes the examples the native CLI's dataset request makes
// (the same numbers, natively and in wasm), trains on them as the CLI's update does, and the examples
// keep the geometry the dataset promises.
const xorNetwork = {
  input_size: 2,
  layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }],
  init: { scheme: 'xavier_uniform', seed: 3 },
  loss: 'bce',
};
const xorSet = { kind: 'xor', size: 60, noise: 0, seed: 7 };
const circleSet = { kind: 'circle', size: 30, noise: 0.05, seed: 8 };

test('a session made with a dataset spec holds the CLI\'s examples and trains as the CLI\'s update', async () => {
  const engine = await loadEngine();
  const session = engine.createSession({ ...xorNetwork, optimiser: { optimiser: 'adam', learning_rate: 0.05 }, shuffle_seed: 2,
    dataset: xorSet, test_dataset: circleSet });
  try {
    const training = cliEvaluate({ dataset: xorSet }).dataset;
    const test = cliEvaluate({ dataset: circleSet }).dataset;
    const held = session.data('training');
    // Within 1e-12 relative, the parity protocol.md promises (sin, cos and log may differ in a last bit).
    compareResponses(Array.from(held.inputs), training.inputs.flat());
    compareResponses(Array.from(held.targets), training.targets.flat());
    compareResponses(Array.from(session.data('test').inputs), test.inputs.flat());
    held.inputs.forEach((value, k) => {
      const row = Math.floor(k / 2);
      assert.equal(held.targets[row], row % 2, 'labels alternate');
      if (k % 2 === 1) assert.equal(held.inputs[k - 1] * value > 0, row % 2 === 1, `xor: class 1 where x·y > 0 (row ${row})`);
    });

    const loss = session.train(5, xorSet.size); // full batch: shuffling only reorders a sum
    const { update } = cliEvaluate({ ...xorNetwork, inputs: training.inputs, targets: training.targets,
      update: { optimiser: 'adam', learning_rate: 0.05, steps: 5 } });
    const { layers } = session.parameters();
    compareResponses(layers, update.layers, { tolerance: 1e-12 });
    compareResponses(loss, update.losses[4], { tolerance: 1e-12 });
    const heldTest = session.data('test');
    const testRows = Array.from({ length: circleSet.size }, (_, r) => [heldTest.inputs[2 * r], heldTest.inputs[2 * r + 1]]);
    const trained = cliEvaluate({ ...xorNetwork, init: undefined, weights: layers.map((l) => l.weights),
      biases: layers.map((l) => l.biases), inputs: testRows, targets: test.targets });
    compareResponses(session.measure('test').loss, trained.loss, { tolerance: 1e-12 });
    compareResponses(Array.from(session.predict('test')), trained.outputs.flat(), { tolerance: 1e-12 });
    compareResponses(session.measure('training', { bins: 4 }), session.measure(held.inputs, held.targets, { bins: 4 }),
      { tolerance: 0 });
  } finally {
    session.delete();
  }
});

test('train() takes any number of steps; the result does not depend on how they are split', async () => {
  const engine = await loadEngine();
  const make = () => engine.createSession({ ...xorNetwork, optimiser: { optimiser: 'sgd', learning_rate: 0.01 }, shuffle_seed: 4,
    dataset: { ...xorSet, size: 20 } });
  const whole = make();
  const split = make();
  try {
    const loss = whole.train(12_345, 3);
    assert.equal(whole.stepsTaken(), 12_345);
    let last;
    for (const steps of [1, 9_999, 2_000, 345]) last = split.train(steps, 3);
    assert.equal(split.stepsTaken(), 12_345);
    assert.equal(last, loss);
    compareResponses(split.parameters(), whole.parameters(), { tolerance: 0 });
  } finally {
    whole.delete();
    split.delete();
  }
});

test('a dataset needs a network of 2 inputs and 1 output; a held set must exist', async () => {
  const engine = await loadEngine();
  assert.throws(() => engine.createSession({ ...xorNetwork, optimiser: { optimiser: 'sgd', learning_rate: 0.1 }, input_size: 3,
    dataset: xorSet }), /^Error: dataset: a dataset of 2 classes needs input_size 2 and 1 output unit, but the network has input_size 3/);
  assert.throws(() => engine.createSession({ ...xorNetwork, optimiser: { optimiser: 'sgd', learning_rate: 0.1 },
    test_dataset: { kind: 'moons' } }), /^Error: test_dataset\.kind: .*"moons"/);
  const session = engine.createSession({ ...xorNetwork, optimiser: { optimiser: 'sgd', learning_rate: 0.1 }, dataset: xorSet });
  assert.throws(() => session.measure('test'), /^Error: test: the session was created without a test_dataset/);
  assert.throws(() => session.data('validation'), /^Error: set: expected "training" or "test"/);
  session.delete();
});

test('1,000 sessions (created, trained, measured, deleted; some failing) do not grow the heap', async () => {
  const engine = await loadEngine();
  const cycle = (k) => {
    const session = engine.createSession({ ...network, optimiser: { optimiser: 'momentum', learning_rate: 0.05 }, shuffle_seed: k });
    try {
      session.setTrainingData(inputs, targets);
      session.train(5, 2);
      session.measure(inputs, targets);
      session.predict(inputs);
      session.parameters();
      if (k % 10 === 9) assert.throws(() => session.train(1, 0), Error);
    } finally {
      session.delete();
    }
    if (k % 10 === 5) assert.throws(() => engine.createSession({ ...network, loss: 'hinge' }), Error);
  };
  for (let k = 0; k < 100; k++) cycle(k); // warm-up
  const warm = { memory: engine.heapBytes(), top: engine.heapTop() };
  for (let k = 100; k < 1000; k++) cycle(k);
  const final = { memory: engine.heapBytes(), top: engine.heapTop() };
  console.log(`sessions: wasm memory ${warm.memory} B → ${final.memory} B, malloc heap top ${warm.top} B → ${final.top} B over 900 sessions`);
  assert.equal(final.memory, warm.memory);
  assert.ok(final.top <= warm.top, `the malloc heap top rose by ${final.top - warm.top} bytes`);
});

test('a 3-class session: softmax probabilities, labels as targets, bad labels refused by name', async () => {
  const engine = await loadEngine();
  const session = engine.createSession({
    input_size: 2, layers: [{ units: 8, activation: 'tanh' }, { units: 3, activation: 'softmax' }], loss: 'cross_entropy',
    init: { scheme: 'xavier_uniform', seed: 1 }, optimiser: { optimiser: 'adam', learning_rate: 0.05 },
    dataset: { kind: 'gaussians', size: 60, noise: 0, seed: 2, classes: 3 },
  });
  try {
    assert.deepEqual(Array.from(session.data().targets.slice(0, 6)), [0, 1, 2, 0, 1, 2]);
    const before = session.measure('training').loss;
    session.train(200, 20);
    assert.ok(session.measure('training').loss < before / 4, 'the blobs are separable: the loss falls');
    const p = session.predict([[0.1, 0.2], [-3, 4]]);
    assert.equal(p.length, 6);
    for (const row of [p.slice(0, 3), p.slice(3)]) assert.ok(Math.abs(row[0] + row[1] + row[2] - 1) < 1e-15);
    const message = 'expected a class index, an integer from 0 to 2 (cross_entropy with 3 output units)';
    assert.throws(() => session.setTrainingData([[0, 0], [1, 1]], [[1], [3]]), { message: `targets[1][0]: ${message}, got 3` });
    assert.throws(() => session.measure(new Float64Array([0, 0]), new Float64Array([1.5])),
      { message: `targets[0][0]: ${message}, got 1.5` });
    assert.throws(() => session.setTrainingData([[0, 0]], [[0, 0, 1]]), /^Error: targets\[0\]: expected a list of 1 numbers, got 3/);
  } finally {
    session.delete();
  }
});
