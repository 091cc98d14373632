// The playground's view of a run: the decision boundary (heatmap of the engine's outputs on a grid,
// with the training and test points), which is also where the learner edits their own points
// (point-editor.js, data-panel.js); train/test loss curves, the hidden units that are dead or
// saturated over training, PReLU's α over training, every hidden unit in the network diagram
// (network-view.js), and a per-layer table with the gradient norm reaching each layer. Numbers from
// the engine; this file formats, counts and draws.
import { h, uid } from '../../kit/dom.js';
import { createLineChart, createHeatmap } from '../../kit/plots/index.js';
import { percent, number, activationLabel } from '../../kit/experiment/labels.js';
import { rovingTable } from '../../kit/experiment/definitions.js';
import { GRID_RESOLUTION, NETWORK_VIEW_UNITS, hiddenUnits } from './model.js';
import { createPointEditor } from './point-editor.js';
import { createDataPanel, classSwatch } from './data-panel.js';
import { createNetworkView } from './network-view.js';
import { createConfusionTable } from './confusion-table.js';

/** Points as [[x₁, x₂, label]] → the heatmap's {inputs, targets}. */
const rowsOf = (points) => ({ inputs: points.map(([x1, x2]) => [x1, x2]), targets: points.map(([, , label]) => [label]) });

/**
 * createPlaygroundResults(t, definitions, state, {edit(candidate) → message|null}) → {element, update(view), destroy()}
 * view: {snapshot, history, train, test, extent, accuracy: {train, test}, dead, state}
 */
