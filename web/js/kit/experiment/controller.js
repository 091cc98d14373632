// The controller both training widgets share (the comparison lab and the playground), built on the
// widget shell (kit/widget-shell.js: strings, loading, a bad start-up state, Share, setLang /
// setState / destroy): the runner and the animation loop, train / pause / step / reset, history of
// the snapshots, export and import. Each widget supplies its own parts in `config`; the controller
// knows nothing about what they show.
//
// config = {
//   rootClass, shareName, fileFormat, runAboutKey (locale key of the line above the controls),
//   validate(candidate) → state (throws HashError),  defaultState(),  presetState(name),
//   experimentSpec(state),  experimentKey(state),  isLarge(state),
//   emptyHistory(state),  record(history, snapshot, context, state),
//   view(snapshot, history, context, state) → what results.update takes,
//   createSetup(t, {apply, applyPreset}) → {element, update(state)},
//   createResults(t, definitions, state, {edit(candidate) → message|null}) → {element, update(view), destroy()}
//     (edit: a change made in the results, e.g. the learner's points; training that was running
//     goes on with the changed experiment),
//   lossList(snapshot, state, t) → "ReLU 0.693; tanh 0.15",
//   exportJson(state, snapshot, history, context) → text,  exportCsv(state, snapshot, history, context) → text,
//   fileName(state, snapshot, extension) → name,
//   extraExports: [{action, labelKey, extension, type, text(state, snapshot, history, context) → text | null}] (optional):
//     more files to download beside JSON and CSV,
//   resultsKey(state) → text (optional): the results are kept across a new experiment while it stays
//     the same (by default they are built anew for every experiment),
// }
import { h, clear } from '../dom.js';
import { createWidgetShell } from '../widget-shell.js';
import { HashError } from '../state/hash.js';
import { labInvalidStateMessage, labFieldMessage, importErrorMessage } from '../state/lab-messages.js';
import { parseExperimentFile } from '../state/lab-file.js';
import { createRunner } from './runner.js';
import { createTrainingLoop } from './training-loop.js';
import { createRunControls } from './run-controls.js';
import { createDefinitions } from './definitions.js';
import { createFileControls, download } from './files.js';
import { duration } from './labels.js';

