// Every neuron of the playground's network, drawn as a diagram: inputs x₁ and x₂, each hidden unit
// as a small heatmap of its own output over the input plane (from the engine: kit/experiment/
// unit-views.js), the output. Edges show each weight by colour and dash (positive: solid blue;
// negative: dashed orange, as the decision map's sides) and by width (|w|, relative to the largest
// in its layer). A unit that is
// dead (0 on every training point) or saturated on most of them is marked by a symbol as well as a
// colour. Hovering, focusing or tapping a unit shows its histogram of outputs, its share of zeros and
// its incoming weights. Keyboard: one tab stop; arrows move between units.
import { h, uid } from '../../kit/dom.js';
import { createHistogram } from '../../kit/plots/index.js';
import { readPlotTheme, sizeCanvas } from '../../kit/plots/theme.js';
import { percent, number } from '../../kit/experiment/labels.js';

const EDGE = { positive: '#0072B2', negative: '#E69F00' }; // Okabe–Ito blue and orange
const COLUMN_GAP = 56;
const ROW_GAP = 6;

/** CSS hex colour → [r, g, b]. */
const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** One unit's map into its canvas: blue for positive outputs, orange for negative, scaled by its own largest |a|. */
function drawUnitMap(canvas, map, units, j, resolution, background) {
  if (canvas.width !== resolution) { canvas.width = resolution; canvas.height = resolution; }
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(resolution, resolution);
  let scale = 0;
  for (let k = 0; k < resolution * resolution; k += 1) scale = Math.max(scale, Math.abs(map[k * units + j]) || 0);
  const [pos, neg, bg] = [rgb(EDGE.positive), rgb(EDGE.negative), background];
  for (let k = 0; k < resolution * resolution; k += 1) {
    const value = map[k * units + j];
    const t = scale > 0 && Number.isFinite(value) ? Math.min(1, Math.abs(value) / scale) : 0;
    const colour = value >= 0 ? pos : neg;
    for (let c = 0; c < 3; c += 1) image.data[4 * k + c] = bg[c] + (colour[c] - bg[c]) * t;
    image.data[4 * k + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

/**
 * createNetworkView(t, {hidden, outputs, tooLarge}) → {element, update(units | null), destroy()}
 * units: a snapshot's unit views ({step, resolution, layers, output}); null when the network is too
 * large to draw (the view says so).
 */
export function createNetworkView(t, { hidden, outputs = 1, tooLarge }) {
  const columns = [2, ...hidden, outputs];
  const tallest = Math.max(...columns);
  const size = Math.max(18, Math.min(40, Math.floor(440 / tallest) - ROW_GAP));
  const height = tallest * (size + ROW_GAP);
  const width = (columns.length - 1) * (size + COLUMN_GAP) + size;
  const position = (c, j) => [c * (size + COLUMN_GAP), ((tallest - columns[c]) / 2 + j) * (size + ROW_GAP)];

  const edges = h('canvas', { class: 'pg-net-edges', 'aria-hidden': 'true' });
  const stage = h('div', { class: 'pg-net-stage', style: `width:${width}px;height:${height}px` }, edges);
  const units = []; // [layer][unit] → {button, canvas}
  let active = [0, 0];
  let last = null;

  const unitName = (l, j) => t('pgn.unit', { layer: l + 1, unit: j + 1 });
  columns.forEach((count, c) => {
    const layer = [];
    for (let j = 0; j < count; j += 1) {
      const [left, top] = position(c, j);
      const style = `left:${left}px;top:${top}px;width:${size}px;height:${size}px`;
      if (c === 0 || c === columns.length - 1) {
        const subscripts = '₀₁₂₃₄₅₆₇₈';
        let text = c === 0 ? `x${subscripts[j + 1]}` : 'ŷ';
        if (c > 0 && outputs > 1) text = `p${subscripts[j]}`; // class j's probability (softmax)
        stage.append(h('span', { class: 'pg-net-io', style, text }));
        continue;
      }
      const canvas = h('canvas', { class: 'pg-unit-map', 'aria-hidden': 'true' });
      const mark = h('span', { class: 'pg-unit-mark', 'aria-hidden': 'true' });
      const button = h('button', {
        type: 'button', class: 'pg-unit', style, tabindex: '-1', 'data-layer': String(c - 1), 'data-unit': String(j),
        'aria-label': unitName(c - 1, j),
        onfocus: () => select(c - 1, j), onpointerenter: () => select(c - 1, j), onclick: () => select(c - 1, j),
      }, canvas, mark);
      stage.append(button);
      layer.push({ button, canvas, mark });
    }
    if (c > 0 && c < columns.length - 1) units.push(layer);
  });
  if (units.length > 0) units[0][0].button.tabIndex = 0;

  // The details of the selected unit.
  const detailTitle = h('h5', { class: 'pg-unit-title' });
  const detailNumbers = h('dl', { class: 'pg-unit-numbers' });
  const histogram = createHistogram({ width: 180, height: 56 });
  // It scrolls when a layer is wide, so it is a focusable region (keyboard users can scroll it).
  const weightList = h('ul', { class: 'pg-unit-weights' });
  const weightBox = h('div', { class: 'pg-unit-weights-box', tabindex: '0', role: 'region', 'aria-label': t('pgn.detail.weights') },
    weightList);
  const detailId = uid('unit');
  const detail = h('div', { class: 'pg-unit-detail', id: detailId, 'data-role': 'unit-detail' },
    detailTitle, detailNumbers,
    h('p', { class: 'pg-unit-caption', text: t('pgn.detail.histogram') }), histogram.element,
    h('p', { class: 'pg-unit-caption', text: t('pgn.detail.weights') }), weightBox);

  const summary = h('p', { class: 'setup-hint pg-net-summary', 'data-role': 'network-summary' });
  const legend = h('ul', { class: 'pg-map-legend pg-net-legend' },
    h('li', {}, h('span', { class: 'pg-edge-key pg-edge-key--pos', 'aria-hidden': 'true' }), t('pgn.legend.positive')),
    h('li', {}, h('span', { class: 'pg-edge-key pg-edge-key--neg', 'aria-hidden': 'true' }), t('pgn.legend.negative')),
    h('li', {}, h('span', { class: 'pg-unit-mark', 'data-kind': 'dead', 'aria-hidden': 'true' }), t('pgn.legend.dead')),
    h('li', {}, h('span', { class: 'pg-unit-mark', 'data-kind': 'saturated', 'aria-hidden': 'true' }), t('pgn.legend.saturated')));
  const scroller = h('div', {
    class: 'pg-net-scroll', role: 'group', 'aria-label': t('pgn.label'), 'aria-describedby': detailId, onkeydown: onKey,
  }, stage);
  const element = h('div', { class: 'pg-network', 'data-role': 'network' },
    h('h4', { class: 'panel-subtitle', text: t('pgn.title') }),
    h('p', { class: 'setup-hint', text: tooLarge ? t('pgn.tooLarge', { max: tooLarge }) : t('pgn.about') }),
    tooLarge ? null : h('div', { class: 'pg-net-body' }, h('div', {}, scroller, legend, summary), detail));

  function onKey(event) {
    const moves = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    if (!moves[event.key] || units.length === 0) return;
    event.preventDefault();
    const [dl, dj] = moves[event.key];
    const l = Math.max(0, Math.min(units.length - 1, active[0] + dl));
    const j = dl === 0 ? Math.max(0, Math.min(units[l].length - 1, active[1] + dj)) : Math.min(units[l].length - 1, active[1]);
    units[l][j].button.focus();
  }

  function select(l, j) {
    units[active[0]][active[1]].button.tabIndex = -1;
    units[active[0]][active[1]].button.removeAttribute('aria-current');
    active = [l, j];
    units[l][j].button.tabIndex = 0;
    units[l][j].button.setAttribute('aria-current', 'true');
    showDetail();
  }

  /** Words for a unit's state: dead, mostly saturated or neither. */
  function stateOf(stats) {
    if (stats.dead) return t('pgn.state.dead');
    if (stats.mostlySaturated) return t('pgn.state.saturated');
    return t('pgn.state.alive');
  }

  let shownKey = '';
  function showDetail() {
    if (!last || units.length === 0) return;
    const [l, j] = active;
    const layer = last.layers[l];
    const stats = layer.stats[j];
    // Rebuilt only when something in it changed (while training, the DOM is touched as little as possible).
    const key = JSON.stringify([l, j, stats.zeros, stats.saturated, stats.range, stats.counts, layer.weights[j], layer.biases[j]]);
    if (key === shownKey) return;
    shownKey = key;
    detailTitle.textContent = unitName(l, j);
    const row = (term, value, field) => [h('dt', { text: term }), h('dd', { text: value, 'data-field': field })];
    detailNumbers.replaceChildren(
      ...row(t('pgn.detail.state'), stateOf(stats), 'unit-state'),
      ...row(t('pgn.detail.zeros'), percent(stats.zeros), 'unit-zeros'),
      ...row(t('pgn.detail.saturated'), percent(stats.saturated), 'unit-saturated'),
      ...row(t('pgn.detail.range'), `${number(stats.range[0], 3)} … ${number(stats.range[1], 3)}`, 'unit-range'));
    histogram.draw({ counts: stats.counts, range: stats.range, endArrows: false });
    histogram.setLabel(t('pgn.detail.histogramLabel', {
      name: unitName(l, j), low: number(stats.range[0], 3), high: number(stats.range[1], 3),
    }));
    const from = (i) => (l === 0 ? `x${'₁₂'[i]}` : unitName(l - 1, i));
    weightList.replaceChildren(
      ...layer.weights[j].map((w, i) => h('li', { 'data-sign': w >= 0 ? '+' : '-' }, `${from(i)}: `,
        h('span', { class: 'pg-weight', text: number(w, 4) }))),
      h('li', {}, `${t('pgn.detail.bias')}: `, h('span', { class: 'pg-weight', text: number(layer.biases[j], 4) })));
  }

  function drawEdges(views) {
    const ctx = sizeCanvas(edges, width, height);
    ctx.clearRect(0, 0, width, height);
    const matrices = [...views.layers.map((layer) => layer.weights), views.output.weights];
    matrices.forEach((weights, c) => {
      let largest = 0;
      for (const row of weights) for (const w of row) largest = Math.max(largest, Math.abs(w));
      weights.forEach((row, j) => row.forEach((w, i) => {
        if (!Number.isFinite(w) || largest === 0) return;
        const [x0, y0] = position(c, i);
        const [x1, y1] = position(c + 1, j);
        ctx.strokeStyle = w >= 0 ? EDGE.positive : EDGE.negative;
        ctx.setLineDash(w >= 0 ? [] : [4, 3]);
        ctx.lineWidth = 0.4 + 3.6 * (Math.abs(w) / largest);
        ctx.globalAlpha = 0.35 + 0.5 * (Math.abs(w) / largest);
        ctx.beginPath();
        ctx.moveTo(x0 + size, y0 + size / 2);
        ctx.lineTo(x1, y1 + size / 2);
        ctx.stroke();
      }));
    });
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
  }

  let background = null;
  function update(views) {
    if (!views || tooLarge) return;
    last = views;
    if (!background) {
      const probe = document.createElement('canvas').getContext('2d');
      probe.fillStyle = readPlotTheme(element).background;
      background = rgb(probe.fillStyle.startsWith('#') ? probe.fillStyle : '#ffffff');
    }
    let dead = 0;
    let saturated = 0;
    views.layers.forEach((layer, l) => layer.stats.forEach((stats, j) => {
      const unit = units[l][j];
      drawUnitMap(unit.canvas, layer.map, layer.units, j, views.resolution, background);
      const kind = stats.dead ? 'dead' : stats.mostlySaturated ? 'saturated' : '';
      if (unit.mark.dataset.kind !== kind) unit.mark.dataset.kind = kind;
      if (unit.button.dataset.state !== (kind || 'alive')) unit.button.dataset.state = kind || 'alive';
      const label = `${unitName(l, j)}: ${stateOf(stats)}, ${t('pgn.detail.zeros')} ${percent(stats.zeros)}`;
      if (unit.button.getAttribute('aria-label') !== label) unit.button.setAttribute('aria-label', label);
      if (stats.dead) dead += 1;
      else if (stats.mostlySaturated) saturated += 1;
    }));
    drawEdges(views);
    const text = t('pgn.summary', { shape: columns.join(' → '), dead, saturated, step: views.step });
    if (summary.textContent !== text) summary.textContent = text;
    summary.dataset.step = String(views.step);
    showDetail();
  }

  return { element, update, destroy() {} };
}
