// The playground's export: settings (with the learner's own points, when there are any) plus the
// engine's results at the current step (losses, per-layer statistics, accuracy counted from its
// outputs, every hidden unit's map over the plane with the weights it came from) and the history
// over training, as JSON; the history as CSV (one row per update).
// "Export as PyTorch": the network at the current step, its exact parameters and the training
// points, as a Python script (kit/experiment/pytorch-export.js) that prints PyTorch's loss and outputs.
import { experimentFileText, csvText } from '../../kit/state/lab-file.js';
import { pytorchScript } from '../../kit/experiment/pytorch-export.js';
import { pointRows } from '../../kit/state/own-data.js';
import { sessionSpec } from './model.js';

export const PLAYGROUND_FILE_FORMAT = 'actlab-playground';

export function playgroundJson(state, snapshot, history, accuracy) {
  const run = snapshot ? snapshot.runs[0] : null;
  const results = run ? {
    step: snapshot.step,
    loss: run.loss,
    test_loss: run.testLoss,
    diverged: run.diverged,
    diverged_at: run.divergedAt,
    train_accuracy: accuracy.train ? accuracy.train.fraction : null,
    test_accuracy: accuracy.test ? accuracy.test.fraction : null,
    layers: run.layers.map((layer, l) => ({ layer: l + 1, output: l === state.hidden.length, ...layer })),
    alpha: run.alpha || null,
    units: unitsJson(history.units),
    history: history.steps.map((step, i) => ({
      step,
      loss: history.train[i],
      test_loss: history.test[i],
      dead_fraction: history.dead[i],
      saturated_fraction: history.saturated[i],
      ...(history.alpha.length ? { alpha: history.alpha.map((values) => values[i]) } : {}),
    })),
  } : null;
  return experimentFileText(PLAYGROUND_FILE_FORMAT, state, results);
}

/** The unit views as plain JSON: per hidden layer its weights, biases and map (grid point × unit, row-major). */
function unitsJson(units) {
  if (!units) return null;
  return {
    step: units.step,
    resolution: units.resolution,
    extent: units.extent,
    layers: units.layers.map(({ weights, biases, alpha, map, stats }) => ({
      weights, biases, alpha, map: Array.from(map),
      dead: stats.map((unit) => unit.dead), zeros: stats.map((unit) => unit.zeros), saturated: stats.map((unit) => unit.saturated),
    })),
    output: units.output,
  };
}

export function playgroundCsv(state, history) {
  const alphaColumns = history.alpha.map((_, l) => `alpha_layer_${l + 1}`);
  const header = ['step', 'loss', 'test_loss', 'dead_fraction', 'saturated_fraction', ...alphaColumns];
  const rows = history.steps.map((step, i) => [step, history.train[i], history.test[i], history.dead[i], history.saturated[i],
    ...history.alpha.map((values) => values[i])]);
  return csvText(header, rows);
}

export function playgroundFileName(snapshot, preset, extension) {
  return `actlab-playground-${preset}-step${snapshot ? snapshot.step : 0}.${extension}`;
}

/** The PyTorch script of the network now (the snapshot's parameters) on the training points. */
export function playgroundPython(state, snapshot, context) {
  if (snapshot.runs[0].empty || !snapshot.runs[0].parameters) return null; // no points to write yet
  const data = state.points ? pointRows(state.points) : context.train;
  return pytorchScript({ spec: sessionSpec(state), parameters: snapshot.runs[0].parameters, data });
}
