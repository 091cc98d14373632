// Bad requests: the WebAssembly module throws an Error whose message names the offending field, the
// native CLI prints the same message as `error: <message>` on stderr and exits with status 2, and
// the module keeps working afterwards.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

import { cliEvaluate, cliPath, compareResponses, loadEngine, runCli } from './helpers.mjs';

const valid = () => ({
  input_size: 2,
  layers: [{ units: 3, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }],
  weights: [[[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]], [[0.7, -0.8, 0.9]]],
  biases: [[0.01, 0.02, 0.03], [0.04]],
  inputs: [[0.5, -1], [1.5, 2]],
  targets: [[1], [0]],
  loss: 'bce',
  trace: true,
  gradient_check: true,
  update: { optimiser: 'adam', learning_rate: 0.01, steps: 3 },
});
const withChange = (change) => { const r = valid(); change(r); return r; };
// A 3-class classifier: softmax output, cross_entropy, one class index per example.
const classifier = (change) => {
  const r = {
    input_size: 2,
    layers: [{ units: 3, activation: 'prelu' }, { units: 3, activation: 'softmax' }],
    inputs: [[0.5, -1], [1.5, 2]],
    targets: [[2], [0]],
    loss: 'cross_entropy',
  };
  change(r);
  return r;
};
const classIndex = 'expected a class index, an integer from 0 to 2 \\(cross_entropy with 3 output units\\)';

