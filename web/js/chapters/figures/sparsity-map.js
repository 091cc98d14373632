// Chapter 6, the article's figure 21: which ReLU units are on for which example. A 2 → 16 → 16 → 1
// ReLU network (Kaiming-uniform weights, every bias set to b) is run by the engine on 64 points of
// the circle dataset; each hidden layer is drawn as a map, one row per unit and one column per
// example, a filled cell where the unit's output is positive, an empty one where it is exactly 0.
// The sparsity, dead units and mean activation are the engine's statistics.
import { h, s } from '../../kit/dom.js';
import { formatPercent } from '../../kit/format.js';
import { figureFrame, computedFigure, stateNumberFields, keyNumbers, fmt } from './frame.js';

export const SPARSITY_SETUP = Object.freeze({
  dataset: { kind: 'circle', size: 64, noise: 0.1, seed: 1 }, hidden: [16, 16],
});
export const SPARSITY_LIMITS = Object.freeze({ seed: [0, 9999], bias: [-3, 1] });
/** The chapter state this figure reads (chapters/state.js): each field, what it allows, its default. */
export const SPARSITY_FIELDS = Object.freeze({
  seed: { type: 'integer', range: SPARSITY_LIMITS.seed, default: 1 },
  b: { type: 'number', range: SPARSITY_LIMITS.bias, default: 0 },
});

export function sparsityNetwork(engine, { seed, bias }) {
  const data = engine.evaluate({ dataset: SPARSITY_SETUP.dataset }).dataset;
  // Examples ordered by class, then by angle, so the map shows which units answer to which region.
  const order = data.inputs.map((_, n) => n).sort((a, b) => (data.targets[a][0] - data.targets[b][0]) ||
    (Math.atan2(data.inputs[a][1], data.inputs[a][0]) - Math.atan2(data.inputs[b][1], data.inputs[b][0])));
  const response = engine.evaluate({
    input_size: 2,
    layers: [...SPARSITY_SETUP.hidden.map((units) => ({ units, activation: 'relu' })), { units: 1, activation: 'sigmoid' }],
    init: { scheme: 'kaiming_uniform', seed, bias },
    inputs: order.map((n) => data.inputs[n]), targets: order.map((n) => data.targets[n]), loss: 'bce',
  });
  const layers = response.layers.slice(0, SPARSITY_SETUP.hidden.length).map((layer) => {
    const units = layer.activations[0].length;
    const zeroGradient = layer.grad_weights.filter((row, j) => row.every((g) => g === 0) && layer.grad_biases[j] === 0).length;
    const dead = [];
    for (let j = 0; j < units; j += 1) dead.push(layer.activations.every((row) => row[j] === 0));
    return { activations: layer.activations, statistics: layer.statistics, zeroGradient, dead };
  });
  return { layers, targets: order.map((n) => data.targets[n][0]) };
}

function drawMap(layer, width, t, index, describedBy) {
  const examples = layer.activations.length;
  const units = layer.activations[0].length;
  const labelWidth = 34;
  const tagWidth = 52;
  const cell = Math.max(3, Math.min(9, Math.floor((width - labelWidth - tagWidth) / examples)));
  const rowHeight = Math.max(9, Math.min(14, cell + 4));
  const mapWidth = cell * examples;
  const svgWidth = labelWidth + mapWidth + tagWidth;
  const svgHeight = units * rowHeight + 4;
  let max = 0;
  for (const row of layer.activations) for (const a of row) max = Math.max(max, a);
  const svg = s('svg', {
    class: 'sparsity-map', width: svgWidth, height: svgHeight, viewBox: `0 0 ${svgWidth} ${svgHeight}`,
    role: 'img',
    'aria-label': t('sparsity.figure.mapLabel', { layer: String(index + 1), units: String(units), examples: String(examples) }),
    'aria-describedby': describedBy,
  });
  for (let j = 0; j < units; j += 1) {
    const y = 2 + j * rowHeight;
    svg.append(s('text', { x: labelWidth - 6, y: y + rowHeight - 3, 'text-anchor': 'end', class: 'sparsity-label' }, `u${j + 1}`));
    svg.append(s('rect', {
      x: labelWidth, y: y + 0.5, width: mapWidth, height: rowHeight - 1, class: `sparsity-row${layer.dead[j] ? ' is-dead' : ''}`,
    }));
    for (let n = 0; n < examples; n += 1) {
      const a = layer.activations[n][j];
      if (!(a > 0)) continue;
      svg.append(s('rect', {
        x: labelWidth + n * cell + 0.5, y: y + 1.5, width: Math.max(1, cell - 1), height: rowHeight - 3,
        class: 'sparsity-on', 'fill-opacity': (0.35 + 0.65 * (a / (max || 1))).toFixed(3),
      }));
    }
    if (layer.dead[j]) {
      svg.append(s('text', { x: labelWidth + mapWidth + 6, y: y + rowHeight - 3, class: 'sparsity-dead' }, t('sparsity.figure.deadTag')));
    }
  }
  return svg;
}

