// The frame every chapter figure shares: a <figure> with a visible title, a row of labelled
// controls, a status line (loading, engine errors), the content, and a visible summary of the key
// numbers that the figure's plots point to with aria-describedby (their text alternative). Also
// the figure's life (engine loaded when it comes into view, recomputed when the chapter's state
// changes) and form fields bound to the chapter's state.
import morphdom from '../../../vendor/morphdom/morphdom-esm.js';
import { h, uid } from '../../kit/dom.js';
import { loadEngine, engineErrorMessage } from '../../adapter/engine-loader.js';
import { formatNumber } from '../../kit/format.js';
import { createPlot } from '../../kit/plots/svg-plot.js';
import { fieldErrors } from '../../kit/field-error.js';
import { HashError } from '../../kit/state/hash.js';
import { allowedRange } from '../../kit/state/lab-fields.js';
import { fieldErrorMessage } from '../../kit/state/messages.js';

const controlKey = (node) => (node.dataset && (node.dataset.field || node.dataset.action)) || null;

export function figureFrame(host, { kind }) {
  const summaryId = uid('fig-summary');
  const caption = h('figcaption', { class: 'chapter-figure-title' });
  const controls = h('div', { class: 'chapter-figure-controls' });
  const status = h('p', { class: 'chapter-figure-status', role: 'status' });
  const content = h('div', { class: 'chapter-figure-content' });
  const summary = h('div', { class: 'chapter-figure-summary', id: summaryId });
  const figure = h('figure', { class: `chapter-figure chapter-figure--${kind}`, 'data-figure': kind, 'aria-busy': 'true' },
    caption, controls, status, content, summary);
  host.append(figure);
  return {
    figure, caption, controls, status, content, summary, summaryId,
    /**
     * The figure's controls, built anew on every render (labels and values follow the state and the
     * language), are morphed into the ones on the page (morphdom): the fields stay the same elements,
     * so the one being edited keeps keyboard focus and a Tab after an edit goes on to the next one.
     * Fields and buttons are matched by data-field / data-action (their ids are new on every render).
     * The field being typed in, and a refused one with its message (field-error.js), are left as the
     * learner has them.
     */
    setControls(...elements) {
      morphdom(controls, h('div', {}, ...elements), {
        childrenOnly: true,
        getNodeKey: controlKey,
        onBeforeElUpdated: (from) => from !== document.activeElement && from.getAttribute('aria-invalid') !== 'true',
        onBeforeNodeDiscarded: (node) => !(node.classList && node.classList.contains('field-error') && !node.hidden),
      });
    },
    setStatus(text, { error = false } = {}) {
      status.textContent = text || '';
      status.classList.toggle('is-error', error);
    },
    /** Marks the figure as drawn from engine numbers (tests wait for this). */
    done() {
      figure.dataset.state = 'ready';
      figure.setAttribute('aria-busy', 'false');
    },
    busy() {
      figure.dataset.state = 'computing';
      figure.setAttribute('aria-busy', 'true');
    },
    /** The engine refused or failed: its message in the status line. */
    failed(error, t) {
      this.setStatus(t('chapter.engineError', { message: error.message || String(error) }), { error: true });
    },
  };
}

/**
 * The life every engine figure shares: drawn at once (named, before any number), `start(engine)`
 * when it comes near the viewport (heavy figures wait for this, so the page is ready without them),
 * `onState()` when a link changes the chapter's state. Returns the figure's controller.
 */
function figureLife(frame, ctx, { render, start, onState }) {
  ctx.onState(onState);
  render();
  whenVisible(frame.figure, async () => {
    const engine = await engineFor(frame, () => ctx.t);
    if (engine) start(engine);
  });
  return { ready: Promise.resolve(), setLang: () => render() };
}

/**
 * A figure computed in one go from the chapter's state: `calculate(engine)` keeps its result,
 * `render()` draws everything; computed when it comes into view and after every change of state
 * (`onState()` first redraws what the state shows, e.g. the controls). compute() recomputes.
 */
export function computedFigure(frame, ctx, { calculate, render, onState = () => {}, first = render }) {
  let engine = null;
  function compute() {
    if (!engine) return;
    frame.busy();
    try {
      calculate(engine);
    } catch (error) {
      frame.failed(error, ctx.t);
      return;
    }
    frame.setStatus('');
    render();
    frame.done();
  }
  const life = figureLife(frame, ctx, {
    render: first,
    start: (loaded) => { engine = loaded; compute(); },
    onState: () => { onState(); compute(); },
  });
  return { ...life, setLang: () => render(), compute };
}

/**
 * The start every one-plot figure computed from the chapter's state shares: its frame, one plot that
 * the frame's summary describes, number fields bound to the state that recompute the figure, and
 * `compute(parts)`, which makes it a computedFigure (returns its controller).
 */
export function plotFigure(host, ctx, { kind, aspect = 0.5 }) {
  const frame = figureFrame(host, { kind });
  const plot = createPlot({ describedBy: frame.summaryId, aspect });
  frame.content.append(plot.element);
  let controller = null;
  return {
    frame,
    plot,
    t: () => ctx.t,
    field: stateNumberFields(ctx, () => controller.compute()),
    recompute: () => controller.compute(),
    mount: (parts) => { controller = computedFigure(frame, ctx, parts); return controller; },
  };
}

