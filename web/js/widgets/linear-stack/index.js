// mountLinearStack(root, {lang, initialState, onStateChange, onInvalidState, engine})
// → {ready, setLang, setState, getState, destroy}.
// The article's figures 1–5: stack 1–5 linear maps y_k = w_k·y_(k−1) + b_k with editable weights
// and biases; the engine evaluates the composite map over a grid of x and it is always a straight
// line. Switch an activation on and the same stack, with f after every map, bends. Self-contained
// like the stepper: its own strings, engine handle and CSS (scoped by .actlab-lstack), no globals.
import { h, uid, clear } from '../../kit/dom.js';
import { formatNumber, texNumber } from '../../kit/format.js';
import { renderTex } from '../../kit/math.js';
import { createWidgetShell } from '../../kit/widget-shell.js';
import { fieldErrors } from '../../kit/field-error.js';
import {
  STACK_ACTIVATIONS, STACK_LIMITS, defaultLinearStackState, validateLinearStackState,
} from '../../kit/state/linear-stack-schema.js';
import { computeStack } from './compute.js';
import { activationName, activationTex } from '../../kit/activations.js';
import { createPlot } from '../../kit/plots/svg-plot.js';

const RANGE_CHOICES = [1, 3, 5, 10];
const STRAIGHT = 1e-9; // relative distance from a line below which the page calls a curve straight

const copy = (state) => ({ ...state, weights: [...state.weights], biases: [...state.biases] });

function plusTerm(expression, value) {
  if (value === 0) return expression;
  return value < 0 ? `${expression} - ${texNumber(-value)}` : `${expression} + ${texNumber(value)}`;
}

/** y = w_n(…(w_1 x + b_1)…) + b_n with the numbers, f(…) around each map when `f` is given. */
export function compositeTex(state, f = null) {
  let inner = 'x';
  state.weights.forEach((w, k) => {
    const product = inner === 'x' ? `${texNumber(w, { parens: true })}\\,x` : `${texNumber(w, { parens: true })}\\left(${inner}\\right)`;
    const mapped = plusTerm(product, state.biases[k]);
    inner = f ? `${f}\\!\\left(${mapped}\\right)` : mapped;
  });
  return inner;
}

