// The PyTorch export (web/js/kit/experiment/pytorch-export.js): a network trained a few steps by the
// engine, written out as a script, run by Debian's Python with torch (python3-torch, 1.13), must give
// the engine's loss and outputs to 1e-12 relative. So PyTorch itself confirms that every activation,
// PReLU's learned α (per unit and shared), Leaky ReLU's slope, the losses (BCE and cross-entropy from the
// logits, MSE) and the exported numbers mean what the engine means.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

import { pytorchScript } from '../../web/js/kit/experiment/pytorch-export.js';
import { compareResponses, loadEngine } from './helpers.mjs';

const PYTHON = '/usr/bin/python3'; // Debian's, with python3-torch (scripts/ensure-deps.sh installs it)

// Runs every script in one Python process (importing torch once takes seconds), each in a fresh
// namespace, and returns the JSON of each one's last printed line.
const RUN_ALL = `
import contextlib, io, json, sys
for script in json.load(sys.stdin):
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(script, {})
    print(printed.getvalue().strip().splitlines()[-1])
`;
function runPython(scripts) {
  const { status, stdout, stderr } = spawnSync(PYTHON, ['-c', RUN_ALL], { input: JSON.stringify(scripts), encoding: 'utf8' });
  assert.equal(status, 0, `python3 failed:\n${stderr}`);
  return stdout.trim().split('\n').map((line) => JSON.parse(line));
}

const rowsOf = (flat, width) => Array.from({ length: flat.length / width }, (_, r) => Array.from(flat.slice(r * width, (r + 1) * width)));

// Trains `steps` minibatch steps and exports; the engine's own answer for the same parameters and data is
// the reference PyTorch must reproduce.
function trainAndExport(engine, spec, steps) {
  const session = engine.createSession(spec);
  session.train(steps, 16);
  const parameters = session.parameters();
  const data = session.data('training');
  session.delete();
  const outputs = spec.layers.at(-1).units;
  const engineAnswer = engine.evaluate({
    input_size: spec.input_size,
    // A learned α (PReLU) is a parameter: the trained one replaces the spec's starting value.
    layers: spec.layers.map((layer, l) => {
      const { alpha } = parameters.layers[l];
      return alpha ? { ...layer, alpha: layer.alpha_mode === 'per_unit' ? alpha : alpha[0] } : layer;
    }),
    weights: parameters.layers.map((layer) => layer.weights),
    biases: parameters.layers.map((layer) => layer.biases),
    inputs: rowsOf(data.inputs, spec.input_size),
    targets: rowsOf(data.targets, spec.loss === 'cross_entropy' ? 1 : outputs),
    loss: spec.loss,
  });
  const expected = { loss: engineAnswer.loss, outputs: engineAnswer.outputs };
  return { script: pytorchScript({ spec, parameters, data }), parameters, expected };
}

const base = (layers, loss, dataset) => ({
  input_size: 2, layers, loss, init: { scheme: 'kaiming_uniform', seed: 4 },
  optimiser: { optimiser: 'adam', learning_rate: 0.05 }, shuffle_seed: 2, dataset: { size: 48, noise: 0.1, seed: 5, ...dataset },
});

const CASES = {
  bce: [base([
    { units: 5, activation: 'prelu', alpha_mode: 'per_unit' },
    { units: 4, activation: 'leaky_relu', slope: 0.2 },
    { units: 1, activation: 'sigmoid' },
  ], 'bce', { kind: 'circle' }), 6],
  cross_entropy: [base([
    { units: 6, activation: 'prelu' },
    { units: 5, activation: 'leaky_relu' },
    { units: 3, activation: 'softmax' },
  ], 'cross_entropy', { kind: 'spirals', classes: 3 }), 6],
  mse: [base([
    { units: 3, activation: 'elu', alpha: 1.5 },
    { units: 3, activation: 'softplus', beta: 2, threshold: 1 },
    { units: 3, activation: 'gelu' },
    { units: 3, activation: 'gelu_tanh' },
    { units: 3, activation: 'silu' },
    { units: 3, activation: 'mish' },
    { units: 3, activation: 'relu' },
    { units: 3, activation: 'tanh' },
    { units: 1, activation: 'identity' },
  ], 'mse', { kind: 'gaussians' }), 4],
};

// Every case trained, exported and run once; each test then reads its own.
let exported;
async function exportedCase(name) {
  exported ??= (async () => {
    const engine = await loadEngine();
    const cases = Object.fromEntries(Object.entries(CASES).map(([key, [spec, steps]]) => [key, trainAndExport(engine, spec, steps)]));
    const answers = runPython(Object.values(cases).map((c) => c.script));
    Object.values(cases).forEach((c, k) => { c.torch = answers[k]; });
    return cases;
  })();
  const c = (await exported)[name];
  const { maxRelative } = compareResponses(c.torch, c.expected); // 1e-12 relative
  console.log(`pytorch export, ${name}: max relative difference ${maxRelative.toExponential(2)}`);
  return c;
}

test('binary BCE with PReLU (per unit) and Leaky ReLU: PyTorch gives the engine\'s loss and outputs', async () => {
  const { script, parameters } = await exportedCase('bce');
  // Trained: α moved away from 0.25, unit by unit, and the script carries the trained values.
  assert.ok(parameters.layers[0].alpha.some((a) => a !== 0.25));
  assert.match(script, /nn\.PReLU\(num_parameters=5\)/);
  assert.match(script, /nn\.LeakyReLU\(negative_slope=0\.2\)/);
  assert.match(script, /nn\.BCEWithLogitsLoss\(\)\(logits, targets\)/);
});

test('3-class cross-entropy with a shared PReLU and Leaky ReLU: PyTorch gives the engine\'s loss and probabilities', async () => {
  const { script } = await exportedCase('cross_entropy');
  assert.match(script, /nn\.PReLU\(\)/);
  assert.match(script, /nn\.LeakyReLU\(negative_slope=0\.01\)/); // the catalogue's default
  assert.match(script, /nn\.Softmax\(dim=1\)/);
  assert.match(script, /labels = torch\.tensor\(\[0, 1, 2, /);
});

test('every other activation, with non-default parameters, maps to the torch.nn module of the same function', async () => {
  const { script } = await exportedCase('mse');
  for (const module of ['nn.ELU(alpha=1.5)', 'nn.Softplus(beta=2.0, threshold=1.0)', 'nn.GELU()', "nn.GELU(approximate='tanh')",
    'nn.SiLU()', 'nn.Mish()', 'nn.ReLU()', 'nn.Tanh()', 'nn.Identity()', 'nn.MSELoss()(outputs, targets)']) {
    assert.ok(script.includes(module), module);
  }
});

test('an activation without a torch.nn module makes the script say so instead of computing something else', () => {
  const script = pytorchScript({
    spec: { input_size: 1, layers: [{ units: 1, activation: 'swish_beta' }], loss: 'mse' },
    parameters: { layers: [{ weights: [[1]], biases: [0] }] },
    data: { inputs: [[1]], targets: [[1]] },
  });
  assert.match(script, /^raise NotImplementedError\("no torch\.nn module matches ActLab's swish_beta"\)$/m);
});
