// mountLab(root, {lang, initialState, onStateChange, onInvalidState, engine, useWorker}) → controller
// {ready, setLang, setState, getState, destroy}.
//
// The comparison lab: one network shape, initialiser, dataset and seed; two to five activations
// side by side, each trained on identical data from identical initial weights (same seed, and the
// same gain rule per activation as PyTorch) with the same optimiser and minibatch order. Only the
// activation differs. Training runs in a module worker (kit/experiment/runner.js, with a main-thread
// fallback) and is animated snapshot by snapshot; every number is the engine's.
//
// Self-contained like the stepper: it loads its own strings and engine, scopes its CSS by
// .actlab-lab (css/lab.css + uPlot.min.css + katex.min.css), queries only inside `root`, and
// reports every state change through onStateChange. `engine` is used only if no worker can start;
// `useWorker: false` trains on the main thread (in chunks between animation frames).
import { validateLabState, defaultLabState } from '../../kit/state/lab-schema.js';
import { mountExperimentWidget } from '../../kit/experiment/controller.js';
import { presetState, experimentSpec, experimentKey, matchingPreset } from './model.js';
import { createLabSetup } from './setup-panel.js';
import { createLabResults } from './results.js';
import { labJson, labCsv, labFileName, LAB_FILE_FORMAT } from './export.js';
import { activationLabel, number } from '../../kit/experiment/labels.js';

/** Multiply-adds per measurement above which the lab warns that updates will be slow. */
const LARGE_WORK = 2.5e8;

export const LAB_CONFIG = Object.freeze({
  rootClass: 'actlab-lab',
  shareName: 'comparison',
  runAboutKey: 'lab.run.about',
  fileFormat: LAB_FILE_FORMAT,
  validate: validateLabState,
  defaultState: defaultLabState,
  presetState,
  experimentSpec,
  experimentKey,
  isLarge(state) {
    const perExample = 2 * state.width + Math.max(0, state.depth - 1) * state.width * state.width + state.width;
    return state.activations.length * state.dataset.size * perExample * 3 >= LARGE_WORK;
  },
  emptyHistory: (state) => ({ steps: [], losses: state.activations.map(() => []) }),
  record(history, snapshot) {
    history.steps.push(snapshot.step);
    snapshot.runs.forEach((run, k) => history.losses[k].push(run.loss));
  },
  view: (snapshot, history) => ({ snapshot, history }),
  createSetup: createLabSetup,
  createResults: createLabResults,
  lossList(snapshot, state, t) {
    return snapshot.runs.map((run, k) => t('lab.chart.lossItemShort', {
      name: activationLabel(state.activations[k], t), loss: run.loss === null ? t('lab.diverged.short') : number(run.loss, 3),
    })).join(t('lab.listSeparator'));
  },
  exportJson: (state, snapshot, history) => labJson(state, snapshot, history),
  exportCsv: (state, snapshot) => labCsv(state, snapshot),
  fileName: (state, snapshot, extension) => labFileName(state, snapshot, matchingPreset(state), extension),
});

export function mountLab(root, options = {}) {
  return mountExperimentWidget(root, options, LAB_CONFIG);
}