/** The shared engine, or null after showing the localized load error in the figure. */
async function engineFor(frame, t) {
  try {
    return await loadEngine();
  } catch (error) {
    frame.setStatus(engineErrorMessage(error, t()), { error: true });
    frame.figure.dataset.state = 'error';
    return null;
  }
}

/**
 * A figure whose computation takes seconds (training, timing): it starts when the figure comes
 * into view and starts again on restart() or, once started, on a new state; a run is abandoned as
 * soon as a newer one begins. `run(engine, current)` → true when it finished, where current() is
 * false once a newer run has begun. Two steps, so that render() may read `started` from the start:
 *   const runs = rerunnable(frame, ctx);  …  return runs.mount({ render, renderControls, run });
 */
export function rerunnable(frame, ctx) {
  let engine = null;
  let generation = 0;
  let started = false;
  let run = null;
  let renderControls = null;

  async function restart() {
    if (!engine) return;
    generation += 1;
    const mine = generation;
    const current = () => mine === generation;
    started = true;
    frame.busy();
    try {
      if (await run(engine, current) && current()) {
        frame.setStatus('');
        frame.done();
      }
    } catch (error) {
      if (current()) frame.failed(error, ctx.t);
    }
  }
  const restartIfStarted = () => { renderControls(); if (started) restart(); };

  return {
    get started() { return started; },
    restart,
    restartIfStarted,
    mount(parts) {
      ({ run, renderControls } = parts);
      return figureLife(frame, ctx, {
        render: parts.render,
        start: (loaded) => { engine = loaded; if (!started) restart(); },
        onState: restartIfStarted,
      });
    },
  };
}

/** Run `callback` once, when `element` comes near the viewport (heavy figures wait for this). */
export function whenVisible(element, callback) {
  if (typeof IntersectionObserver !== 'function') { callback(); return () => {}; }
  let fired = false;
  const observer = new IntersectionObserver((entries) => {
    if (fired || !entries.some((entry) => entry.isIntersecting)) return;
    fired = true;
    observer.disconnect();
    callback();
  }, { rootMargin: '400px 0px' });
  observer.observe(element);
  return () => observer.disconnect();
}

/** A labelled number input; calls onValue(number) on change (NaN for an empty field). */
function numberField({ label, value, min, max, step = 'any', field, onValue }) {
  const id = uid('fig');
  const input = h('input', {
    id, type: 'number', inputmode: 'decimal', min, max, step, value: String(value), 'data-field': field,
    onchange: (event) => {
      const text = event.target.value.trim();
      onValue(text === '' ? NaN : Number(text), event.target);
    },
  });
  return { element: h('span', { class: 'chapter-field' }, h('label', { for: id, text: label }), input), input };
}

/**
 * A number field bound to ctx.state[key]: a value in [low, high] (an integer if asked) goes into
 * the state and then `after()` runs; anything else changes nothing and gets a message next to the
 * field that names it, the value and what is allowed (field-error.js marks the field invalid).
 */
export function stateNumberField(ctx, { key, label, range: [low, high], integer = false, after }) {
  const message = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const field = numberField({
    label, value: ctx.state[key], min: low, max: high, step: integer ? 1 : 'any', field: key,
    onValue: (value, input) => {
      const ok = inRange(value, low, high, integer);
      if (ok === null) {
        const error = new HashError('range', key, { value, allowed: allowedRange(integer ? 'integer' : 'number', [low, high]) });
        // The label as it reads now: after a language switch the field is the same element (setControls).
        const name = input.labels && input.labels[0] ? input.labels[0].textContent : label;
        errors.show(fieldErrorMessage(error, ctx.t, { label: name }), input);
        return;
      }
      errors.clear();
      ctx.update({ [key]: ok });
      after();
    },
  });
  const errors = fieldErrors(field.element, message);
  return field;
}

/** stateNumberField for a figure with several: field(key, label, range, integer) → its element, `after` on each change. */
export const stateNumberFields = (ctx, after) => (key, label, range, integer = false) =>
  stateNumberField(ctx, { key, label, range, integer, after }).element;

/** A labelled select of [value, text] entries. */
export function selectField({ label, value, entries, field, onValue }) {
  const id = uid('fig');
  const select = h('select', { id, 'data-field': field, onchange: (event) => onValue(event.target.value, event.target) },
    entries.map(([optionValue, text]) => h('option', {
      value: String(optionValue), text, selected: String(optionValue) === String(value),
    })));
  return { element: h('span', { class: 'chapter-field' }, h('label', { for: id, text: label }), select), select };
}

/** Check a number against [low, high] (and integrality); returns the value or null. */
function inRange(value, low, high, integer = false) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (integer && !Number.isInteger(value)) return null;
  if (value < low || value > high) return null;
  return value;
}

/** A <dl> of key numbers: rows of [key, label, value (number), text]. */
export function keyNumbers(rows) {
  return h('dl', { class: 'chapter-keys' }, rows.flatMap(([key, label, value, text]) => [
    h('dt', { text: label }),
    h('dd', { 'data-key': key, 'data-value': typeof value === 'number' ? String(value) : null, text }),
  ]));
}

/**
 * formatNumber with at least as many significant digits as the number has integer digits, so
 * 1356 shows as "1356", not "1.36e+3" (from 10^5 up it switches to exponent notation anyway).
 */
export function fmt(value, digits = 4) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return formatNumber(value, digits);
  const integerDigits = Math.abs(value) >= 1 ? Math.floor(Math.log10(Math.abs(value))) + 1 : 1;
  return formatNumber(value, Math.max(digits, Math.min(integerDigits, 5)));
}
