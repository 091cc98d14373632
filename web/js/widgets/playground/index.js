// mountPlayground(root, {lang, initialState, onStateChange, onInvalidState, engine, useWorker}) →
// controller {ready, setLang, setState, getState, destroy}.
//
// The training playground: a 2-D dataset from the engine (circle, XOR, two spirals, two Gaussians;
// noise, size and seed), a network with the chosen activation, initialiser, optimiser, learning
// rate and batch size, trained in a module worker. Shows the decision boundary (the engine's
// outputs on a grid), train and test loss, dead and saturated units, PReLU's α over training, and
// the gradient norm per layer. Same contract as the stepper and the lab (see lab/index.js); CSS:
// css/playground.css + uPlot.min.css + katex.min.css, scoped by .actlab-playground.
import { validatePlaygroundState, defaultPlaygroundState } from '../../kit/state/playground-schema.js';
import { mountExperimentWidget } from '../../kit/experiment/controller.js';
import { number } from '../../kit/experiment/labels.js';
import {
  presetState, experimentSpec, experimentKey, matchingPreset, accuracy, confusion, deadHidden, saturatedHidden,
} from './model.js';
import { createPlaygroundSetup } from './setup-panel.js';
import { createPlaygroundResults } from './results.js';
import { playgroundJson, playgroundCsv, playgroundPython, playgroundFileName, PLAYGROUND_FILE_FORMAT } from './export.js';

function accuracies(snapshot, context, classes) {
  const run = snapshot.runs[0];
  if (run.empty) return { train: null, test: null };
  return {
    train: accuracy(run.trainOutputs, context.train.targets, classes),
    test: context.test ? accuracy(run.testOutputs, context.test.targets, classes) : null,
  };
}

export const PLAYGROUND_CONFIG = Object.freeze({
  rootClass: 'actlab-playground',
  shareName: 'playground',
  runAboutKey: 'pg.run.about',
  fileFormat: PLAYGROUND_FILE_FORMAT,
  validate: validatePlaygroundState,
  defaultState: defaultPlaygroundState,
  presetState,
  experimentSpec,
  experimentKey,
  isLarge(state) {
    const weights = state.hidden.reduce((sum, units, l) => sum + units * (l === 0 ? 2 : state.hidden[l - 1]), 0);
    const points = state.points ? state.points.length : state.dataset.size;
    return points * weights > 2e6; // updates will be slow
  },
  emptyHistory: (state) => ({
    steps: [], train: [], test: [], dead: [], saturated: [], units: null,
    alpha: state.activation.name === 'prelu' ? state.hidden.map(() => []) : [],
  }),
  record(history, snapshot, context, state) {
    const run = snapshot.runs[0];
    if (run.units) history.units = run.units; // the latest unit views (not every snapshot carries them)
    if (run.empty) return; // no points: nothing was measured
    if (history.steps.at(-1) === snapshot.step) return; // the same step again, only to complete the unit views
    history.steps.push(snapshot.step);
    history.train.push(run.loss);
    history.test.push(run.testLoss);
    const diverged = run.diverged || run.loss === null; // no statistics worth drawing
    history.dead.push(diverged ? null : deadHidden(run.layers, state).fraction);
    history.saturated.push(diverged ? null : saturatedHidden(run.layers, state, state.dataset.size));
    history.alpha.forEach((values, l) => values.push(run.alpha && run.alpha[l] ? run.alpha[l][0] : null));
  },
  view: (snapshot, history, context, state) => ({
    snapshot, history, train: context.train, test: context.test, extent: context.extent,
    accuracy: accuracies(snapshot, context, state.classes),
    dead: snapshot.runs[0].empty ? null : deadHidden(snapshot.runs[0].layers, state),
    confusion: snapshot.runs[0].empty ? null : confusion(snapshot.runs[0].trainOutputs, context.train.targets, state.classes),
    state,
  }),
  // The results keep their plane, network diagram and charts while only the data or training settings change.
  resultsKey: (state) => JSON.stringify([state.hidden, state.activation, state.classes]),
  createSetup: createPlaygroundSetup,
  createResults: createPlaygroundResults,
  lossList(snapshot, state, t) {
    const run = snapshot.runs[0];
    if (run.empty) return '\u2014';
    return t('pg.lossList', {
      train: run.loss === null ? t('lab.diverged.short') : number(run.loss, 3),
      test: run.testLoss === null ? t('lab.diverged.short') : number(run.testLoss, 3),
    });
  },
  exportJson: (state, snapshot, history, context) =>
    playgroundJson(state, snapshot, history, snapshot && context ? accuracies(snapshot, context, state.classes) : {}),
  exportCsv: (state, snapshot, history) => playgroundCsv(state, history),
  extraExports: [{
    action: 'export-python', labelKey: 'pgd.export.python', extension: 'py', type: 'text/x-python',
    text: (state, snapshot, history, context) => playgroundPython(state, snapshot, context),
  }],
  fileName: (state, snapshot, extension) => playgroundFileName(snapshot, matchingPreset(state), extension),
});

export function mountPlayground(root, options = {}) {
  return mountExperimentWidget(root, options, PLAYGROUND_CONFIG);
}
