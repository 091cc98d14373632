// The activation catalogue as JavaScript sees it (engine.catalogue()): the same as the CLI's answer to
// {"catalogue": {}}, closed forms for the peaks and PyTorch's calculate_gain for the gains, and every
// entry usable as it is described (its name and its parameters' defaults) in a curve request.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { cliEvaluate, loadEngine } from './helpers.mjs';

test('engine.catalogue() equals the CLI\'s answer to {"catalogue": {}}', async () => {
  const engine = await loadEngine();
  assert.deepEqual(engine.catalogue(), cliEvaluate({ catalogue: {} }).catalogue);
});

test('peaks and gains match their closed forms', async () => {
  const engine = await loadEngine();
  const entry = Object.fromEntries(engine.catalogue().map((e) => [e.name, e]));
  assert.equal(entry.sigmoid.peak_derivative, 0.25);
  assert.equal(entry.sigmoid.peak_at, 0);
  assert.equal(entry.tanh.peak_derivative, 1);
  assert.equal(entry.tanh.peak_at, 0);
  assert.equal(entry.relu.peak_at, null);
  assert.ok(Math.abs(entry.gelu.peak_at - Math.SQRT2) < 1e-15);
  // PyTorch's calculate_gain: sigmoid and linear 1, tanh 5/3, relu √2, leaky_relu √(2/(1+s²)).
  assert.equal(entry.sigmoid.gain, 1);
  assert.equal(entry.identity.gain, 1);
  assert.ok(Math.abs(entry.tanh.gain - 5 / 3) < 1e-15);
  assert.ok(Math.abs(entry.relu.gain - Math.SQRT2) < 1e-15);
  assert.ok(Math.abs(entry.leaky_relu.gain - Math.sqrt(2 / (1 + 0.01 ** 2))) < 1e-15);
  assert.ok(Math.abs(entry.prelu.gain - Math.sqrt(2 / (1 + 0.25 ** 2))) < 1e-15);
  assert.deepEqual(entry.leaky_relu.parameters, [{ name: 'slope', default: 0.01 }]);
  assert.deepEqual(entry.prelu.parameters, [{ name: 'alpha', default: 0.25, learned: true }]);
  assert.deepEqual(entry.softplus.parameters.map((p) => [p.name, p.default, p.min, p.max]),
    [['beta', 1, 1e-6, 1e6], ['threshold', 20, 0, 1e6]]);
  for (const name of ['sigmoid', 'tanh', 'elu', 'gelu', 'silu', 'softplus']) assert.equal(entry[name].saturates, true, name);
  for (const name of ['identity', 'relu', 'leaky_relu', 'prelu']) assert.equal(entry[name].saturates, false, name);
});

test('every entry works in a curve request as described: defaults, peak and peak_at', async () => {
  const engine = await loadEngine();
  const points = [-3, -1, -0.5, 0, 0.5, 1, 3];
  for (const { name, parameters, peak_derivative: peak, peak_at: at } of engine.catalogue()) {
    const plain = engine.evaluate({ curve: { activation: name, points } }).curve;
    const defaults = Object.fromEntries(parameters.map((p) => [p.name, p.default]));
    assert.deepEqual(engine.evaluate({ curve: { activation: name, ...defaults, points } }).curve, plain, name);
    assert.equal(plain.peak_derivative, peak, name);
    if (at !== null) {
      const there = engine.evaluate({ curve: { activation: name, points: [at] } }).curve;
      assert.ok(Math.abs(there.derivatives[0] - peak) <= 1e-12 * peak, `${name}: f'(${at}) = ${there.derivatives[0]} vs ${peak}`);
    }
  }
  // The unknown-activation message lists exactly the catalogue.
  const names = engine.catalogue().map((e) => e.name);
  assert.throws(() => engine.evaluate({ curve: { activation: 'nope', points: [0] } }),
    (error) => error.message.endsWith(`(expected ${names.join(', ')})`));
});
