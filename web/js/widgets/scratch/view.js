// What a run shows under the cell: text, tables and plots (drawn with the kit's SVG plot, which
// chapters use too), the run's outcome, and an error's message with its line in the cell's code.
// Everything the code sent is put in the page as text (textContent), never as HTML.
import { h } from '../../kit/dom.js';
import { formatNumber } from '../../kit/format.js';
import { createPlot } from '../../kit/plots/svg-plot.js';

const DASHES = ['solid', 'dashed', 'dotted', 'dashdot'];
const TONES = 5;

function tableItem(item, t) {
  const head = h('tr', {}, item.columns.map((name) => h('th', { scope: 'col', text: name })));
  const body = item.rows.map((row) => h('tr', {}, item.columns.map((_, k) => {
    const value = row[k] ?? null;
    return h('td', {
      class: typeof value === 'number' ? 'is-number' : '', text: typeof value === 'number' ? formatNumber(value, 6) : String(value),
    });
  })));
  const wrapper = h('div', { class: 'scratch-table-wrap', tabindex: '0', role: 'region', 'aria-label': t('scratch.output.table') },
    h('table', { class: 'scratch-table' }, h('thead', {}, head), h('tbody', {}, body)));
  if (item.omitted > 0) wrapper.append(h('p', { class: 'scratch-note', text: t('scratch.output.omitted', { n: String(item.omitted) }) }));
  return wrapper;
}

function extent(values, log) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return null;
  if (min === max) return log ? [min / 10, max * 10] : [min - (Math.abs(min) || 1) * 0.1, max + (Math.abs(max) || 1) * 0.1];
  if (log) return [min / 1.2, max * 1.2];
  const pad = (max - min) * 0.05;
  return [min - pad, max + pad];
}

/** The x values themselves as ticks when they are a few whole numbers; otherwise the plot chooses. */
function integerTicks(values) {
  const distinct = [...new Set(values.filter(Number.isFinite))];
  return distinct.length > 0 && distinct.length <= 12 && distinct.every(Number.isInteger) ? distinct.sort((a, b) => a - b) : undefined;
}

function plotItem(item, t, plots) {
  const x = extent(item.x, false);
  const y = extent(item.series.flatMap((entry) => entry.y), item.log);
  const label = item.title || t('scratch.output.plot');
  const caption = h('p', { class: 'scratch-note' });
  const figure = h('figure', { class: 'scratch-plot' });
  if (item.title) figure.append(h('figcaption', { class: 'scratch-plot-title', text: item.title }));
  if (!x || !y) {
    figure.append(h('p', { class: 'scratch-note', text: t('scratch.output.noPoints') }));
    return figure;
  }
  const plot = createPlot({ label, minHeight: 180, maxHeight: 300 });
  plots.push(plot);
  figure.append(plot.element, caption);
  plot.draw({
    // Whole-number x values (layers, ranks) get ticks at those numbers only.
    x: { min: x[0], max: x[1], label: item.xLabel, ticks: integerTicks(item.x) },
    y: { min: y[0], max: y[1], label: item.yLabel, log: item.log },
    series: item.series.map((entry, k) => ({
      label: item.series.length > 1 || entry.label !== 'y' ? entry.label : '',
      points: item.x.map((xv, i) => [xv, entry.y[i]]),
      tone: (k % TONES) + 1, dash: DASHES[k % DASHES.length],
    })),
  });
  // The text alternative: each series' first and last values.
  caption.textContent = item.series.map((entry) => {
    const finite = entry.y.filter(Number.isFinite);
    return finite.length ? `${entry.label}: ${formatNumber(finite[0], 4)} → ${formatNumber(finite[finite.length - 1], 4)}` : entry.label;
  }).join('; ');
  return figure;
}

/** The output area: append(item) while a run goes, finish({status, error}) at its end, clear() before the next. */
export function createOutput(t) {
  const list = h('div', { class: 'scratch-items' });
  const outcome = h('p', { class: 'scratch-outcome', role: 'status' });
  const element = h('div', { class: 'scratch-output', 'aria-label': t('scratch.output.label'), role: 'region' }, list, outcome);
  let plots = [];

  return {
    element,
    clear() {
      for (const plot of plots) plot.destroy();
      plots = [];
      list.replaceChildren();
      outcome.textContent = '';
      outcome.className = 'scratch-outcome';
      delete element.dataset.status;
      delete element.dataset.errorLine;
    },
    running() {
      element.dataset.status = 'running';
      outcome.textContent = t('scratch.status.running');
    },
    append(item) {
      if (item.kind === 'text') list.append(h('pre', { class: 'scratch-text', text: item.text }));
      else if (item.kind === 'table') list.append(tableItem(item, t));
      else if (item.kind === 'plot') list.append(plotItem(item, t, plots));
      else if (item.kind === 'limit') list.append(h('p', {
        class: 'scratch-note', text: t('scratch.output.limit', { n: String(item.limit) }),
      }));
    },
    /** The run's end in words; `where` is the error's line in the cell's code, when known. */
    finish({ status, error }, { limitSeconds, where = null }) {
      element.dataset.status = status;
      outcome.className = `scratch-outcome is-${status}`;
      if (status === 'ok') outcome.textContent = t('scratch.status.ok');
      else if (status === 'stopped') outcome.textContent = t('scratch.status.stopped');
      else if (status === 'timeout') outcome.textContent = t('scratch.status.timeout', { s: String(limitSeconds) });
      else {
        const message = `${error?.name || 'Error'}: ${error?.message || ''}`;
        outcome.textContent = where
          ? t('scratch.status.errorAt', { line: String(where.line), column: String(where.column), message })
          : t('scratch.status.error', { message });
        if (where) element.dataset.errorLine = String(where.line);
      }
    },
  };
}
