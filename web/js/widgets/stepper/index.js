// mountStepper(root, {lang, initialState, onStateChange, onInvalidState, engine}) → controller.
// A self-contained widget: it loads its own strings and the engine, keeps its own state, and
// reports every change through onStateChange so a host can put it in the URL (or anywhere).
import { h, clear } from '../../kit/dom.js';
import { formatNumber } from '../../kit/format.js';
import { createWidgetShell } from '../../kit/widget-shell.js';
import { validateStepperState, LIMITS } from '../../kit/state/stepper-schema.js';
import { invalidStateMessage } from '../../kit/state/messages.js';
import { HashError } from '../../kit/state/hash.js';
import { defaultState, copyState, replay, highlightFor, endOfForward, layerUnits } from './model.js';
import { computeSession, advanceSession, checkGradients } from './compute.js';
import { createGraph } from './graph.js';
import { createControls, bindKeyboard } from './controls.js';
import { createEquationPanel } from './equation-panel.js';
import { createSetupPanel } from './setup-panel.js';
import { createParameterTable } from './parameter-table.js';
import { createTrainingPanel } from './training-panel.js';

export function mountStepper(root, options = {}) {
  const shell = createWidgetShell(root, options, {
    className: 'actlab-stepper', prefix: 'stepper', share: 'stepper', shareSlot: 'stepper-share',
  });
  const { t, body, notify } = shell;
  let engine = null;
  let session = null;
  let ui = null;
  let shapeKey = '';
  let timer = null;
  let speed = 1;
  let state = defaultState();

  const total = () => (session ? session.steps.length : 0);
  const forwardEnd = () => (session ? endOfForward(session.steps) : 0);

  // --- stepping -----------------------------------------------------------------------------
  function goTo(step, { announce = true } = {}) {
    state.step = Math.max(0, Math.min(total(), step));
    renderStep(announce);
    notify();
  }
  function stopPlaying() {
    if (timer !== null) { clearInterval(timer); timer = null; }
  }
  const actions = {
    forward: () => { stopPlaying(); goTo(state.step + 1); },
    back: () => { stopPlaying(); goTo(state.step - 1); },
    reset: () => { stopPlaying(); goTo(0); },
    endForward: () => { stopPlaying(); goTo(forwardEnd()); },
    endBackward: () => { stopPlaying(); goTo(total()); },
    togglePlay: () => {
      if (!session) return;
      if (timer !== null) { stopPlaying(); renderStep(false); return; }
      if (state.step >= total()) goTo(0, { announce: false });
      timer = setInterval(tick, 1000 / speed);
      renderStep(false);
    },
    setSpeed: (value) => {
      speed = value;
      if (timer !== null) { stopPlaying(); timer = setInterval(tick, 1000 / speed); }
    },
  };
  function tick() {
    if (state.step >= total()) { stopPlaying(); renderStep(false); return; }
    goTo(state.step + 1);
    if (state.step >= total()) { stopPlaying(); renderStep(false); }
  }
  const unbindKeys = bindKeyboard(root, actions);

  // --- state changes that need the engine ---------------------------------------------------
  /** A state from outside (a link, the host page): validate, compute, replace. Error message or null. */
  function apply(candidate) {
    const { refused, state: next, computed } = shell.prepare(candidate, {
      validate: validateStepperState, compute: (checked) => computeSession(engine, checked), refusal: invalidStateMessage,
    });
    if (refused) return refused;
    hideResetNotice();
    replaceState(next, computed);
    return null;
  }

  function replaceState(next, nextSession) {
    stopPlaying();
    state = next;
    session = nextSession;
    state.step = Math.min(state.step, total());
    ui.training.clearCheck();
    render();
    notify();
  }

  /** The settings that make up a network and its training, without the position in it (keys sorted). */
  const settingsKey = (candidate) => JSON.stringify({ ...candidate, cycles: 0, step: 0 }, (key, value) => (
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).sort().map((name) => [name, value[name]]))
      : value));

  /**
   * An edit made in the widget (setup or learning rate). Returns an error message or null.
   * An edit that leaves every setting as it is changes nothing, so it keeps the applied updates;
   * a real change trains again from the initial weights, and if that cleared updates, a notice
   * next to the edited field says so and offers Undo.
   */
  function edit(candidate, { slot, reason = 'edit' } = {}) {
    const unchanged = (checked) => reason === 'edit' && settingsKey(checked) === settingsKey(state);
    const { refused, state: next, computed: nextSession } = shell.prepare({ ...candidate, cycles: 0 }, {
      validate: validateStepperState,
      compute: (checked) => (unchanged(checked) ? null : computeSession(engine, checked)),
      refusal: editProblemMessage,
    });
    if (refused) return refused;
    if (nextSession === null) return null;
    const previous = { state: copyState(state), session };
    if (reason === 'restart') next.step = 0;
    replaceState(next, nextSession);
    if (previous.state.cycles > 0) showResetNotice(previous, slot || ui.setup.noticeSlot, reason);
    else hideResetNotice();
    return null;
  }

  /** A candidate from the form that the schema refused: the field and the reason, and nothing changed. */
  function editProblemMessage(error) {
    const field = error && error.field && t.has(`invalid.field.${error.field}`)
      ? t(`invalid.field.${error.field}`) : t('invalid.field.state');
    const reason = error && t.has(`invalid.reason.${error.reason}`) ? t(`invalid.reason.${error.reason}`) : t('invalid.reason.format');
    return t('stepper.editRefused', { field, reason });
  }

  // "History reset — Undo": shown next to what was changed, until the next change.
  const resetNotice = h('div', { class: 'reset-notice', role: 'status', tabindex: '-1' });
  function showResetNotice(previous, slot, reason) {
    const n = previous.state.cycles;
    const undo = h('button', {
      type: 'button', class: 'action', 'data-action': 'undo-reset', text: t('stepper.undo'),
      onclick: () => {
        hideResetNotice();
        replaceState(previous.state, previous.session);
        const again = n === 1 ? t('stepper.restored.one') : t('stepper.restored.many', { n });
        resetNotice.replaceChildren(h('span', { text: again }));
        slot.append(resetNotice);
        resetNotice.focus({ preventScroll: true });
      },
    });
    const key = `stepper.reset.${reason === 'restart' ? 'restart' : 'edit'}.${n === 1 ? 'one' : 'many'}`;
    resetNotice.replaceChildren(h('span', { text: t(key, { n }) }), ' ', undo);
    slot.append(resetNotice);
  }
  function hideResetNotice() { resetNotice.remove(); }

  /** `n` more SGD steps from the current weights; the view stays at the end of the backward pass. */
  function applyUpdates(n) {
    if (state.step < total() || state.cycles + n > LIMITS.cycles[1]) return;
    const before = session.losses[session.losses.length - 1];
    let nextSession;
    try {
      nextSession = advanceSession(engine, state, session, n);
    } catch (error) {
      ui.training.showCheckError(shell.engineMessage(error));
      return;
    }
    hideResetNotice();
    const next = { ...copyState(state), cycles: state.cycles + n };
    next.step = nextSession.steps.length;
    replaceState(next, nextSession);
    const after = session.losses[session.losses.length - 1];
    ui.equation.liveRegion.textContent = n === 1
      ? t('training.announce', { n: state.cycles, before: formatNumber(before), after: formatNumber(after) })
      : t('training.announceMany', { count: n, n: state.cycles, before: formatNumber(before), after: formatNumber(after) });
  }

  const trainingActions = {
    setLearningRate: (value) => edit({ ...copyState(state), lr: value }, { slot: ui.training.noticeSlot }),
    applyUpdates,
    restart: () => edit(copyState(state), { slot: ui.training.noticeSlot, reason: 'restart' }),
    checkGradients: () => {
      try {
        ui.training.showCheck(checkGradients(engine, state, session.current));
      } catch (error) {
        ui.training.showCheckError(shell.engineMessage(error));
      }
    },
  };

  // --- rendering ----------------------------------------------------------------------------
  function build() {
    clear(body);
    const graph = createGraph(t);
    const graphBox = h('div', {
      class: 'graph-box', tabindex: '0', role: 'group', 'aria-label': t('graph.boxLabel'),
    }, graph.element);
    const legend = h('ul', { class: 'graph-legend', 'aria-label': t('legend.title') },
      h('li', {}, h('span', { class: 'legend-swatch legend-swatch--forward', 'aria-hidden': 'true', text: '=0.5' }), t('legend.forward')),
      h('li', {}, h('span', { class: 'legend-swatch legend-swatch--gradient', 'aria-hidden': 'true', text: '∂L/∂·' }),
        t('legend.gradient')),
      h('li', {}, h('span', { class: 'legend-swatch legend-swatch--local', 'aria-hidden': 'true', text: 'f′' }), t('legend.local')),
      h('li', {}, h('span', { class: 'legend-swatch legend-swatch--param', 'aria-hidden': 'true', text: 'w, b' }), t('legend.param')));
    ui = {
      graph, graphBox,
      controls: createControls(t, actions),
      equation: createEquationPanel(t),
      setup: createSetupPanel(t, { apply: (candidate) => edit(candidate, { slot: ui.setup.noticeSlot }) }),
      parameters: createParameterTable(t),
      training: createTrainingPanel(t, trainingActions),
    };
    body.append(
      ui.setup.element,
      h('div', { class: 'stepper-stage' }, ui.controls.element, ui.equation.element, graphBox, legend, ui.parameters.element),
      ui.training.element,
      ui.equation.liveRegion);
    shapeKey = '';
  }

  function describeNetwork() {
    const units = layerUnits(state);
    return t('setup.summary', {
      shape: [state.inputSize, ...units].join(' → '),
      activations: state.activations.map((spec) => t(`activation.${spec.name}`)).join(t('setup.summary.separator')),
      loss: t(`loss.${state.loss}.short`),
    });
  }

  function render() { keepingFocus(draw); }

  function draw() {
    const key = JSON.stringify([state.inputSize, state.hidden, state.activations, state.loss]);
    if (key !== shapeKey) {
      ui.graph.build({ inputSize: state.inputSize, units: layerUnits(state), activations: state.activations, loss: state.loss });
      shapeKey = key;
    }
    ui.setup.update(state, session.initial);
    ui.setup.summary.textContent = describeNetwork();
    ui.training.update({
      lr: state.lr, cycles: state.cycles, losses: session.losses, lastUpdate: session.lastUpdate, atEnd: state.step >= total(),
    });
    drawStep(false);
  }

  /**
   * Runs `draw`; if it disabled or removed the focused control of the widget (End at the end,
   * Step back at step 0, a rebuilt panel), focus goes to the widget itself so the keys still work.
   */
  function keepingFocus(draw) {
    const active = root.getRootNode().activeElement;
    const ours = active && active !== root && root.contains(active);
    draw();
    const now = root.getRootNode().activeElement;
    if (ours && (!active.isConnected || active.disabled) && (now === active || !root.contains(now))) {
      root.focus({ preventScroll: true });
    }
  }

  function renderStep(announce = true) { keepingFocus(() => drawStep(announce)); }

  function drawStep(announce) {
    const steps = session.steps;
    const shown = replay(steps, state.step);
    const step = state.step > 0 ? steps[state.step - 1] : null;
    const phase = state.step === 0 ? 'start' : state.step <= forwardEnd() ? 'forward' : 'backward';
    const units = layerUnits(state);
    ui.graph.update({ shown, highlights: highlightFor(step), parameters: session.current, inputs: state.inputs, target: state.target });
    ui.equation.update({
      step, index: state.step, total: total(), phase,
      context: { activations: state.activations, loss: state.loss, parameters: session.current, inputSize: state.inputSize, units },
    }, announce);
    ui.controls.update({ step: state.step, total: total(), endOfForward: forwardEnd(), playing: timer !== null, speed });
    ui.parameters.update({
      parameters: session.current, shown, step, shape: { units },
      crowded: units.some((n, l) => n > 1 && (l === 0 ? state.inputSize : units[l - 1]) > 1),
    });
    ui.training.setReady({ atEnd: state.step >= total(), cycles: state.cycles });
    root.dataset.step = String(state.step);
    root.dataset.phase = phase;
    scrollActiveIntoView();
  }

  /** At narrow widths the graph scrolls in its box: keep what is being computed in view. */
  function scrollActiveIntoView() {
    const box = ui.graphBox;
    const active = ui.graph.activeElements();
    if (active.length === 0 || box.scrollWidth <= box.clientWidth) return;
    const rects = active.map((element) => element.getBoundingClientRect()).filter((rect) => rect.width > 0);
    if (rects.length === 0) return;
    const left = Math.min(...rects.map((rect) => rect.left));
    const right = Math.max(...rects.map((rect) => rect.right));
    const boxRect = box.getBoundingClientRect();
    const margin = 12;
    if (left >= boxRect.left + margin && right <= boxRect.right - margin) return;
    const centre = (left + right) / 2 - (boxRect.left + boxRect.right) / 2;
    const fits = right - left <= boxRect.width - 2 * margin;
    box.scrollLeft += fits ? centre : left - boxRect.left - margin;
  }

  // --- start-up and the controller (kit/widget-shell.js) --------------------------------------
  return shell.start({
    defaultState,
    validate: validateStepperState,
    /** A link's state: computed, and its step must lie within the pass it computes. */
    open(loaded, candidate) {
      engine = loaded;
      const opened = computeSession(engine, candidate);
      if (candidate.step > opened.steps.length) throw new HashError('step', 'step');
      state = candidate;
      session = opened;
    },
    build() {
      stopPlaying();
      build();
      render();
    },
    apply,
    getState: () => copyState(state),
    teardown() {
      stopPlaying();
      unbindKeys();
    },
  });
}
