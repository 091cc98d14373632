// The comparison lab's activations trained in groups (one training worker each, runner.js) give
// exactly the numbers of one experiment training them all: each activation is its own engine
// session. Checked here in Node, group by group, for every way of splitting five activations,
// including networks that diverge at different steps and a module instantiated once and shared.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import createActLab from '../../web/engine/actlab.js';
import { mergeAdvanced, mergeOpened, splitSpec } from '../../web/js/kit/experiment/activation-groups.js';
import { openExperiment } from '../../web/js/kit/experiment/experiment.js';
import { validateLabState } from '../../web/js/kit/state/lab-schema.js';
import { experimentSpec, presetState } from '../../web/js/widgets/lab/model.js';
import { repo } from './helpers.mjs';

const FIVE = [{ name: 'sigmoid' }, { name: 'tanh' }, { name: 'relu' }, { name: 'leaky_relu', slope: 0.01 }, { name: 'elu' }];
const CHUNKS = [1, 1, 3, 10, 25, 60];

// Timing is the only thing that may differ between a split and a whole run.
function withoutTiming(snapshot) {
  return { ...snapshot, measureMs: 0 };
}

/** The whole experiment and its groups, advanced chunk by chunk: every snapshot must be the same. */
function compareSplits(engine, spec) {
  for (let count = 1; count <= spec.networks.length; count += 1) {
    const whole = openExperiment(engine, spec);
    const groups = splitSpec(spec, count).map((group) => openExperiment(engine, group));
    try {
      const opened = mergeOpened(groups.map((group) => ({ ...group, snapshot: group.snapshot() })));
      assert.deepEqual(withoutTiming(opened.snapshot), withoutTiming(whole.snapshot()), `${count} groups, opened`);
      assert.deepEqual([opened.train, opened.test, opened.extent], [whole.train, whole.test, whole.extent]);
      for (const steps of CHUNKS) {
        whole.advance(steps);
        const merged = mergeAdvanced(groups.map((group) => {
          group.advance(steps);
          return { snapshot: group.snapshot(), trainMs: 0 };
        }));
        assert.deepEqual(withoutTiming(merged.snapshot), withoutTiming(whole.snapshot()), `${count} groups, step ${whole.step()}`);
      }
    } finally {
      whole.close();
      for (const group of groups) group.close();
    }
  }
}

test('five activations split into 1 to 5 groups train to the same snapshots as one experiment', async () => {
  const engine = await createActLab();
  compareSplits(engine, experimentSpec(validateLabState({ ...presetState('dead-relu'), activations: FIVE })));
});

// identity, ReLU, leaky ReLU, ELU and softplus under plain SGD with a large step: at depth 8 three
// diverge (steps 3, 4, 4) and two go on; at depth 6 all five do, at steps 4 to 6, so some groups stop
// while others still train, and the experiment stops where the last network diverged.
const UNSTABLE = [{ name: 'identity' }, { name: 'relu' }, { name: 'leaky_relu', slope: 0.01 }, { name: 'elu' }, { name: 'softplus' }];
for (const [depth, lr, all] of [[8, 10, false], [6, 5, true]]) {
  test(`depth ${depth}: groups whose networks diverge at different steps merge to one experiment's step and divergences`, async () => {
    const engine = await createActLab();
    const state = validateLabState({ ...presetState('init-large'), activations: UNSTABLE, optimiser: 'sgd', lr, depth });
    const spec = experimentSpec(state);
    const whole = openExperiment(engine, spec);
    whole.advance(100);
    const { runs, diverged } = whole.snapshot();
    whole.close();
    const steps = new Set(runs.filter((run) => run.diverged).map((run) => run.divergedAt));
    assert.ok(steps.size >= 2 && diverged === all, 'networks diverge at different steps (else this checks nothing new)');
    compareSplits(engine, spec);
  });
}

test('engines instantiated from one compiled module (as the workers are) compute the same numbers', async () => {
  const bytes = await readFile(path.join(repo, 'web/engine/generated/actlab-core.wasm'));
  const wasmModule = await WebAssembly.compile(bytes);
  const [own, shared, another] = await Promise.all([createActLab(), createActLab({ wasmModule }), createActLab({ wasmModule })]);
  const spec = experimentSpec(validateLabState({ ...presetState('tanh-sigmoid') }));
  const snapshots = [own, shared, another].map((engine) => {
    const experiment = openExperiment(engine, spec);
    experiment.advance(40);
    const snapshot = withoutTiming(experiment.snapshot());
    experiment.close();
    return snapshot;
  });
  assert.deepEqual(snapshots[1], snapshots[0]);
  assert.deepEqual(snapshots[2], snapshots[0]);
  await assert.rejects(createActLab({ wasmModule: bytes }), /wasmModule: expected a WebAssembly.Module/);
});
