// The lab's export: the settings and the engine's results at the current step, as JSON (settings +
// per-layer statistics + histograms + loss history) and as CSV (one row per activation and layer).
import { experimentFileText, csvText } from '../../kit/state/lab-file.js';
import { activationToken } from '../../kit/state/lab-fields.js';

export const LAB_FILE_FORMAT = 'actlab-lab';

const LAYER_KEYS = ['saturation_fraction', 'sparsity_fraction', 'dead_units', 'dead_unit_fraction', 'pre_activation_mean',
  'pre_activation_std', 'activation_mean', 'activation_std', 'gradient_norm', 'grad_pre_activation_norm'];

export function labJson(state, snapshot, history) {
  const results = snapshot ? {
    step: snapshot.step,
    columns: snapshot.runs.map((run, k) => ({
      activation: state.activations[k],
      loss: run.loss,
      diverged: run.diverged,
      diverged_at: run.divergedAt,
      layers: run.layers.map((layer, l) => ({ layer: l + 1, output: l === state.depth, ...layer })),
      loss_history: history.steps.map((step, i) => ({ step, loss: history.losses[k][i] })),
    })),
  } : null;
  return experimentFileText(LAB_FILE_FORMAT, state, results);
}

export function labCsv(state, snapshot) {
  const header = ['step', 'activation', 'layer', 'units', 'loss', ...LAYER_KEYS];
  const rows = [];
  if (snapshot) {
    snapshot.runs.forEach((run, k) => {
      run.layers.forEach((layer, l) => {
        rows.push([snapshot.step, activationToken(state.activations[k]), l < state.depth ? l + 1 : 'output',
          l < state.depth ? state.width : 1, run.loss, ...LAYER_KEYS.map((key) => layer[key])]);
      });
    });
  }
  return csvText(header, rows);
}

export function labFileName(state, snapshot, preset, extension) {
  return `actlab-lab-${preset}-step${snapshot ? snapshot.step : 0}.${extension}`;
}
