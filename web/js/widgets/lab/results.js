// The lab's results, one column per activation: a summary table, the loss over training, the
// gradient norm per layer on a log scale, a per-layer table (saturation, sparsity, dead units,
// gradient norm), and the per-layer histograms of pre-activations and activations. Every number is
// the engine's (snapshot.runs[k].layers from session.measure); this file formats and draws.
import { h, uid } from '../../kit/dom.js';
import { createLineChart, createHistogram } from '../../kit/plots/index.js';
import { readPlotTheme, seriesStyle, onThemeChange } from '../../kit/plots/theme.js';
import { activationLabel, percent, number } from '../../kit/experiment/labels.js';
import { rovingTable } from '../../kit/experiment/definitions.js';
import { deadHidden, meanHidden, activationRange, PRE_ACTIVATION_RANGE } from './model.js';

const HIST_WIDTH = 116;
const HIST_HEIGHT = 34;

/**
 * createLabResults(t, definitions, state) → {element, update({snapshot, history}), destroy()}
 * Built for one experiment (its shape and activations); rebuilt when those change.
 */
export function createLabResults(t, definitions, state) {
  const names = state.activations.map((spec) => activationLabel(spec, t));
  const layerName = (l) => (l < state.depth ? t('lab.layer.hidden', { n: l + 1 }) : t('lab.layer.output'));
  const layerCount = state.depth + 1;

  // --- summary table ---------------------------------------------------------------------------
  const summaryCols = ['loss', 'saturation', 'sparsity', 'dead', 'grad_first', 'grad_last'];
  const statOf = {
    loss: 'loss', saturation: 'saturation', sparsity: 'sparsity', dead: 'dead', grad_first: 'gradient_norm', grad_last: 'gradient_norm',
  };
  const summaryCells = names.map((name, k) => summaryCols.map((col) => definitions.attach(
    h('td', { 'data-col': col, 'data-run': String(k) }), statOf[col], () => t(`lab.summary.context.${col}`, { name }))));
  const summaryTable = h('table', { class: 'lab-summary-table' },
    h('caption', { text: t('lab.summary.caption') }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('lab.summary.activation') }),
      summaryCols.map((col) => h('th', { scope: 'col', text: t(`lab.summary.${col}`) })))),
    h('tbody', {}, names.map((name, k) => h('tr', { 'data-run': String(k) },
      h('th', { scope: 'row' }, swatchFor(k), h('span', { text: name })), summaryCells[k]))));
  const summaryRoving = rovingTable(summaryTable);

  // --- charts -----------------------------------------------------------------------------------
  const lossChart = createLineChart({
    label: t('lab.chart.loss'), xLabel: t('lab.chart.step'), yLabel: t('lab.chart.lossAxis'), log: true,
    series: names.map((label) => ({ label })), height: 200,
  });
  const gradChart = createLineChart({
    label: t('lab.chart.grad'), xLabel: t('lab.chart.layer'), yLabel: t('lab.chart.gradAxis'), log: true, xInteger: true,
    series: names.map((label) => ({ label })), height: 200, legendValue: 'none',
    formatX: (v) => (v === layerCount ? t('lab.chart.out') : String(v)),
  });
  const logToggleId = uid('log');
  const logToggle = h('input', {
    type: 'checkbox', id: logToggleId, checked: true, 'data-field': 'loss-log', onchange: (e) => lossChart.setLog(e.target.checked),
  });
  const charts = h('div', { class: 'lab-charts' },
    h('div', { class: 'lab-chart' }, lossChart.element,
      h('span', { class: 'check-field' }, logToggle, h('label', { for: logToggleId, text: t('lab.chart.logScale') }))),
    h('div', { class: 'lab-chart' }, gradChart.element));

  // --- per-layer table --------------------------------------------------------------------------
  const layerStats = ['saturation', 'sparsity', 'dead', 'gradient_norm'];
  const layerCells = [];
  const layerRows = [];
  for (let l = 0; l < layerCount; l += 1) {
    const row = [];
    const cells = [];
    names.forEach((name, k) => {
      for (const stat of layerStats) {
        const td = h('td', {
          'data-layer': String(l), 'data-run': String(k), 'data-col': stat, class: stat === layerStats[0] ? 'group-start' : null,
        });
        const cell = definitions.attach(td, stat, () => t('lab.layer.context', { name, layer: layerName(l) }));
        row.push(cell);
        cells.push(cell);
      }
    });
    layerCells.push(cells);
    layerRows.push(h('tr', { 'data-layer': String(l) }, h('th', { scope: 'row', text: layerName(l) }), row));
  }
  const layerTable = h('table', { class: 'lab-layer-table' },
    h('caption', { text: t('lab.layers.caption') }),
    h('thead', {},
      h('tr', {}, h('td', {}), names.map((name, k) => h('th', {
        scope: 'colgroup', colspan: String(layerStats.length), class: 'group-start',
      }, swatchFor(k), h('span', { text: name })))),
      h('tr', {}, h('th', { scope: 'col', text: t('lab.layers.layer') }),
        names.flatMap(() => layerStats.map((stat, i) => h('th', {
          scope: 'col', class: i === 0 ? 'group-start' : null, text: t(`lab.layers.${stat}`),
        }))))),
    h('tbody', {}, layerRows));
  const layerRoving = rovingTable(layerTable);

  // --- histograms ---------------------------------------------------------------------------------
  const histograms = [];
  const histRows = [];
  for (let l = 0; l < state.depth; l += 1) {
    const row = [];
    histograms.push(names.map((name, k) => {
      const pre = createHistogram({ width: HIST_WIDTH, height: HIST_HEIGHT, className: 'hist-pre' });
      const act = createHistogram({ width: HIST_WIDTH, height: HIST_HEIGHT, className: 'hist-act' });
      row.push(h('td', { 'data-layer': String(l), 'data-run': String(k) },
        h('div', { class: 'hist-pair' },
          h('span', { class: 'hist-tag', 'aria-hidden': 'true', text: 'z' }), pre.element,
          h('span', { class: 'hist-tag', 'aria-hidden': 'true', text: 'a' }), act.element)));
      return { pre, act };
    }));
    histRows.push(h('tr', {}, h('th', { scope: 'row', text: t('lab.layer.short', { n: l + 1 }) }), row));
  }
  const histTable = h('table', { class: 'lab-hist-table' },
    h('caption', { text: t('lab.hist.caption') }),
    h('thead', {}, h('tr', {}, h('td', {}), state.activations.map((spec, k) => {
      const [lo, hi] = activationRange(spec.name);
      const [zlo, zhi] = PRE_ACTIVATION_RANGE;
      return h('th', { scope: 'col' }, swatchFor(k), h('span', { text: names[k] }),
        h('span', { class: 'hist-range', text: t('lab.hist.ranges', { zlo, zhi, alo: lo, ahi: hi }) }));
    }))),
    h('tbody', {}, histRows));
  const histDetails = h('details', { class: 'lab-hist', open: state.depth <= 12 },
    h('summary', { text: t('lab.hist.title') }),
    h('p', { class: 'setup-hint', text: t('lab.hist.about') }),
    h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('lab.hist.title') }, histTable));

  const element = h('section', { class: 'lab-results', 'aria-label': t('lab.results.title') },
    h('h3', { class: 'panel-title', text: t('lab.results.title') }),
    h('p', { class: 'lab-diverged', role: 'status', hidden: true }),
    h('div', { class: 'table-scroll', tabindex: '-1' }, summaryTable),
    charts,
    h('h4', { class: 'panel-subtitle', text: t('lab.layers.title') }),
    h('p', { class: 'setup-hint', text: t('lab.layers.hint') }),
    h('div', { class: 'table-scroll lab-layer-scroll', role: 'region', tabindex: '-1', 'aria-label': t('lab.layers.caption') }, layerTable),
    histDetails,
    definitions.glossary);
  const divergedNote = element.querySelector('.lab-diverged');

  function swatchFor(k) {
    const span = h('span', { class: `run-swatch run-swatch--${k}`, 'aria-hidden': 'true' });
    return span;
  }

  function setCell(cell, text, value) {
    if (cell.textContent !== text) cell.textContent = text;
    cell.dataset.value = value === null || value === undefined ? '' : String(value);
  }

  /** Show a snapshot ({step, runs}) and the loss history ({steps: [], losses: [[…] per run]}). */
  let theme = null; // read once (getComputedStyle forces a style pass), again when the scheme flips
  let lastView = null;
  const stopTheme = onThemeChange(() => { theme = null; if (lastView) update(lastView); });

  /** The hidden layers' histograms of every column (empty for a diverged one). */
  function drawHistograms(snapshot, colours) {
    snapshot.runs.forEach((run, k) => {
      const isDiverged = run.diverged || run.loss === null;
      const colour = seriesStyle(colours, k).color;
      const [alo, ahi] = activationRange(state.activations[k].name);
      for (let l = 0; l < state.depth; l += 1) {
        const layer = run.layers[l];
        const plots = histograms[l][k];
        if (isDiverged) {
          plots.pre.draw({ counts: [], range: PRE_ACTIVATION_RANGE, theme: colours });
          plots.act.draw({ counts: [], range: [alo, ahi], theme: colours });
          plots.pre.setLabel(t('lab.diverged.short'));
          plots.act.setLabel(t('lab.diverged.short'));
          continue;
        }
        if (!layer.histograms) continue;
        const counted = layer.histograms;
        plots.pre.draw({ counts: counted.pre_activations, range: counted.pre_activation_range, color: colour, theme: colours });
        plots.act.draw({ counts: counted.activations, range: counted.activation_range, color: colour, theme: colours });
        plots.pre.setLabel(t('lab.hist.preLabel', {
          name: names[k], layer: l + 1, mean: number(layer.pre_activation_mean), std: number(layer.pre_activation_std),
        }));
        plots.act.setLabel(t('lab.hist.actLabel', {
          name: names[k], layer: l + 1, mean: number(layer.activation_mean), std: number(layer.activation_std),
          sparsity: percent(layer.sparsity_fraction), saturation: percent(layer.saturation_fraction), lo: alo, hi: ahi,
        }));
      }
    });
  }
  histDetails.addEventListener('toggle', () => {
    if (histDetails.open && lastView) drawHistograms(lastView.snapshot, theme || readPlotTheme(element));
  });

  function update({ snapshot, history }) {
    lastView = { snapshot, history };
    if (!theme && element.isConnected) theme = readPlotTheme(element);
    const colours = theme || readPlotTheme(element);
    const diverged = [];
    snapshot.runs.forEach((run, k) => {
      const cells = summaryCells[k];
      const layers = run.layers;
      const isDiverged = run.diverged || run.loss === null;
      if (isDiverged) diverged.push(t('lab.diverged.item', { name: names[k], step: run.divergedAt ?? snapshot.step }));
      setCell(cells[0], isDiverged ? t('lab.diverged.short') : number(run.loss, 4), run.loss);
      if (isDiverged) {
        // A network whose numbers are no longer finite has no statistics worth showing.
        for (const cell of cells.slice(1)) setCell(cell, '\u2014', null);
        for (let l = 0; l < layerCount; l += 1) {
          for (const cell of layerCells[l].slice(k * layerStats.length, (k + 1) * layerStats.length)) setCell(cell, '\u2014', null);
        }
        return;
      }
      const sat = meanHidden(layers, state, 'saturation_fraction');
      const sparse = meanHidden(layers, state, 'sparsity_fraction');
      const dead = deadHidden(layers, state);
      setCell(cells[1], percent(sat), sat);
      setCell(cells[2], percent(sparse), sparse);
      setCell(cells[3], t('lab.summary.deadValue', { percent: percent(dead.fraction), dead: dead.dead, total: dead.total }), dead.fraction);
      cells[3].dataset.dead = String(dead.dead);
      setCell(cells[4], number(layers[0].gradient_norm), layers[0].gradient_norm);
      setCell(cells[5], number(layers[layers.length - 1].gradient_norm), layers[layers.length - 1].gradient_norm);
      // Per layer.
      layers.forEach((layer, l) => {
        const row = layerCells[l].slice(k * layerStats.length, (k + 1) * layerStats.length);
        setCell(row[0], percent(layer.saturation_fraction), layer.saturation_fraction);
        setCell(row[1], percent(layer.sparsity_fraction), layer.sparsity_fraction);
        setCell(row[2], percent(layer.dead_unit_fraction), layer.dead_unit_fraction);
        row[2].dataset.dead = String(layer.dead_units);
        setCell(row[3], number(layer.gradient_norm), layer.gradient_norm);
      });
    });
    // Histograms: only while their section is open (a closed one is drawn when it opens; at depth 32
    // with 5 activations that is 320 canvases per update).
    if (histDetails.open) drawHistograms(snapshot, colours);
    divergedNote.hidden = diverged.length === 0;
    divergedNote.textContent = diverged.length ? t('lab.diverged.note', { list: diverged.join(t('lab.listSeparator')) }) : '';

    // Charts.
    lossChart.setData(history.steps, history.losses);
    lossChart.setSummary(t('lab.chart.lossSummary', {
      from: history.steps[0] ?? 0, to: snapshot.step,
      list: names.map((name, k) => t('lab.chart.lossItem', {
        name,
        first: number(history.losses[k][0], 3),
        last: snapshot.runs[k].loss === null ? t('lab.diverged.short') : number(snapshot.runs[k].loss, 3),
      })).join(t('lab.listSeparator')),
    }));
    const xs = Array.from({ length: layerCount }, (_, l) => l + 1);
    gradChart.setData(xs, snapshot.runs.map((run) => run.layers.map((layer) => layer.gradient_norm)));
    gradChart.setSummary(t('lab.chart.gradSummary', {
      list: names.map((name, k) => {
        const layers = snapshot.runs[k].layers;
        const [first, last] = [layers[0], layers[layers.length - 1]].map((layer) => number(layer.gradient_norm));
        return t('lab.chart.gradItem', { name, first, last });
      }).join(t('lab.listSeparator')),
    }));
    definitions.refresh();
  }

  return {
    element,
    update,
    destroy() { stopTheme(); lossChart.destroy(); gradChart.destroy(); },
    reset() { summaryRoving.reset(); layerRoving.reset(); },
  };
}