export function mountSparsityMap(host, ctx) {
  const frame = figureFrame(host, { kind: 'sparsity' });
  const t = () => ctx.t;
  let result = null;
  let lastWidth = 0;
  const maps = h('div', { class: 'sparsity-maps' });
  const legend = h('ul', { class: 'chapter-legend' });
  frame.content.append(maps, legend);
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => {
    const width = Math.round(maps.clientWidth);
    if (result && width > 0 && width !== lastWidth) renderMaps();
  }) : null;
  if (observer) observer.observe(maps);

  const field = stateNumberFields(ctx, () => figure.compute());

  function renderControls() {
    frame.caption.textContent = t()('sparsity.figure.title');
    frame.setControls(
      field('seed', t()('sparsity.figure.seed'), SPARSITY_LIMITS.seed, true),
      field('b', t()('sparsity.figure.bias'), SPARSITY_LIMITS.bias, false));
  }

  function renderMaps() {
    lastWidth = Math.round(maps.clientWidth);
    const width = Math.max(260, lastWidth || 600);
    maps.replaceChildren(...result.layers.map((layer, index) => h('div', { class: 'sparsity-layer', 'data-layer': String(index + 1) },
      h('p', { class: 'chapter-plot-title', text: t()('sparsity.figure.layerTitle', {
        layer: String(index + 1), sparsity: formatPercent(layer.statistics.sparsity_fraction),
        dead: String(layer.statistics.dead_units), units: String(layer.dead.length),
      }) }),
      h('div', { class: 'sparsity-scroll' }, drawMap(layer, width, t(), index, frame.summaryId)))));
  }

  function render() {
    renderControls();
    legend.replaceChildren(
      h('li', {}, h('span', { class: 'sparsity-swatch-on', 'aria-hidden': 'true' }), t()('sparsity.figure.legendOn')),
      h('li', {}, h('span', { class: 'sparsity-swatch-empty', 'aria-hidden': 'true' }), t()('sparsity.figure.legendOff')),
      h('li', {}, h('span', { class: 'sparsity-swatch-dead', 'aria-hidden': 'true' }), t()('sparsity.figure.legendDead')));
    if (!result) return;
    renderMaps();
    const n = (v) => fmt(v, 3);
    const rows = [];
    result.layers.forEach((layer, index) => {
      const layerNo = String(index + 1);
      rows.push([`sparsity-${layerNo}`, t()('sparsity.key.sparsity', { layer: layerNo }), layer.statistics.sparsity_fraction,
        formatPercent(layer.statistics.sparsity_fraction)]);
      rows.push([`dead-${layerNo}`, t()('sparsity.key.dead', { layer: layerNo }), layer.statistics.dead_units,
        t()('sparsity.key.deadValue', {
        dead: String(layer.statistics.dead_units), units: String(layer.dead.length), noGradient: String(layer.zeroGradient),
      })]);
      rows.push([`mean-${layerNo}`, t()('sparsity.key.mean', { layer: layerNo }), layer.statistics.activation_mean,
        n(layer.statistics.activation_mean)]);
    });
    frame.summary.replaceChildren(keyNumbers(rows), h('p', { text: t()('sparsity.summary', {
      examples: String(result.targets.length),
      s1: formatPercent(result.layers[0].statistics.sparsity_fraction), s2: formatPercent(result.layers[1].statistics.sparsity_fraction),
      d1: String(result.layers[0].statistics.dead_units), d2: String(result.layers[1].statistics.dead_units),
      m1: n(result.layers[0].statistics.activation_mean), m2: n(result.layers[1].statistics.activation_mean),
    }) }));
  }

  const figure = computedFigure(frame, ctx, {
    calculate: (engine) => { result = sparsityNetwork(engine, { seed: ctx.state.seed, bias: ctx.state.b }); },
    render,
    onState: renderControls,
  });
  return figure;
}