export function createPlaygroundResults(t, definitions, state, actions) {
  const CLASSES = state.classes; // the results are rebuilt when the number of classes changes (resultsKey)
  const isPrelu = state.activation.name === 'prelu';
  const hiddenCount = state.hidden.length;
  const layerName = (l) => (l < hiddenCount ? t('lab.layer.hidden', { n: l + 1 }) : t('lab.layer.output'));

  // --- decision boundary ----------------------------------------------------------------------
  const heatmap = createHeatmap({ label: t('pg.map.title'), maxSize: 380 });
  let current = state;   // the widget's state as last shown (the editor edits from it)
  let lastDraw = null;   // what the heatmap drew last, for the preview while a point is dragged
  const live = h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'data-role': 'data-live' });
  const announce = (text) => { live.textContent = text; };
  const editPoints = (points) => {
    const message = actions.edit({ ...current, points, at: 0 });
    if (message) dataPanel.message(message, 'error');
    return message;
  };
  const editor = createPointEditor({
    heatmap, t, announce, classes: CLASSES,
    onChange: (points) => editPoints(points),
    onPreview: (points) => { if (lastDraw) heatmap.draw({ ...lastDraw, train: rowsOf(points) }); },
  });
  const dataPanel = createDataPanel(t, {
    classes: CLASSES,
    onClass: (k) => editor.setClass(k),
    onErasing: (on) => editor.setErasing(on),
    onPoints: (points) => editPoints(points),
    onGenerated: () => actions.edit({ ...current, points: null, at: 0 }),
  });
  // Digits pick the class while the plane has focus (the editor leaves them to the picker).
  editor.element.addEventListener('keydown', (event) => {
    if (!/^[1-9]$/.test(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    if (dataPanel.selectClass(Number(event.key) - 1)) {
      event.preventDefault();
      announce(t('pgd.announce.class', { cls: t('pgd.class.name', { k: Number(event.key) - 1 }) }));
    }
  });
  const networkView = createNetworkView(t, {
    hidden: state.hidden, outputs: CLASSES > 2 ? CLASSES : 1, tooLarge: hiddenUnits(state) > NETWORK_VIEW_UNITS ? NETWORK_VIEW_UNITS : 0,
  });
  /** A number under the map, with its definition (statistic `stat`) on hover and focus. */
  const shown = (field, stat, context) =>
    definitions.attach(h('span', { class: 'pg-number', 'data-field': field, tabindex: '0' }), stat, context);
  const accuracyTrain = shown('train-accuracy', 'accuracy', () => t('pg.map.trainSet'));
  const accuracyTest = shown('test-accuracy', 'accuracy', () => t('pg.map.testSet'));
  const lossTrain = shown('train-loss', 'loss', () => t('pg.map.trainSet'));
  const lossTest = shown('test-loss', 'test_loss', () => t('pg.map.testSet'));
  const deadCount = shown('dead', 'dead', () => t('lab.summary.context.dead', { name: activationLabel(state.activation, t) }));
  const mapLegend = h('ul', { class: 'pg-map-legend' },
    ...(CLASSES > 2
      ? Array.from({ length: CLASSES }, (_, k) => h('li', {}, classSwatch(k, CLASSES), t('pgd.class.name', { k })))
      : [h('li', {}, h('span', { class: 'pg-key pg-key--one', 'aria-hidden': 'true' }), t('pg.map.class1')),
        h('li', {}, h('span', { class: 'pg-key pg-key--zero', 'aria-hidden': 'true' }), t('pg.map.class0'))]),
    h('li', {}, h('span', { class: 'pg-key pg-key--test', 'aria-hidden': 'true' }), t('pg.map.test')),
    h('li', {}, h('span', { class: 'pg-key pg-key--line', 'aria-hidden': 'true' }),
      t(CLASSES > 2 ? 'pgd.map.regions' : 'pg.map.boundary')));
  const numbers = h('dl', { class: 'pg-numbers' },
    h('dt', { text: t('pg.numbers.loss') }), h('dd', {}, lossTrain, h('span', { class: 'pg-sep', text: ' / ' }), lossTest),
    h('dt', { text: t('pg.numbers.accuracy') }), h('dd', {}, accuracyTrain, h('span', { class: 'pg-sep', text: ' / ' }), accuracyTest),
    h('dt', { text: t('pg.numbers.dead') }), h('dd', {}, deadCount));
  const confusionTable = createConfusionTable(t, CLASSES);
  const mapPanel = h('div', { class: 'pg-map' },
    h('div', { class: 'pg-map-sticky', 'data-role': 'map-sticky' },
      h('h4', { class: 'panel-subtitle', text: t('pg.map.title') }),
      editor.element),
    mapLegend, numbers, confusionTable.element, dataPanel.element, live);

  // --- charts -----------------------------------------------------------------------------------
  const lossChart = createLineChart({
    label: t('pg.chart.loss'), xLabel: t('lab.chart.step'), yLabel: t('lab.chart.lossAxis'), log: true, height: 180,
    series: [{ label: t('pg.chart.train') }, { label: t('pg.chart.test') }],
  });
  const logId = uid('log');
  const unitsChart = createLineChart({
    label: t('pg.chart.units'), xLabel: t('lab.chart.step'), yLabel: t('pg.chart.unitsAxis'), height: 160, yRange: [0, 1],
    series: [{ label: t('pg.chart.dead') }, { label: t('pg.chart.saturated') }], formatY: (v) => percent(v),
  });
  const alphaChart = isPrelu ? createLineChart({
    label: t('pg.chart.alpha'), xLabel: t('lab.chart.step'), yLabel: 'α', height: 160,
    series: state.hidden.map((_, l) => ({ label: t('pg.chart.alphaLayer', { n: l + 1 }) })),
  }) : null;
  const gradChart = createLineChart({
    label: t('lab.chart.grad'), xLabel: t('lab.chart.layer'), yLabel: t('lab.chart.gradAxis'), log: true, xInteger: true, height: 160,
    series: [{ label: activationLabel(state.activation, t) }], legendValue: 'none',
    formatX: (v) => (v === hiddenCount + 1 ? t('lab.chart.out') : String(v)),
  });
  const charts = h('div', { class: 'pg-charts' },
    h('div', { class: 'lab-chart' }, lossChart.element,
      h('span', { class: 'check-field' },
        h('input', {
          type: 'checkbox', id: logId, checked: true, 'data-field': 'loss-log', onchange: (e) => lossChart.setLog(e.target.checked),
        }),
        h('label', { for: logId, text: t('lab.chart.logScale') }))),
    h('div', { class: 'lab-chart' }, unitsChart.element),
    alphaChart
      ? h('div', { class: 'lab-chart' }, alphaChart.element)
      : h('p', { class: 'setup-hint pg-alpha-note', text: t('pg.chart.alphaOnly') }),
    h('div', { class: 'lab-chart' }, gradChart.element));

  // --- per-layer table ----------------------------------------------------------------------------
  const stats = ['saturation', 'sparsity', 'dead', 'gradient_norm'];
  const cells = [];
  const rows = [];
  const layerCount = hiddenCount + 1;
  for (let l = 0; l < layerCount; l += 1) {
    const row = stats.map((stat) => definitions.attach(h('td', { 'data-layer': String(l), 'data-col': stat }), stat, () => layerName(l)));
    cells.push(row);
    rows.push(h('tr', { 'data-layer': String(l) }, h('th', { scope: 'row', text: layerName(l) }),
      h('td', { text: String(l < hiddenCount ? state.hidden[l] : (CLASSES > 2 ? CLASSES : 1)) }), row));
  }
  const table = h('table', { class: 'pg-layer-table' },
    h('caption', { text: t('pg.layers.caption') }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('lab.layers.layer') }), h('th', { scope: 'col', text: t('pg.layers.units') }),
      stats.map((stat) => h('th', { scope: 'col', text: t(`lab.layers.${stat}`) })))),
    h('tbody', {}, rows));
  const roving = rovingTable(table);

  const diverged = h('p', { class: 'lab-diverged', role: 'status', hidden: true });
  const element = h('section', { class: 'pg-results', 'aria-label': t('lab.results.title') },
    h('h3', { class: 'panel-title', text: t('lab.results.title') }),
    diverged,
    h('div', { class: 'pg-stage' }, mapPanel, h('div', { class: 'pg-side' }, networkView.element, charts)),
    h('h4', { class: 'panel-subtitle', text: t('lab.layers.title') }),
    h('p', { class: 'setup-hint', text: t('lab.layers.hint') }),
    h('div', { class: 'table-scroll' }, table),
    definitions.glossary);

  const setCell = (cell, text, value) => {
    if (cell.textContent !== text) cell.textContent = text;
    cell.dataset.value = value === null || value === undefined ? '' : String(value);
  };

  /** The plane, the data controls and the network: shown for every snapshot, with data or without. */
  function showData({ snapshot, train, test, extent, state: next }) {
    const run = snapshot.runs[0];
    current = next;
    const own = next.points !== null;
    const points = own ? next.points : train.inputs.map(([x1, x2], k) => [x1, x2, train.targets[k][0]]);
    editor.setPoints(points);
    editor.setExtent(extent);
    dataPanel.update({ points, own });
    lastDraw = { values: run.grid, resolution: GRID_RESOLUTION, extent, train: own ? rowsOf(points) : train, test, classes: CLASSES };
    heatmap.draw(lastDraw);
    if (run.units) networkView.update(run.units);
  }

  function update(view) {
    showData(view);
    const { snapshot, history, extent, accuracy, dead } = view;
    const run = snapshot.runs[0];
    confusionTable.update(view.confusion);
    if (run.empty) {
      for (const cell of [lossTrain, lossTest, accuracyTrain, accuracyTest, deadCount]) setCell(cell, '\u2014', null);
      heatmap.setLabel(t('pgd.map.empty'));
      return;
    }
    const isDiverged = run.diverged || run.loss === null;
    diverged.hidden = !isDiverged;
    diverged.textContent = isDiverged ? t('pg.diverged', { step: run.divergedAt ?? snapshot.step }) : '';
    heatmap.setLabel(t('pg.map.label', {
      train: accuracy.train ? percent(accuracy.train.fraction) : '\u2014',
      test: accuracy.test ? percent(accuracy.test.fraction) : '\u2014',
      low: number(extent[0], 2), high: number(extent[1], 2), step: snapshot.step,
    }));
    setCell(lossTrain, isDiverged ? t('lab.diverged.short') : number(run.loss, 4), run.loss);
    if (run.testLoss === undefined) setCell(lossTest, '\u2014', null); // no test set (the learner's own points)
    else setCell(lossTest, run.testLoss === null ? t('lab.diverged.short') : number(run.testLoss, 4), run.testLoss);
    const fractionOf = (counted) => (counted ? counted.fraction : null);
    setCell(accuracyTrain, accuracy.train ? percent(accuracy.train.fraction) : '\u2014', fractionOf(accuracy.train));
    setCell(accuracyTest, accuracy.test ? percent(accuracy.test.fraction) : '\u2014', fractionOf(accuracy.test));
    if (isDiverged) setCell(deadCount, '\u2014', null);
    else setCell(deadCount, t('lab.summary.deadValue', { percent: percent(dead.fraction), dead: dead.dead, total: dead.total }),
      dead.fraction);
    deadCount.dataset.dead = isDiverged ? '' : String(dead.dead);

    lossChart.setData(history.steps, [history.train, history.test]);
    lossChart.setSummary(t('pg.chart.lossSummary', {
      from: history.steps[0] ?? 0, to: snapshot.step,
      trainFirst: number(history.train[0], 3), trainLast: number(run.loss, 3),
      testFirst: number(history.test[0], 3), testLast: number(run.testLoss, 3),
    }));
    unitsChart.setData(history.steps, [history.dead, history.saturated]);
    unitsChart.setSummary(t('pg.chart.unitsSummary', {
      deadFirst: percent(history.dead[0]), deadLast: percent(history.dead[history.dead.length - 1]),
      satFirst: percent(history.saturated[0]), satLast: percent(history.saturated[history.saturated.length - 1]),
    }));
    if (alphaChart) {
      alphaChart.setData(history.steps, history.alpha);
      alphaChart.setSummary(t('pg.chart.alphaSummary', {
        list: history.alpha.map((values, l) => t('pg.chart.alphaItem', {
          n: l + 1, first: number(values[0], 3), last: number(values[values.length - 1], 3),
        })).join(t('lab.listSeparator')),
      }));
    }
    gradChart.setData(Array.from({ length: layerCount }, (_, l) => l + 1), [run.layers.map((layer) => layer.gradient_norm)]);
    const [first, last] = [run.layers[0], run.layers[layerCount - 1]].map((layer) => number(layer.gradient_norm));
    gradChart.setSummary(t('pg.chart.gradSummary', { first, last }));

    run.layers.forEach((layer, l) => {
      if (isDiverged) { for (const cell of cells[l]) setCell(cell, '\u2014', null); return; }
      setCell(cells[l][0], percent(layer.saturation_fraction), layer.saturation_fraction);
      setCell(cells[l][1], percent(layer.sparsity_fraction), layer.sparsity_fraction);
      setCell(cells[l][2], percent(layer.dead_unit_fraction), layer.dead_unit_fraction);
      cells[l][2].dataset.dead = String(layer.dead_units);
      setCell(cells[l][3], number(layer.gradient_norm), layer.gradient_norm);
    });
    definitions.refresh();
  }

  return {
    element,
    heatmap,
    update,
    reset: () => roving.reset(),
    destroy() {
      editor.destroy();
      networkView.destroy();
      heatmap.destroy();
      lossChart.destroy();
      unitsChart.destroy();
      if (alphaChart) alphaChart.destroy();
      gradChart.destroy();
    },
  };
}
