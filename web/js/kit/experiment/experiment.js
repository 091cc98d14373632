// An experiment: one or more networks trained side by side on the same data (the comparison lab
// trains one per activation; the playground trains one). Every number comes from the engine: the
// dataset (made inside each training session), the minibatch steps, the statistics (measure), the
// outputs (predict) and PReLU's α (parameters). No DOM: this runs in the training worker, or on the
// main thread as a fallback.
//
// spec = {
//   dataset: {kind, size, noise, seed},          the training set (the session's dataset spec), or
//   points: {inputs: [[x₁, x₂]], targets: [[c]]} the learner's own training set instead (may be
//                                                empty: then nothing trains and snapshots say `empty`)
//   testDataset: {kind, size, noise, seed},      optional: a held-out set for the test loss
//   batch: 16,                                   minibatch size for every network
//   networks: [{session, measure}],              session: engine.createSession spec (input_size,
//                                                layers, init, loss, optimiser, shuffle_seed);
//                                                measure: options for session.measure (bins, ranges)
//   grid: {resolution: 64},                      optional: outputs on a grid (decision boundary)
//   outputs: true,                               optional: outputs on the training and test points
//   alpha: true,                                 optional: report PReLU α (from parameters())
//   units: {resolution, saturates},              optional: every hidden unit's view (unit-views.js)
//   parameters: true,                            optional: the networks' parameters (session.parameters())
// }
import { dataExtent, gridPoints } from '../plots/grid.js';
import { unitViews } from './unit-views.js';

const REPLAY_BUDGET_MS = 2000;     // finding the exact step a network diverged replays its run if cheaper

/** A held set's flat examples as rows ({inputs: [[x, y]], targets: [[0 | 1]]}), for drawing the points. */
function rowsOf({ inputs, targets }) {
  return {
    inputs: Array.from({ length: targets.length }, (_, r) => [inputs[2 * r], inputs[2 * r + 1]]),
    targets: Array.from(targets, (label) => [label]),
  };
}

function isFiniteNumber(value) { return typeof value === 'number' && Number.isFinite(value); }

/** Every PReLU α of a network, layer by layer (one number per shared α, one per unit otherwise). */
function alphaOf(parameters) {
  return parameters.layers.map((layer) => (Array.isArray(layer.alpha) ? layer.alpha.slice() : null));
}

/**
 * openExperiment(engine, spec) → {train, test, extent, step(), advance(steps), snapshot(), close()}
 * Throws the engine's Error for a bad spec (e.g. a network too large for memory).
 */