/** mountExperimentWidget(root, options, config) → {ready, setLang, setState, getState, destroy} */
export function mountExperimentWidget(root, options, config) {
  // The lifecycle (strings, loading the runner, a bad start-up state, Share, setLang / setState /
  // destroy) is the widget shell's; the runner is the resource it loads instead of the engine.
  const shell = createWidgetShell(root, options, { className: config.rootClass, prefix: 'lab', share: config.shareName });
  const { t, body } = shell;
  let state = null; // set when the experiment first opens
  let loop = null;
  let ui = null;
  let snapshot = null;
  let history = null;
  let context = null; // what the experiment opened with: {train, test, extent}
  let currentKey = '';
  let loopStatus = { phase: 'opening', step: 0, target: 0, playing: false, error: null };

  const live = h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'data-role': 'live' });
  root.append(live);

  const copy = () => structuredClone(state);
  const notify = () => shell.notify();

  // --- the experiment -------------------------------------------------------------------------
  function render() {
    if (!ui || !snapshot || !context) return;
    ui.results.update(config.view(snapshot, history, context, state));
  }

  function onOpen(opened) {
    context = { train: opened.train, test: opened.test, extent: opened.extent };
  }

  function onSnapshot(snap) {
    if (shell.destroyed) return;
    snapshot = snap;
    config.record(history, snap, context, state);
    if (state.at !== snap.step) { state.at = snap.step; notify(); }
    if (ui) {
      const started = performance.now();
      render();
      // For tests and curious readers: how long drawing this update took on the main thread.
      root.dataset.renderMs = (performance.now() - started).toFixed(1);
      root.dataset.step = String(snap.step);
      root.dataset.updates = String(Number(root.dataset.updates || 0) + 1);
    }
  }

  function onStatus(next) {
    const wasRunning = loopStatus.playing || loopStatus.phase === 'pausing';
    loopStatus = next;
    if (!ui) return;
    updateControls();
    if (next.phase === 'error') {
      ui.runError.hidden = false;
      const message = next.error && next.error.message ? next.error.message : String(next.error);
      ui.runError.textContent = t('lab.engineError', { message });
    }
    if (wasRunning && !next.playing && next.phase === 'idle' && snapshot) {
      let key = next.step >= state.steps ? 'lab.announce.done' : 'lab.announce.paused';
      if (next.diverged) key = 'lab.announce.diverged';
      live.textContent = t(key, { step: next.step, list: config.lossList(snapshot, state, t) });
    }
  }

  function updateControls() {
    const { phase, playing, diverged, empty, rate, remainingMs } = loopStatus;
    const step = snapshot ? snapshot.step : 0;
    ui.controls.update({ phase, step, steps: state.steps, playing, diverged, empty, rate, remainingMs });
    root.dataset.phase = playing ? 'training' : phase;
    updateLargeHint(step);
  }

  /** The large-run warning, with the time the remaining steps should take once it is known. */
  function updateLargeHint(step) {
    ui.largeHint.hidden = !config.isLarge(state);
    if (ui.largeHint.hidden || loopStatus.playing) return;
    const remaining = state.steps - step;
    const ms = loop && remaining > 0 && !loopStatus.diverged && loopStatus.phase !== 'opening'
      ? loop.estimateMs(state.steps, { batch: state.batch, points: state.dataset.size }) : null;
    const text = ms === null ? t('lab.setup.large') : t('lab.setup.largeEstimate', { steps: remaining, time: duration(ms, t) });
    if (ui.largeHint.textContent !== text) ui.largeHint.textContent = text;
  }

  async function openExperiment(at) {
    currentKey = config.experimentKey(state);
    history = config.emptyHistory(state);
    snapshot = null;
    context = null;
    // Results whose layout still fits stay (a moved point keeps the plane and its focus); else anew.
    const key = config.resultsKey ? config.resultsKey(state) : null;
    if (!ui.results || key === null || key !== ui.resultsKey) buildResults();
    ui.resultsKey = key;
    ui.runError.hidden = true;
    loopStatus = { ...loopStatus, phase: 'opening', playing: false };
    updateControls();
    await loop.open(config.experimentSpec(state), { at });
  }

  function reopen(at) {
    loop.cancel();
    return openExperiment(at);
  }

  /**
   * Validate and apply a candidate state. `restore`: keep its `at` (train back to it); `resume`: if
   * training was running, train the new experiment on.
   */
  function apply(candidate, { restore = false, resume = false } = {}) {
    const wasPlaying = loopStatus.playing;
    let next;
    try {
      next = config.validate(candidate);
    } catch (error) {
      return labFieldMessage(error instanceof HashError ? error : new HashError('format'), t);
    }
    const sameExperiment = config.experimentKey(next) === currentKey && loopStatus.phase !== 'error';
    if (sameExperiment && !restore) {
      // Only N changed: keep the run (unless N is now below the steps taken).
      const taken = snapshot ? snapshot.step : 0;
      state = { ...next, at: taken };
      if (taken > state.steps) { state.at = 0; reopen(0); } else updateControls();
    } else {
      state = { ...next, at: restore ? next.at : 0 };
      reopen(state.at).then((opened) => { if (opened && resume && wasPlaying) loop.play(state.steps); });
    }
    ui.setup.update(state);
    updateLargeHint(snapshot ? snapshot.step : 0);
    notify();
    return null;
  }

  const actions = {
    toggle() {
      if (loopStatus.playing) { loop.pause(); return; }
      if ((snapshot ? snapshot.step : 0) >= state.steps || loopStatus.diverged) {
        state.at = 0;
        reopen(0).then(() => loop.play(state.steps));
        return;
      }
      loop.play(state.steps);
    },
    step() { loop.stepOnce(); },
    reset() {
      state.at = 0;
      reopen(0);
      notify();
    },
  };

  function importText(text, problem) {
    let next;
    try {
      if (problem) throw problem;
      next = parseExperimentFile(text, config.fileFormat, config.validate);
    } catch (error) {
      return importErrorMessage(error instanceof HashError ? error : new HashError('format'), t);
    }
    apply(next, { restore: true });
    return null;
  }

  // --- rendering ------------------------------------------------------------------------------
  function buildResults() {
    if (ui.results) ui.results.destroy();
    if (ui.definitions) ui.definitions.destroy();
    ui.definitions = createDefinitions(t, root);
    ui.results = config.createResults(t, ui.definitions, state, { edit: (candidate) => apply(candidate, { resume: true }) });
    ui.resultsSlot.replaceChildren(ui.results.element);
    render();
  }

  function teardown() {
    if (!ui) return;
    if (ui.results) ui.results.destroy();
    if (ui.definitions) ui.definitions.destroy();
  }

  /** Build the widget's text and controls; `withResults: false` when an experiment opens next (it builds them). */
  function build({ withResults = true } = {}) {
    teardown();
    clear(body);
    ui = { results: null, definitions: null };
    ui.setup = config.createSetup(t, { apply: (candidate) => apply(candidate), applyPreset: (name) => apply(config.presetState(name)) });
    const save = (text, extension, type) => download(text, config.fileName(state, snapshot, extension), type);
    ui.files = createFileControls(t, {
      onExportJson: () => save(config.exportJson(state, snapshot, history, context), 'json', 'application/json'),
      onExportCsv: () => save(config.exportCsv(state, snapshot, history, context), 'csv', 'text/csv'),
      onImport: importText,
      extra: (config.extraExports || []).map((item) => ({
        action: item.action,
        label: t(item.labelKey),
        onClick: () => {
          const text = snapshot ? item.text(state, snapshot, history, context) : null; // null: nothing to export yet
          if (text !== null) save(text, item.extension, item.type);
        },
      })),
    });
    ui.controls = createRunControls(t, actions);
    ui.runError = h('p', { class: 'field-error lab-run-error', role: 'alert', hidden: true });
    ui.largeHint = h('p', { class: 'setup-hint lab-large-hint', hidden: !config.isLarge(state), text: t('lab.setup.large') });
    // The shell's one Share button, moved into the run panel each time the panel is built.
    ui.shareSlot = h('div', { class: 'lab-share-slot', 'data-role': 'share-slot' }, shell.share ? shell.share.element : null);
    ui.resultsSlot = h('div', { class: 'lab-results-slot' });
    body.append(
      ui.setup.element,
      h('section', { class: 'lab-run-panel', 'aria-label': t('lab.run.title') },
        h('h3', { class: 'panel-title', text: t('lab.run.title') }),
        h('p', { class: 'setup-hint', text: t(config.runAboutKey) }),
        ui.controls.element, ui.largeHint, ui.runError, ui.files.element, ui.shareSlot),
      ui.resultsSlot);
    ui.setup.update(state);
    if (withResults) buildResults();
    updateControls();
  }

  return shell.start({
    defaultState: config.defaultState,
    validate: config.validate,
    invalidMessage: labInvalidStateMessage,
    loadEngine: () => createRunner({ engine: options.engine, useWorker: options.useWorker !== false }),
    releaseEngine: (loaded) => loaded.destroy(),
    /** The start-up state: build the widget, then open its experiment (training back to its `at`). */
    async open(loaded, candidate) {
      root.dataset.runner = loaded.kind;
      loop = createTrainingLoop({ runner: loaded, onOpen, onSnapshot, onStatus });
      state = candidate;
      build({ withResults: false });
      await openExperiment(state.at);
    },
    /** Switch language: rebuild the widget's text, keep the run and its results (built by open at start-up). */
    build({ starting }) { if (!starting) build(); },
    apply: (candidate) => apply(candidate, { restore: true }),
    getState: copy,
    teardown() {
      if (loop) loop.cancel();
      teardown();
    },
  });
}
