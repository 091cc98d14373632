// mountActivationPlot(root, {lang, initialState, onStateChange, onInvalidState, engine, activations})
// → {ready, setLang, setState, getState, destroy}.
// An activation and (optionally) its derivative, computed by the engine over a range, with a point
// the learner moves by dragging, clicking or with the keyboard (a labelled slider). Self-contained
// like the stepper: its own strings, its own engine handle, CSS scoped by .actlab-aplot, no globals.
import { h, uid, clear, listen } from '../../kit/dom.js';
import { formatNumber, formatPercent as percent } from '../../kit/format.js';
import { createWidgetShell } from '../../kit/widget-shell.js';
import { fieldErrors } from '../../kit/field-error.js';
import { HashError } from '../../kit/state/hash.js';
import {
  PLOT_ACTIVATIONS, PLOT_PARAMETERS, PLOT_COMPARISONS, defaultActivationPlotState, validateActivationPlotState,
} from '../../kit/state/activation-plot-schema.js';
import { computeCurves, computePoint } from './compute.js';
import { activationName } from '../../kit/activations.js';
import { createPlot } from '../../kit/plots/svg-plot.js';

const RANGE_CHOICES = [3, 6, 10, 20];
const POINT_STEP = 0.05;

const roundPoint = (value) => Number((Math.round(value / POINT_STEP) * POINT_STEP).toFixed(2));

