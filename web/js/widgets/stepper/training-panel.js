// SGD one step (or 10, or 100) at a time: learning rate, "apply update", the last update
// (old → new), the loss history, and the engine's finite-difference gradient check.
import { h, s, clear } from '../../kit/dom.js';
import { formatNumber } from '../../kit/format.js';
import { texElement } from '../../kit/math.js';
import { LIMITS } from '../../kit/state/stepper-schema.js';
import { sub, layerMark, unitName } from './graph.js';
import { FIELD_RULES, numberInput } from './fields.js';

/** How many updates each "apply" button takes. */
export const UPDATE_BATCHES = [1, 10, 100];

/**
 * createTrainingPanel(t, actions) → {element, noticeSlot, update(view), setReady(view), showCheck(result), showCheckError(message)}
 * actions: {setLearningRate(value) → error|null, applyUpdates(n), restart(), checkGradients()}
 */
export function createTrainingPanel(t, actions) {
  const lrField = h('span', { class: 'number-field' });
  const errorSlot = h('div', { class: 'field-error-slot' });
  const lrInput = numberInput(t, {
    label: t('training.learningRate'), value: '', rule: FIELD_RULES.lr, field: 'lr', slot: () => errorSlot,
    onValue: (value) => actions.setLearningRate(value),
  });
  lrField.append(h('label', { for: lrInput.id, text: t('training.learningRate') }), lrInput);
  const applyButtons = UPDATE_BATCHES.map((n) => h('button', {
    type: 'button', class: n === 1 ? 'action action--primary' : 'action', 'data-action': n === 1 ? 'apply-update' : `apply-${n}`,
    'data-count': n, onclick: () => actions.applyUpdates(n), text: n === 1 ? t('training.apply') : t('training.applyMany', { n }),
  }));
  const restartButton = h('button', {
    type: 'button', class: 'action', 'data-action': 'restart', onclick: actions.restart, text: t('training.restart'),
  });
  const checkButton = h('button', {
    type: 'button', class: 'action', 'data-action': 'check-gradients', onclick: actions.checkGradients, text: t('training.check'),
  });
  const hint = h('p', { class: 'setup-hint training-hint' });
  const noticeSlot = h('div', { class: 'notice-slot' });
  const updateBox = h('div', { class: 'update-result', 'aria-live': 'polite' });
  const historyBox = h('div', { class: 'loss-history' });
  const checkBox = h('div', { class: 'check-result', 'aria-live': 'polite' });

  const element = h('section', { class: 'stepper-training', 'aria-label': t('training.title') },
    h('h3', { class: 'panel-title', text: t('training.title') }),
    h('div', { class: 'field-row' }, lrField, h('span', { class: 'apply-group' }, applyButtons)),
    errorSlot,
    h('div', { class: 'field-row' }, restartButton, checkButton),
    noticeSlot, hint, historyBox, updateBox, checkBox);

  function parameterRows(lastUpdate) {
    const rows = [];
    lastUpdate.before.forEach((layer, l) => {
      const grads = lastUpdate.gradients[l];
      const after = lastUpdate.after[l];
      layer.weights.forEach((row, j) => {
        row.forEach((w, i) => rows.push(
          [`w${sub(j + 1)}${sub(i + 1)}${layerMark(l)}`, w, grads.grad_weights[j][i], after.weights[j][i], `w:${l}:${j}:${i}`]));
        rows.push([unitName('b', l, j), layer.biases[j], grads.grad_biases[j], after.biases[j], `b:${l}:${j}`]);
      });
      if (layer.alpha) {
        layer.alpha.forEach((a, k) => rows.push(
          [layer.alpha.length > 1 ? unitName('α', l, k) : `α${layerMark(l)}`, a,
            grads.grad_alpha[k], after.alpha[k], `alpha:${l}:${k}`]));
      }
    });
    return rows;
  }

  function renderUpdate(cycles, lastUpdate) {
    clear(updateBox);
    if (!lastUpdate) return;
    updateBox.append(
      h('h4', { class: 'panel-subtitle', text: t('training.lastUpdate', { n: cycles }) }),
      texElement('\\theta_{\\text{new}} = \\theta_{\\text{old}} - \\eta\\,\\frac{\\partial L}{\\partial \\theta}',
        { tag: 'p', className: 'tex tex--block' }),
      h('div', { class: 'table-scroll' }, h('table', { class: 'update-table' },
        h('thead', {}, h('tr', {}, ['parameter', 'old', 'gradient', 'new']
          .map((key) => h('th', { scope: 'col', text: t(`training.column.${key}`) })))),
        h('tbody', {}, parameterRows(lastUpdate).map(([name, before, grad, after, key]) => h('tr', { 'data-key': key },
          h('th', { scope: 'row', text: name }),
          h('td', { 'data-value': String(before), text: formatNumber(before) }),
          h('td', { 'data-value': String(grad), text: formatNumber(grad) }),
          h('td', { 'data-value': String(after) }, h('span', { 'aria-hidden': 'true', class: 'arrow', text: '→ ' }),
            formatNumber(after))))))));
  }

  function renderHistory(losses) {
    clear(historyBox);
    historyBox.append(h('h4', { class: 'panel-subtitle', text: t('training.history') }));
    if (losses.length < 2) {
      historyBox.append(h('p', { class: 'setup-hint', text: t('training.historyEmpty', { loss: formatNumber(losses[0]) }) }));
      return;
    }
    const first = losses[0];
    const last = losses[losses.length - 1];
    historyBox.append(
      h('p', { class: 'loss-summary', 'data-first': String(first), 'data-last': String(last), text: t('training.historySummary', {
        n: losses.length - 1, first: formatNumber(first), last: formatNumber(last),
      }) }),
      lossChart(losses, t),
      h('details', { class: 'loss-details' }, h('summary', { text: t('training.historyAll', { n: losses.length }) }),
        h('ol', { class: 'loss-list', start: 0 }, losses.map((loss, k) => h('li', {
          'data-value': String(loss), text: t('training.historyItem', { n: k, loss: formatNumber(loss) }),
        })))));
  }

  /**
   * After every step: the apply buttons work at the end of the backward pass (every gradient is
   * known) and while the history has room for that many more updates.
   */
  function setReady({ atEnd, cycles }) {
    const room = LIMITS.cycles[1] - cycles;
    applyButtons.forEach((button, k) => { button.disabled = !atEnd || UPDATE_BATCHES[k] > room; });
    if (room <= 0) hint.textContent = t('training.hintLimit', { max: LIMITS.cycles[1] });
    else hint.textContent = atEnd ? t('training.hintReady') : t('training.hintFinish');
  }

  /** After the state or the engine's answers changed. */
  function update({ lr, cycles, losses, lastUpdate, atEnd }) {
    if (lrInput.getRootNode().activeElement !== lrInput) lrInput.value = String(lr); // shadow-root aware
    restartButton.hidden = cycles === 0;
    setReady({ atEnd, cycles });
    renderUpdate(cycles, lastUpdate);
    renderHistory(losses);
  }

  function showCheck(result) {
    clear(checkBox);
    checkBox.append(
      h('h4', { class: 'panel-subtitle', text: t('training.checkTitle') }),
      h('p', { class: 'check-summary', 'data-value': String(result.max_relative_error), text: t('training.checkResult', {
        error: formatNumber(result.max_relative_error, 2), parameter: result.worst_parameter,
        analytic: formatNumber(result.analytic, 8), numeric: formatNumber(result.numeric, 8), count: result.parameters_checked,
      }) }),
      h('p', { class: 'setup-hint', text: t(result.max_relative_error < 1e-5 ? 'training.checkGood' : 'training.checkBad') }));
  }

  function showCheckError(message) {
    clear(checkBox);
    checkBox.append(h('p', { class: 'field-error', text: message }));
  }

  return { element, noticeSlot, update, setReady, showCheck, showCheckError, clearCheck: () => clear(checkBox) };
}