// [what, request, a pattern the message must match (the field, and the problem where it matters)]
const cases = [
  ['unknown activation', withChange((r) => { r.layers[1].activation = 'relu6'; }), /^layers\[1\]\.activation: .*"relu6"/],
  ['misspelt field', withChange((r) => { r.layers[0].unit = 3; }), /^layers\[0\]: unknown field "unit"/],
  ['too few weight rows', withChange((r) => { r.weights[0].pop(); }), /^weights\[0\]: expected 3 rows, got 2/],
  ['wrong weight row length', withChange((r) => { r.weights[1][0].push(1); }), /^weights\[1\]\[0\]: .*3 numbers, got 4/],
  ['missing layer of weights', withChange((r) => { r.weights.pop(); }), /^weights: /],
  ['wrong bias count', withChange((r) => { r.biases[0] = [0]; }), /^biases\[0\]: /],
  ['wrong target shape', withChange((r) => { r.targets = [[1, 0], [0, 1]]; }), /^targets\[0\]: /],
  ['non-numeric input', withChange((r) => { r.inputs[0][1] = 'abc'; }), /^inputs\[0\]\[1\]: expected a finite number, got "abc"/],
  ['boolean weight', withChange((r) => { r.weights[0][2][1] = true; }), /^weights\[0\]\[2\]\[1\]: expected a finite number/],
  ['NaN input', withChange((r) => { r.inputs[1][0] = NaN; }), /^inputs\[1\]\[0\]: expected a finite number, got "NaN"/],
  ['Infinity weight', withChange((r) => { r.weights[1][0][2] = Infinity; }), /^weights\[1\]\[0\]\[2\]: .*"Infinity"/],
  ['-Infinity target', withChange((r) => { r.targets[0][0] = -Infinity; }), /^targets\[0\]\[0\]: .*"-Infinity"/],
  ['NaN learning rate', withChange((r) => { r.update.learning_rate = NaN; }), /^update\.learning_rate: .*"NaN"/],
  ['negative units', withChange((r) => { r.layers[0].units = -3; }), /^layers\[0\]\.units: expected an integer from 1 to 4096, got -3/],
  ['negative input_size', withChange((r) => { r.input_size = -1; }), /^input_size: .*got -1/],
  ['fractional units', withChange((r) => { r.layers[1].units = 1.5; }), /^layers\[1\]\.units: /],
  ['negative update steps', withChange((r) => { r.update.steps = -1; }), /^update\.steps: /],
  ['unknown optimiser', withChange((r) => { r.update.optimiser = 'lion'; }), /^update\.optimiser: .*"lion"/],
  ['bce without a sigmoid output', withChange((r) => { r.layers[1].activation = 'relu'; }), /^loss: .*sigmoid/],
  ['unknown init scheme', withChange((r) => { delete r.weights; delete r.biases; r.init = { scheme: 'he' }; }), /^init\.scheme: .*"he"/],
  ['negative seed', withChange((r) => { delete r.weights; delete r.biases; r.init = { seed: -4 }; }), /^init\.seed: /],
  ['no layers', withChange((r) => { r.layers = []; }), /^layers: /],
  ['65 layers', withChange((r) => {
    r.layers = Array.from({ length: 65 }, () => ({ units: 1, activation: 'sigmoid' }));
    delete r.weights; delete r.biases;
  }), /^layers: .*65/],
  ['4097 units', withChange((r) => { r.layers[0].units = 4097; }), /^layers\[0\]\.units: .*4097/],
  ['huge network (64 layers × 4096 units × 65,536 rows)', {
    input_size: 1,
    layers: Array.from({ length: 64 }, () => ({ units: 4096, activation: 'relu' })),
    inputs: Array.from({ length: 65536 }, (_, k) => [k / 65536]),
  }, /too large/],
  ['huge network, one example', {
    input_size: 4096,
    layers: Array.from({ length: 64 }, () => ({ units: 4096, activation: 'relu' })),
    inputs: [Array.from({ length: 4096 }, () => 0.5)],
  }, /too large/],
  ['65,537 examples', { input_size: 1, layers: [{ units: 1, activation: 'identity' }], inputs: Array.from({ length: 65537 }, () => [0]) }, /^inputs: .*65537/],
  ['trace without targets', withChange((r) => { delete r.targets; delete r.update; }), /trace needs targets/],
  ['not a request', { hello: 1 }, /^request: /],
  ['curve with NaN point', { curve: { activation: 'gelu', points: [0, NaN] } }, /^curve\.points\[1\]: .*"NaN"/],
  ['curve with unknown activation', { curve: { activation: 'swish', points: [0] } }, /^curve\.activation: .*"swish"/],
  ['dataset with negative size', { dataset: { kind: 'xor', size: -5 } }, /^dataset\.size: .*-5/],
  ['unknown dataset', { dataset: { kind: 'moons' } }, /^dataset\.kind: .*"moons"/],
  ['label out of range', classifier((r) => { r.targets[1] = [3]; }), new RegExp(`^targets\\[1\\]\\[0\\]: ${classIndex}, got 3$`)],
  ['negative label', classifier((r) => { r.targets[0] = [-1]; }), new RegExp(`^targets\\[0\\]\\[0\\]: ${classIndex}, got -1$`)],
  ['fractional label', classifier((r) => { r.targets[0] = [0.5]; }), new RegExp(`^targets\\[0\\]\\[0\\]: ${classIndex}, got 0.5$`)],
  ['one-hot rows instead of labels', classifier((r) => { r.targets = [[0, 0, 1], [1, 0, 0]]; }),
    /^targets\[0\]: expected a list of 1 numbers, got 3/],
  ['softmax with 9 classes', classifier((r) => { r.layers[1].units = 9; r.targets = [[0], [8]]; }),
    /^layers\[1\]\.units: a softmax output layer has one unit per class, 2 to 8, got 9$/],
  ['softmax with 1 class', classifier((r) => { r.layers[1].units = 1; }), /^layers\[1\]\.units: .*2 to 8, got 1$/],
  ['softmax in a hidden layer', classifier((r) => { r.layers[0].activation = 'softmax'; }),
    /^layers\[0\]\.activation: softmax is only for the output layer \(layer 1\), not layer 0$/],
  ['softmax with a parameter', classifier((r) => { r.layers[1].alpha = 0.1; }), /^layers\[1\]: unknown field "alpha"/],
  ['cross_entropy on a sigmoid output', classifier((r) => { r.layers[1].activation = 'sigmoid'; }),
    /^loss: cross_entropy needs a softmax output layer of 2 to 8 units .*, but layers\[1\] is sigmoid$/],
  ['mse on a softmax output', classifier((r) => { r.loss = 'mse'; r.targets = [[0, 0, 1], [1, 0, 0]]; }),
    /^loss: a softmax output layer is trained with cross_entropy, not mse$/],
  ['bce on a softmax output', classifier((r) => { r.loss = 'bce'; }),
    /^loss: bce needs a sigmoid output layer .*, but layers\[1\] is softmax$/],
  ['unknown loss', classifier((r) => { r.loss = 'nll'; }), /^loss: unknown loss "nll" \(expected mse, bce, cross_entropy\)$/],
  ['dataset with 9 classes', { dataset: { kind: 'spirals', classes: 9 } }, /^dataset\.classes: expected an integer from 2 to 8, got 9$/],
  ['circle with 3 classes', { dataset: { kind: 'circle', classes: 3 } },
    /^dataset\.classes: circle has 2 classes \(spirals and gaussians take 2 to 8\), got 3$/],
];

