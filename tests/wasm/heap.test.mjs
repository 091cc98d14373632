// Memory: 10,000 evaluations, some of them failing, must not grow the WebAssembly memory nor the top
// of malloc's heap once warmed up (a leak on the error path would show here first).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadEngine } from './helpers.mjs';

const small = {
  input_size: 2,
  layers: [{ units: 4, activation: 'prelu', alpha_mode: 'per_unit' }, { units: 1, activation: 'sigmoid' }],
  init: { scheme: 'kaiming_uniform', seed: 3 },
  inputs: [[0.5, -1], [1.5, 2], [-0.3, 0.1]],
  targets: [[1], [0], [1]],
  loss: 'bce',
  trace: true,
  gradient_check: true,
  update: { optimiser: 'adam', learning_rate: 0.05, steps: 2 },
};
const failing = [
  { ...small, layers: [{ units: 4, activation: 'relu6' }, { units: 1, activation: 'sigmoid' }] },
  { ...small, inputs: [[0.5, NaN], [1, 2], [3, 4]] },
  { ...small, targets: [[1, 2]] },
  { curve: { activation: 'elu', points: [] } },
];

const mib = (bytes) => `${(bytes / 1048576).toFixed(2)} MiB`;

test('10,000 evaluations (1 in 10 failing) do not grow the heap after warm-up', async () => {
  const engine = await loadEngine();
  assert.equal(typeof engine.heapBytes, 'function', 'the adapter exposes engine.heapBytes()');
  assert.equal(typeof engine.heapTop, 'function', 'the adapter exposes engine.heapTop()');
  const expected = JSON.stringify(engine.evaluate(small));

  const run = (count) => {
    for (let k = 0; k < count; k++) {
      if (k % 10 === 9) {
        assert.throws(() => engine.evaluate(failing[k % failing.length]), Error);
      } else {
        const response = engine.evaluate(small);
        if (k % 1000 === 0) assert.equal(JSON.stringify(response), expected, 'the same request gives the same response');
      }
    }
  };

  // memoryInUse() (malloc's bytes in use, if the adapter offers it) catches leaks smaller than the free
  // space below the heap top, which heapTop() alone cannot see.
  const inUse = typeof engine.memoryInUse === 'function' ? () => engine.memoryInUse() : () => NaN;
  const measure = () => ({ memory: engine.heapBytes(), top: engine.heapTop(), inUse: inUse() });
  const initial = measure();
  run(1000); // warm-up: first allocations, caches
  const warm = measure();
  const started = performance.now();
  run(9000);
  const milliseconds = performance.now() - started;
  const final = measure();

  console.log(`heap: wasm memory ${mib(initial.memory)} at start, ${mib(warm.memory)} after 1,000 calls, ` +
    `${mib(final.memory)} after 10,000; malloc heap top ${initial.top} B, ${warm.top} B, ${final.top} B; ` +
    (Number.isNaN(warm.inUse) ? '' : `malloc in use ${initial.inUse} B, ${warm.inUse} B, ${final.inUse} B; `) +
    `${(milliseconds / 9000 * 1000).toFixed(0)} µs per call`);
  assert.equal(final.memory, warm.memory, 'the wasm memory grew after warm-up');
  assert.ok(final.top <= warm.top, `the malloc heap top rose by ${final.top - warm.top} bytes over 9,000 calls`);
  if (!Number.isNaN(warm.inUse)) {
    assert.ok(final.inUse <= warm.inUse, `malloc in use grew by ${final.inUse - warm.inUse} bytes over 9,000 calls`);
  }
});