/** Nice y-axis bounds around every plotted value. */
function yBounds(lists) {
  let low = Infinity;
  let high = -Infinity;
  for (const list of lists) {
    for (const value of list) {
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  if (!Number.isFinite(low)) return { min: -1, max: 1 };
  if (high - low < 1e-9) { low -= 0.5; high += 0.5; }
  const pad = (high - low) * 0.06;
  return { min: low - pad, max: high + pad };
}

export function mountActivationPlot(root, options = {}) {
  const choices = Array.isArray(options.activations) && options.activations.length > 0
    ? options.activations.filter((name) => PLOT_ACTIVATIONS.includes(name)) : [...PLOT_ACTIVATIONS];
  const shell = createWidgetShell(root, options, { className: 'actlab-aplot', prefix: 'aplot', share: 'activation-plot' });
  const { t, body, notify } = shell;
  let engine = null;
  let state = defaultActivationPlotState(choices[0]);
  let curves = null;
  let point = null;
  let ui = null;

  /** The schema's check, and the activation must be one this plot offers. */
  function validate(candidate) {
    const next = validateActivationPlotState(candidate);
    if (!choices.includes(next.activation)) throw new HashError('activation', 'act');
    return next;
  }

  const name = () => activationName(t, state.activation, 'aplot.name');

  /**
   * Validate, compute and show a candidate state. Returns a localized error or null. A state from
   * outside (a link, the host) rebuilds the controls; the reader's own edits leave them in place, so
   * focus and Tab order are undisturbed.
   */
  function apply(candidate, { fromOutside = false } = {}) {
    const curvesChange = (next) => !curves || next.activation !== state.activation || next.parameter !== state.parameter ||
      next.range !== state.range || next.compare !== state.compare;
    const { refused, state: next, computed } = shell.prepare(candidate, {
      validate,
      compute: (checked) => ({
        curves: curvesChange(checked) ? computeCurves(engine, checked) : curves, point: computePoint(engine, checked),
      }),
    });
    if (refused) return refused;
    const curvesChanged = computed.curves !== curves;
    const rebuild = next.activation !== state.activation || next.range !== state.range ||
      (fromOutside && (curvesChanged || next.derivative !== state.derivative));
    state = next;
    ({ curves, point } = computed);
    if (rebuild) build(); else render();
    notify();
    return null;
  }

  function showFieldError(message) {
    ui.errors.show(message);
  }

  // --- building the controls ----------------------------------------------------------------
  function selectField(label, value, entries, onValue, field) {
    const id = uid('aplot');
    const select = h('select', { id, 'data-field': field, onchange: (event) => onValue(event.target.value) },
      entries.map(([optionValue, text]) => h('option', {
        value: String(optionValue), text, selected: String(optionValue) === String(value),
      })));
    return h('span', { class: 'aplot-field' }, h('label', { for: id, text: label }), select);
  }

  function build() {
    const active = root.getRootNode().activeElement;
    const focusedField = active && root.contains(active) ? active.dataset.field : null;
    clear(body);
    const controls = h('div', { class: 'aplot-controls' });
    if (choices.length > 1) {
      controls.append(selectField(t('aplot.activation'), state.activation,
        choices.map((choice) => [choice, activationName(t, choice, 'aplot.option')]), (value) => {
          const fresh = defaultActivationPlotState(value);
          showFieldError(apply({
            ...fresh, point: Math.max(-state.range, Math.min(state.range, state.point)), range: state.range, derivative: state.derivative,
          }));
        }, 'activation'));
    }
    const parameter = PLOT_PARAMETERS[state.activation];
    if (parameter) {
      const id = uid('aplot');
      const input = h('input', {
        id, type: 'number', inputmode: 'decimal', step: 'any', min: parameter.range[0], max: parameter.range[1],
        value: String(state.parameter), 'data-field': 'parameter',
        onchange: (event) => {
          const text = event.target.value.trim();
          showFieldError(apply({ ...state, parameter: text === '' ? NaN : Number(text) }));
        },
      });
      controls.append(h('span', { class: 'aplot-field' },
        h('label', { for: id, text: t(`aplot.parameter.${state.activation}`) }), input));
    }
    const ranges = RANGE_CHOICES.includes(state.range) ? RANGE_CHOICES : [...RANGE_CHOICES, state.range].sort((a, b) => a - b);
    controls.append(selectField(t('aplot.range'), state.range,
      ranges.map((r) => [r, t('aplot.rangeOption', { r: formatNumber(r) })]), (value) => {
        const range = Number(value);
        showFieldError(apply({ ...state, range, point: Math.max(-range, Math.min(range, state.point)) }));
      }, 'range'));
    if (state.activation === 'tanh' && options.compare !== false) {
      controls.append(selectField(t('aplot.compare'), state.compare,
        PLOT_COMPARISONS.map((kind) => [kind, t(`aplot.compare.${kind}`)]),
        (value) => showFieldError(apply({ ...state, compare: value })), 'compare'));
    }
    const derivativeId = uid('aplot');
    controls.append(h('span', { class: 'aplot-check' },
      h('input', {
        id: derivativeId, type: 'checkbox', checked: state.derivative, 'data-field': 'derivative',
        onchange: (event) => showFieldError(apply({ ...state, derivative: event.target.checked })),
      }),
      h('label', { for: derivativeId, text: t('aplot.derivative') })));

    const captionId = uid('aplot-caption');
    const plot = createPlot({ label: '', describedBy: captionId });
    const caption = h('p', { id: captionId, class: 'aplot-caption visually-hidden' });
    plot.svg.addEventListener('pointerdown', onPointerDown);

    const sliderId = uid('aplot');
    const slider = h('input', {
      id: sliderId, type: 'range', class: 'aplot-slider', min: -state.range, max: state.range, step: POINT_STEP,
      value: String(state.point), 'data-field': 'point',
      oninput: (event) => showFieldError(apply({ ...state, point: roundPoint(Number(event.target.value)) })),
    });
    const pointOutput = h('output', { for: sliderId, class: 'aplot-point-value' });
    const pointRow = h('div', { class: 'aplot-point' },
      h('label', { for: sliderId, text: t('aplot.point') }), slider, pointOutput);
    const readout = h('dl', { class: 'aplot-readout' });
    const error = h('p', { class: 'aplot-error', role: 'alert', hidden: true });
    body.append(controls, error, h('figure', { class: 'aplot-figure' }, plot.element, caption), pointRow, readout);
    if (ui && ui.plot) ui.plot.destroy();
    ui = { plot, caption, slider, pointOutput, readout, error, errors: fieldErrors(root, error, { move: false }) };
    render();
    if (focusedField) {
      const again = body.querySelector(`[data-field="${focusedField}"]`);
      if (again) again.focus();
    }
  }

  // --- pointer: drag or click on the plot moves the point ------------------------------------
  let dragging = false;
  let pendingX = null;
  function movePointerTo(clientX) {
    const x = ui.plot.xFromClient(clientX);
    if (x === null) return;
    const next = roundPoint(x);
    if (next !== state.point) showFieldError(apply({ ...state, point: Math.max(-state.range, Math.min(state.range, next)) }));
  }
  function onPointerDown(event) {
    if (!curves) return;
    dragging = true;
    try { event.currentTarget.setPointerCapture(event.pointerId); } catch { /* not capturable */ }
    movePointerTo(event.clientX);
    const svg = event.currentTarget;
    const move = (moveEvent) => {
      if (!dragging) return;
      pendingX = moveEvent.clientX;
      requestAnimationFrame(() => {
        if (pendingX !== null) { movePointerTo(pendingX); pendingX = null; }
      });
    };
    const up = () => { dragging = false; stop(); };
    const stop = listen(svg, { pointermove: move, pointerup: up, pointercancel: up });
  }

  // --- rendering ----------------------------------------------------------------------------
  function readoutRow(key, label, value, text) {
    return [
      h('dt', { text: label }),
      h('dd', { 'data-key': key, 'data-value': typeof value === 'number' ? String(value) : null, text }),
    ];
  }

  function render() {
    const f = name();
    const y = formatNumber(state.point);
    const lists = [curves.values];
    if (state.derivative) lists.push(curves.derivatives);
    if (curves.compare) lists.push(curves.compare.values);
    const bounds = yBounds(lists);
    const points = (values) => curves.xs.map((x, k) => [x, values[k]]);
    const series = [{ points: points(curves.values), tone: 1, dash: 'solid', label: t('aplot.legend.value', { name: f }) }];
    if (state.derivative) {
      series.push({ points: points(curves.derivatives), tone: 2, dash: 'dashed', label: t('aplot.legend.derivative', { name: f }) });
    }
    if (curves.compare) {
      series.push({
        points: points(curves.compare.values), tone: 3, dash: 'dotted',
        label: t(curves.compare.kind === 'tanh-identity' ? 'aplot.legend.identity' : 'aplot.legend.article'),
      });
    }
    const markers = [{ x: point.y, y: point.value, tone: 1, shape: 'circle', text: formatNumber(point.value, 3) }];
    if (state.derivative) {
      markers.push({
        x: point.y, y: point.derivative, tone: 2, shape: 'square', text: formatNumber(point.derivative, 3),
        textBelow: point.derivative < point.value,
      });
    }
    if (curves.compare) markers.push({ x: point.y, y: point.compare.value, tone: 3, shape: 'diamond', hollow: true });
    const guides = [{ x: point.y, tone: 'muted', dash: 'dotted' }];
    if (state.derivative && curves.peak !== null && curves.peak <= bounds.max) guides.push({ y: curves.peak, tone: 2, dash: 'dotted' });
    ui.plot.setLabel(t('aplot.plotLabel', { name: f, r: formatNumber(state.range) }));
    ui.plot.draw({
      x: { min: -state.range, max: state.range, label: 'y' },
      y: { ...bounds },
      series, markers, guides,
    });

    ui.slider.value = String(state.point);
    ui.pointOutput.textContent = `y = ${y}`;
    ui.slider.setAttribute('aria-valuetext', t('aplot.valuetext', {
      y, name: f, value: formatNumber(point.value), derivative: formatNumber(point.derivative),
    }));

    const rows = [
      ...readoutRow('value', t('aplot.readout.value', { name: f, y }), point.value, formatNumber(point.value)),
      ...readoutRow('derivative', t('aplot.readout.derivative', { name: f, y }), point.derivative, formatNumber(point.derivative)),
      ...readoutRow('peak', t('aplot.readout.peak', { name: f }), curves.peak, formatNumber(curves.peak)),
      ...readoutRow('saturation', t('aplot.readout.saturation'), curves.statistics.saturation, percent(curves.statistics.saturation)),
      ...readoutRow('sparsity', t('aplot.readout.sparsity'), curves.statistics.sparsity, percent(curves.statistics.sparsity)),
      ...readoutRow('mean', t('aplot.readout.mean'), curves.statistics.mean, formatNumber(curves.statistics.mean)),
    ];
    if (curves.compare && curves.compare.kind === 'tanh-identity') {
      rows.push(...readoutRow('identity-gap', t('aplot.readout.identityGap'), curves.compare.gap, formatNumber(curves.compare.gap, 2)));
    } else if (curves.compare) {
      rows.push(...readoutRow('article-value', t('aplot.readout.articleValue', { y }), point.compare.value,
        formatNumber(point.compare.value)));
      rows.push(...readoutRow('half-tanh', t('aplot.readout.halfTanh', { half: formatNumber(state.point / 2) }), point.compare.halfTanh,
        formatNumber(point.compare.halfTanh)));
      rows.push(...readoutRow('article-gap', t('aplot.readout.articleGap'), curves.compare.halfGap,
        formatNumber(curves.compare.halfGap, 2)));
    }
    ui.readout.replaceChildren(...rows);

    let caption = t('aplot.caption', {
      name: f, r: formatNumber(state.range), n: String(curves.xs.length), y,
      value: formatNumber(point.value), derivative: formatNumber(point.derivative), peak: formatNumber(curves.peak),
      saturation: percent(curves.statistics.saturation), sparsity: percent(curves.statistics.sparsity),
      mean: formatNumber(curves.statistics.mean),
    });
    if (curves.compare && curves.compare.kind === 'tanh-identity') {
      caption += ` ${t('aplot.caption.identity', { gap: formatNumber(curves.compare.gap, 2) })}`;
    } else if (curves.compare) {
      caption += ` ${t('aplot.caption.article', {
        y, article: formatNumber(point.compare.value), half: formatNumber(state.point / 2), halfTanh: formatNumber(point.compare.halfTanh),
        value: formatNumber(point.value),
      })}`;
    }
    ui.caption.textContent = caption;
    root.dataset.activation = state.activation;
    root.dataset.ready = 'true';
  }

  // --- start-up and the controller (kit/widget-shell.js) --------------------------------------
  return shell.start({
    defaultState: () => defaultActivationPlotState(choices[0]),
    validate,
    open(loaded, candidate) {
      engine = loaded;
      curves = computeCurves(engine, candidate);
      point = computePoint(engine, candidate);
      state = candidate;
    },
    build,
    apply: (candidate) => apply(candidate, { fromOutside: true }),
    getState: () => ({ ...state }),
    teardown() {
      if (ui && ui.plot) ui.plot.destroy();
    },
  });
}