/** A small line chart of the loss per update cycle (values from the engine). */
function lossChart(losses, t) {
  const width = 320;
  const height = 120;
  const pad = { left: 44, right: 10, top: 10, bottom: 24 };
  const finite = losses.filter((v) => Number.isFinite(v));
  const max = Math.max(...finite);
  const min = Math.min(0, ...finite);
  const span = max - min || 1;
  const x = (k) => pad.left + (k / Math.max(1, losses.length - 1)) * (width - pad.left - pad.right);
  const y = (v) => pad.top + (1 - (v - min) / span) * (height - pad.top - pad.bottom);
  const points = losses.map((v, k) => (Number.isFinite(v) ? `${x(k)},${y(v)}` : null)).filter(Boolean).join(' ');
  return s('svg', {
    class: 'loss-chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': t('training.chartLabel', {
      first: formatNumber(losses[0]), last: formatNumber(losses[losses.length - 1]), n: losses.length - 1,
    }),
  },
    s('line', { class: 'axis', x1: pad.left, y1: height - pad.bottom, x2: width - pad.right, y2: height - pad.bottom }),
    s('line', { class: 'axis', x1: pad.left, y1: pad.top, x2: pad.left, y2: height - pad.bottom }),
    s('text', {
      class: 'axis-label', x: pad.left - 4, y: y(max), 'text-anchor': 'end', 'dominant-baseline': 'central', text: formatNumber(max, 3),
    }),
    s('text', {
      class: 'axis-label', x: pad.left - 4, y: y(min), 'text-anchor': 'end', 'dominant-baseline': 'central', text: formatNumber(min, 3),
    }),
    s('text', {
      class: 'axis-label', x: (pad.left + width - pad.right) / 2, y: height - 4, 'text-anchor': 'middle', text: t('training.chartAxis'),
    }),
    s('text', { class: 'axis-label', x: x(0), y: height - 4, 'text-anchor': 'start', text: '0' }),
    s('text', { class: 'axis-label', x: x(losses.length - 1), y: height - 4, 'text-anchor': 'end', text: String(losses.length - 1) }),
    s('polyline', { class: 'loss-line', points }),
    losses.length > 40
      ? null
      : losses.map((v, k) => (Number.isFinite(v) ? s('circle', { class: 'loss-point', cx: x(k), cy: y(v), r: 3 }) : null)));
}