export function openExperiment(engine, spec) {
  if (spec.networks.length === 0) throw new Error('networks: expected at least one network');
  const own = spec.points || null;
  const empty = own !== null && own.inputs.length === 0;
  let sets = spec.testDataset ? { dataset: spec.dataset, test_dataset: spec.testDataset } : { dataset: spec.dataset };
  if (own) sets = {};
  const newSession = (network) => {
    const session = engine.createSession({ ...network.session, ...sets });
    try {
      if (own && !empty) session.setTrainingData(own.inputs, own.targets);
    } catch (error) {
      session.delete();
      throw error;
    }
    return session;
  };

  const runs = [];
  try {
    for (const network of spec.networks) {
      runs.push({ network, session: newSession(network), measure: network.measure || {}, diverged: false, divergedAt: null });
    }
  } catch (error) {
    for (const run of runs) run.session.delete();
    throw error;
  }
  // The examples, copied out once for the page to draw: every session holds the same, made from `sets`.
  const train = empty ? { inputs: [], targets: [] } : rowsOf(runs[0].session.data('training'));
  const test = spec.testDataset && !own ? rowsOf(runs[0].session.data('test')) : null;
  const extent = dataExtent(test ? train.inputs.concat(test.inputs) : train.inputs);
  const grid = spec.grid ? gridPoints(spec.grid.resolution, extent) : null;
  const unitInputs = spec.units ? {
    ...spec.units, extent, grid: gridPoints(spec.units.resolution, extent),
    data: own ? Float64Array.from(own.inputs.flat()) : Float64Array.from(train.inputs.flat()),
  } : null;
  let step = 0;
  let unitsAt = -Infinity; // when the unit views were last computed, and how long that took
  let unitsMs = 0;
  // The unit views take at most about a quarter of the worker's time: when they cost more than a
  // few milliseconds (a large network) they are recomputed every few snapshots (each carries the
  // step it shows), not on every one.
  const UNITS_ALWAYS_MS = 8;
  // A snapshot without them says `stale`; advance(0) asks for them in the next one regardless (the
  // training loop does so when a run stops, so a finished or paused run shows its own step).
  let unitsWanted = false;
  const unitsDue = () => unitsWanted || unitsMs <= UNITS_ALWAYS_MS || Date.now() - unitsAt >= 3 * unitsMs;
  function timedUnitViews(run) {
    const started = Date.now();
    const views = { step, ...unitViews(engine, run.network.session, run.session.parameters(), unitInputs) };
    unitsWanted = false;
    unitsAt = Date.now();
    unitsMs = unitsAt - started;
    return views;
  }

  /**
   * The exact step at which `run` diverged somewhere in (from, to]: the engine's results do not depend
   * on how steps are split into calls, so a fresh session trained to `from` and then one step at a
   * time meets the same non-finite loss. Done only when it is cheap (a replay costs `to` steps);
   * otherwise the answer is `to`, "by step to". The run keeps the session stopped at that step.
   */
  function locateDivergence(run, from, to, msPerStep) {
    if (to - from <= 1 || msPerStep * to > REPLAY_BUDGET_MS) return to;
    const session = newSession(run.network);
    let at = to;
    try {
      session.train(from, spec.batch);
      for (let k = from + 1; k <= to; k += 1) {
        if (!isFiniteNumber(session.train(1, spec.batch))) { at = k; break; }
      }
    } catch (error) {
      session.delete();
      throw error;
    }
    run.session.delete();
    run.session = session;
    return at;
  }

  /**
   * Train every live network for `steps` minibatch steps. A non-finite loss marks a network
   * diverged at that step; it trains no more. When every network has diverged, the experiment stops
   * at the step where the last one did (it does not count steps that trained nothing).
   */
  function advance(steps) {
    const count = Math.max(0, Math.floor(steps));
    if (count === 0) unitsWanted = true;
    if (count === 0 || empty || runs.every((run) => run.diverged)) return step;
    for (const run of runs) {
      if (run.diverged) continue;
      const started = Date.now();
      const loss = run.session.train(count, spec.batch);
      if (!isFiniteNumber(loss)) {
        const done = run.session.stepsTaken() - step;  // train() stops soon after the loss stops being finite
        run.diverged = true;
        run.divergedAt = locateDivergence(run, step, step + done, (Date.now() - started) / done);
      }
    }
    step = runs.every((run) => run.diverged) ? Math.max(...runs.map((run) => run.divergedAt)) : step + count;
    return step;
  }

  /** The statistics of every network now, as plain data (structured-clone friendly). */
  function snapshot() {
    const started = Date.now();
    const results = runs.map((run) => {
      if (empty) return emptyResult(run);
      const measured = run.session.measure('training', run.measure);
      const result = {
        loss: isFiniteNumber(measured.loss) ? measured.loss : null,
        layers: measured.layers,
        diverged: run.diverged,
        divergedAt: run.divergedAt,
      };
      if (result.loss === null && !run.diverged) {
        run.diverged = true;
        run.divergedAt = step;
        Object.assign(result, { diverged: true, divergedAt: step });
      }
      if (test) {
        const loss = run.session.measure('test').loss;
        result.testLoss = isFiniteNumber(loss) ? loss : null;
      }
      if (grid) result.grid = run.session.predict(grid);
      if (spec.outputs) {
        result.trainOutputs = run.session.predict('training');
        if (test) result.testOutputs = run.session.predict('test');
      }
      if (spec.alpha) result.alpha = alphaOf(run.session.parameters());
      if (spec.parameters) result.parameters = run.session.parameters();
      if (spec.units && !result.diverged) {
        if (unitsDue()) result.units = timedUnitViews(run);
        else result.unitsStale = true;
      }
      return result;
    });
    // Every network diverged: nothing is left to train (the loop stops here and says so).
    return {
      step, runs: results, measureMs: Date.now() - started, diverged: results.every((result) => result.diverged), empty,
      stale: results.some((result) => result.unitsStale),
    };
  }

  /** No points yet: the untrained network's map and units, and nothing measured. */
  function emptyResult(run) {
    const result = { loss: null, testLoss: null, layers: null, diverged: false, divergedAt: null, empty: true };
    if (grid) result.grid = run.session.predict(grid);
    if (spec.outputs) result.trainOutputs = new Float64Array(0);
    if (spec.units) result.units = timedUnitViews(run);
    return result;
  }

  return {
    train,
    test,
    extent,
    gridResolution: spec.grid ? spec.grid.resolution : 0,
    step: () => step,
    advance,
    snapshot,
    close() { for (const run of runs) run.session.delete(); runs.length = 0; },
  };
}

/** The typed arrays inside a snapshot, for postMessage's transfer list. */
export function transferables(snapshot) {
  const list = [];
  for (const run of snapshot.runs) {
    for (const key of ['grid', 'trainOutputs', 'testOutputs']) if (run[key]) list.push(run[key].buffer);
    if (run.units) for (const layer of run.units.layers) list.push(layer.map.buffer);
  }
  return list;
}