export function mountLinearStack(root, options = {}) {
  const shell = createWidgetShell(root, options, { className: 'actlab-lstack', prefix: 'lstack', share: 'linear-stack' });
  const { t, body, notify } = shell;
  let engine = null;
  let state = defaultLinearStackState();
  let result = null;
  let ui = null;

  const fName = () => activationName(t, state.activation, 'lstack.name');

  /** A state from outside rebuilds the inputs; the reader's own edits leave them (and focus) alone. */
  function apply(candidate, { fromOutside = false } = {}) {
    const { refused, state: next, computed: nextResult } = shell.prepare(candidate, {
      validate: validateLinearStackState, compute: (checked) => computeStack(engine, checked),
    });
    if (refused) return refused;
    const rebuild = fromOutside || next.depth !== state.depth || next.range !== state.range;
    state = next;
    result = nextResult;
    if (rebuild) build(); else render();
    notify();
    return null;
  }

  function commit(candidate) {
    ui.errors.show(apply(candidate));
  }

  // --- controls -----------------------------------------------------------------------------
  function numberInput(field, label, value, onValue) {
    const id = uid('lstack');
    const input = h('input', {
      id, type: 'number', inputmode: 'decimal', step: 'any', min: -STACK_LIMITS.parameter, max: STACK_LIMITS.parameter,
      value: String(value), 'data-field': field,
      onchange: (event) => {
        const text = event.target.value.trim();
        onValue(text === '' ? NaN : Number(text));
      },
    });
    return h('span', { class: 'lstack-field' }, h('label', { for: id, text: label }), input);
  }

  function build() {
    const active = root.getRootNode().activeElement;
    const focusedField = active && root.contains(active) ? active.dataset.field : null;
    clear(body);
    const maps = h('ol', { class: 'lstack-maps', 'aria-label': t('lstack.mapsLabel') });
    state.weights.forEach((w, k) => {
      const formula = h('span', { class: 'lstack-map-formula', 'aria-hidden': 'true' });
      renderTex(formula, `y_{${k + 1}} = w_{${k + 1}}\\,${k === 0 ? 'x' : `y_{${k}}`} + b_{${k + 1}}`);
      maps.append(h('li', { class: 'lstack-map' },
        h('span', { class: 'lstack-map-head' },
          h('span', { class: 'lstack-map-name', text: t('lstack.map', { n: String(k + 1) }) }), formula),
        h('span', { class: 'lstack-map-fields' },
          numberInput(`w${k + 1}`, t('lstack.weight', { n: String(k + 1) }), w, (value) => {
            const next = copy(state); next.weights[k] = value; commit(next);
          }),
          numberInput(`b${k + 1}`, t('lstack.bias', { n: String(k + 1) }), state.biases[k], (value) => {
            const next = copy(state); next.biases[k] = value; commit(next);
          }))));
    });
    const addButton = h('button', {
      type: 'button', class: 'lstack-button', 'data-field': 'add', disabled: state.depth >= STACK_LIMITS.depth[1],
      text: t('lstack.add'),
      onclick: () => {
        const next = copy(state);
        next.depth += 1; next.weights.push(1); next.biases.push(0);
        commit(next);
      },
    });
    const removeButton = h('button', {
      type: 'button', class: 'lstack-button', 'data-field': 'remove', disabled: state.depth <= STACK_LIMITS.depth[0],
      text: t('lstack.remove'),
      onclick: () => {
        const next = copy(state);
        next.depth -= 1; next.weights.pop(); next.biases.pop();
        commit(next);
      },
    });
    const switchId = uid('lstack');
    const selectId = uid('lstack');
    const rangeId = uid('lstack');
    const switchInput = h('input', {
      id: switchId, type: 'checkbox', checked: state.active, 'data-field': 'active',
      onchange: (event) => commit({ ...copy(state), active: event.target.checked }),
    });
    const activationRow = h('div', { class: 'lstack-row' },
      h('span', { class: 'lstack-check' }, switchInput, h('label', { for: switchId, text: t('lstack.switch') })),
      h('span', { class: 'lstack-field' },
        h('label', { for: selectId, text: t('lstack.activation') }),
        h('select', {
          id: selectId, 'data-field': 'activation',
          onchange: (event) => { switchInput.checked = true; commit({ ...copy(state), activation: event.target.value, active: true }); },
        },
          STACK_ACTIVATIONS.map((name) => h('option', {
            value: name, text: activationName(t, name, 'lstack.option'), selected: name === state.activation,
          })))),
      h('span', { class: 'lstack-field' },
        h('label', { for: rangeId, text: t('lstack.range') }),
        h('select', {
          id: rangeId, 'data-field': 'range', onchange: (event) => commit({ ...copy(state), range: Number(event.target.value) }),
        },
          (RANGE_CHOICES.includes(state.range) ? RANGE_CHOICES : [...RANGE_CHOICES, state.range].sort((a, b) => a - b))
            .map((r) => h('option', {
              value: String(r), text: t('lstack.rangeOption', { r: formatNumber(r) }), selected: r === state.range,
            })))));
    const error = h('p', { class: 'lstack-error', role: 'alert', hidden: true });
    const formula = h('div', { class: 'lstack-formula' });
    const captionId = uid('lstack-caption');
    const plot = createPlot({ describedBy: captionId });
    const caption = h('p', { id: captionId, class: 'lstack-caption visually-hidden' });
    const verdicts = h('ul', { class: 'lstack-verdicts' });
    const tableTitleId = uid('lstack-table');
    const table = h('table', { class: 'lstack-samples', 'aria-labelledby': tableTitleId });
    const tableTitle = h('p', { id: tableTitleId, class: 'lstack-table-title', text: t('lstack.samplesCaption') });
    body.append(
      h('div', { class: 'lstack-editor' }, maps, h('div', { class: 'lstack-row' }, addButton, removeButton), activationRow, error),
      formula,
      h('figure', { class: 'lstack-figure' }, plot.element, caption),
      verdicts,
      tableTitle,
      h('div', { class: 'lstack-table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': tableTitleId }, table));
    if (ui && ui.plot) ui.plot.destroy();
    ui = { plot, caption, formula, verdicts, table, error, errors: fieldErrors(root, error, { move: false }) };
    render();
    if (focusedField) {
      const again = body.querySelector(`[data-field="${focusedField}"]`) || body.querySelector('[data-field="add"]');
      if (again && !again.disabled) again.focus();
    }
  }

  // --- rendering ----------------------------------------------------------------------------
  function lineText(shape) {
    const sign = shape.intercept < 0 ? '\u2212' : '+';
    return t('lstack.lineFormula', { slope: formatNumber(shape.slope), intercept: `${sign} ${formatNumber(Math.abs(shape.intercept))}` });
  }

  function render() {
    const f = fName();
    const { linear, bent, xs } = result;
    // Formula: the composite, then what the engine's outputs say it equals.
    const lines = [`y = ${compositeTex(state)} \\;=\\; ${texNumber(linear.shape.slope)}\\,x ${
      linear.shape.intercept < 0 ? '-' : '+'} ${texNumber(Math.abs(linear.shape.intercept))}`];
    if (bent) lines.push(`y = ${compositeTex(state, activationTex(t, state.activation))}`);
    ui.formula.replaceChildren(...lines.map((tex) => renderTex(h('div', { class: 'lstack-tex' }), `\\displaystyle ${tex}`)));

    const all = [...linear.ys, ...(bent ? bent.ys : [])].filter((y) => typeof y === 'number' && Number.isFinite(y));
    let low = Math.min(...all);
    let high = Math.max(...all);
    if (high - low < 1e-9) { low -= 1; high += 1; }
    const pad = (high - low) * 0.08;
    const series = [{
      points: xs.map((x, k) => [x, linear.ys[k]]), tone: 1, dash: bent ? 'dashed' : 'solid',
      label: t('lstack.legend.linear'),
    }];
    if (bent) {
      series.push({ points: xs.map((x, k) => [x, bent.ys[k]]), tone: 2, dash: 'solid', label: t('lstack.legend.bent', { name: f }) });
    }
    const markers = result.samples.map((x, k) => ({ x, y: linear.samples[k], tone: 1, shape: 'square', size: 4 }));
    if (bent) markers.push(...result.samples.map((x, k) => ({ x, y: bent.samples[k], tone: 2, shape: 'circle', size: 4 })));
    ui.plot.setLabel(t('lstack.plotLabel', { n: String(state.depth), r: formatNumber(state.range) }));
    ui.plot.draw({ x: { min: -state.range, max: state.range, label: 'x' }, y: { min: low - pad, max: high + pad }, series, markers });

    const straight = linear.shape.relative < STRAIGHT;
    const verdictItems = [h('li', { 'data-key': 'linear-verdict', 'data-deviation': String(linear.shape.deviation) },
      t(straight ? 'lstack.verdict.line' : 'lstack.verdict.lineRounding', {
        n: String(state.depth), line: lineText(linear.shape), count: String(xs.length),
        deviation: formatNumber(linear.shape.deviation, 2),
      }))];
    if (bent) {
      const bends = bent.shape.relative >= STRAIGHT;
      verdictItems.push(h('li', { 'data-key': 'bent-verdict', 'data-deviation': String(bent.shape.deviation) },
        t(bends ? 'lstack.verdict.bends' : 'lstack.verdict.noBend', { name: f, deviation: formatNumber(bent.shape.deviation, 3) })));
    } else {
      verdictItems.push(h('li', { class: 'lstack-hint', text: t('lstack.verdict.off') }));
    }
    ui.verdicts.replaceChildren(...verdictItems);

    // The sample points, full precision in data-value for anyone who wants to check.
    const head = h('tr', {}, h('th', { scope: 'col', text: 'x' }), h('th', { scope: 'col', text: t('lstack.column.linear') }),
      bent ? h('th', { scope: 'col', text: t('lstack.column.bent', { name: f }) }) : null);
    const rows = result.samples.map((x, k) => h('tr', {},
      h('th', { scope: 'row', 'data-value': String(x), text: formatNumber(x) }),
      h('td', { 'data-key': 'linear', 'data-value': String(linear.samples[k]), text: formatNumber(linear.samples[k], 6) }),
      bent ? h('td', { 'data-key': 'bent', 'data-value': String(bent.samples[k]), text: formatNumber(bent.samples[k], 6) }) : null));
    ui.table.replaceChildren(h('thead', {}, head), h('tbody', {}, rows));

    let caption = t('lstack.caption', {
      n: String(state.depth), r: formatNumber(state.range), line: lineText(linear.shape),
      deviation: formatNumber(linear.shape.deviation, 2),
    });
    if (bent) caption += ` ${t('lstack.caption.bent', { name: f, deviation: formatNumber(bent.shape.deviation, 3) })}`;
    ui.caption.textContent = caption;
    root.dataset.active = String(state.active);
    root.dataset.ready = 'true';
  }

  // --- start-up and the controller (kit/widget-shell.js) --------------------------------------
  return shell.start({
    defaultState: defaultLinearStackState,
    validate: validateLinearStackState,
    open(loaded, candidate) {
      engine = loaded;
      result = computeStack(engine, candidate);
      state = candidate;
    },
    build,
    apply: (candidate) => apply(candidate, { fromOutside: true }),
    getState: () => copy(state),
    teardown() {
      if (ui && ui.plot) ui.plot.destroy();
    },
  });
}