// What the adapter sends for JS values JSON cannot carry: NaN and ±Infinity become strings.
const asJson = (request) => JSON.stringify(request, (key, value) =>
  typeof value === 'number' && !Number.isFinite(value) ? String(value) : value);

test('the module throws an Error naming the field; the CLI prints the same message and exits 2', async (t) => {
  const engine = await loadEngine();
  for (const [what, request, pattern] of cases) {
    await t.test(what, () => {
      let thrown;
      try {
        engine.evaluate(request);
      } catch (error) {
        thrown = error;
      }
      assert.ok(thrown instanceof Error, `evaluate did not throw an Error (got ${thrown})`);
      assert.match(thrown.message, pattern);
      const { status, stdout, stderr } = runCli(asJson(request));
      assert.equal(status, 2, `CLI exit status (stderr: ${stderr.trim()})`);
      assert.equal(stdout, '');
      assert.equal(stderr.trim(), `error: ${thrown.message}`);
    });
  }
});

test('after all those errors the module still evaluates correctly', async () => {
  const engine = await loadEngine();
  const request = valid();
  // gradient_check is finite-difference noise, compared loosely in parity.test.mjs
  const { gradient_check: check, ...wasm } = engine.evaluate(request);
  const { gradient_check: nativeCheck, ...native } = cliEvaluate(request);
  assert.ok(compareResponses(wasm, native).numbers > 50);
  assert.ok(check.max_relative_error < 1e-5 && nativeCheck.max_relative_error < 1e-5);
});

test('the CLI reports malformed JSON, empty input and bad usage', () => {
  for (const text of ['{"input_size": 2, "layers": [', '', 'not json', '{"a": 1,}']) {
    const { status, stdout, stderr } = runCli(text);
    assert.equal(status, 2, `for ${JSON.stringify(text)}`);
    assert.equal(stdout, '');
    assert.match(stderr, /^error: malformed JSON/);
  }
  for (const args of [[], ['evaluate'], ['eval', 'extra']]) {
    const { status, stderr } = spawnSync(cliPath, args, { input: '{}', encoding: 'utf8' });
    assert.notEqual(status, 0, `actlab ${args.join(' ')}`);
    assert.match(stderr, /usage: actlab eval/);
  }
});

test('the module rejects non-object requests and malformed JSON text', async () => {
  const engine = await loadEngine();
  for (const bad of [null, 42, 'text', [1, 2]]) {
    assert.throws(() => engine.evaluate(bad), /^Error: request: /, `evaluate(${JSON.stringify(bad)})`);
  }
  for (const text of ['{"input_size": 2, "layers": [', '', '{"a": 1,}']) {
    assert.throws(() => engine.evaluateJson(text), (error) => {
      assert.equal(`error: ${error.message}`, runCli(text).stderr.trim(), 'the same message as the CLI');
      return /^malformed JSON/.test(error.message);
    });
  }
  assert.deepEqual(JSON.parse(engine.evaluateJson('{"curve": {"activation": "relu", "points": [-1, 2]}}')),
    { curve: { values: [0, 2], derivatives: [0, 1], peak_derivative: 1 } });
});

// Issue 9 item 12: 100,000 nested `[` crashed the CLI (stack overflow) and the module gave up at
// 10,000 levels. Both must refuse the depth by name, with the limit, and keep working.
test('deeply nested JSON is refused with the depth and the limit, by the module and the CLI alike', async () => {
  const engine = await loadEngine();
  const message = (depth) => `request: JSON nested ${depth} levels deep; at most 64 levels of [ and { are allowed`;
  for (const depth of [65, 10000, 100000]) {
    for (const text of ['['.repeat(depth) + ']'.repeat(depth), `{"curve": ${'['.repeat(depth)}`]) {
      const found = text.startsWith('{') ? depth + 1 : depth;
      assert.throws(() => engine.evaluateJson(text), (error) => error.message === message(found), `depth ${found}`);
      const { status, stdout, stderr } = runCli(text);
      assert.equal(status, 2, `CLI exit status at depth ${found} (stderr: ${stderr.slice(0, 200)})`);
      assert.equal(stdout, '');
      assert.equal(stderr, `error: ${message(found)}\n`);
    }
  }
  // A request object that deep is refused the same way through evaluate().
  let deep = [];
  for (let k = 1; k < 10000; k += 1) deep = [deep];
  assert.throws(() => engine.evaluate({ curve: deep }), (error) => error.message === message(10001));
  assert.deepEqual(engine.evaluate({ curve: { activation: 'relu', points: [-1, 2] } }).curve.values, [0, 2]);
});
