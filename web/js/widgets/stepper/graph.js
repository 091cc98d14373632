// The computation graph as SVG: inputs x, and for each layer a Σ+b node (z) and an activation
// node (a) per neuron, weights as edges, then the loss L with its target t. Forward values sit
// inside the nodes ("= 0.77", solid); gradients sit in dashed tags above them ("∂L/∂a₁=…").
import { s, uid, clear } from '../../kit/dom.js';
import { formatNumber } from '../../kit/format.js';
import { activationName } from '../../kit/activations.js';

const G = {
  cardW: 72, cardH: 44, rowH: 124, azGap: 250, azGapSingle: 190, zaGap: 175, lossGap: 170,
  headerH: 50, marginX: 40, tagH: 17, charW: 7.25, tagPad: 6, edgeT: 0.5, edgeClear: 5,
};

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
export const sub = (n) => String(n).split('').map((d) => SUBSCRIPTS[Number(d)]).join('');
/** The layer mark of the equations, a^{(l)}: layer index l (0-based) → "⁽¹⁾". */
export const layerMark = (l) => `⁽${String(l + 1).split('').map((d) => SUPERSCRIPTS[Number(d)]).join('')}⁾`;
/** A quantity's name with its unit and layer, as in the equations: name(a, 0, 0) → "a₁⁽¹⁾". */
export const unitName = (symbol, l, j) => `${symbol}${sub(j + 1)}${layerMark(l)}`;

const SYMBOLS = { sigmoid: 'σ′', tanh: 'tanh′', relu: 'ReLU′', leaky_relu: 'LReLU′', prelu: 'PReLU′', identity: 'id′' };

/** The short symbol for an activation's derivative, as used in the graph's tags (else its name, graph.symbol.<name> if short). */
export function derivativeSymbol(name, t) {
  return SYMBOLS[name] || `${activationName(t, name, 'graph.symbol')}′`;
}

function tagWidth(text) { return Math.ceil(text.length * G.charW + 2 * G.tagPad); }

/** A label box: rect + text, positioned by its centre. Hidden until it has text. */
function makeTag(role, key) {
  const rect = s('rect', { rx: role === 'gradient' ? 3 : 8, height: G.tagH });
  const text = s('text', { 'text-anchor': 'middle', 'dominant-baseline': 'central' });
  const group = s('g', { class: `tag tag--${role}`, 'data-key': key, hidden: true }, rect, text);
  return {
    group,
    place(cx, cy) { this.cx = cx; this.cy = cy; this.beside = null; text.setAttribute('x', cx); text.setAttribute('y', cy); },
    /**
     * Beside a line through (x, y) with this slope: above it (side −1) or below (+1), far enough
     * that the line clears the whole box, whatever the label's width turns out to be.
     * (Used for level edges, slope 0; kept general.)
     */
    placeBeside(x, y, slope, side) { this.place(x, y); this.beside = { y, slope, side }; },
    set(label, value) {
      if (label === null) { group.setAttribute('hidden', ''); group.removeAttribute('data-value'); return; }
      group.removeAttribute('hidden');
      text.textContent = label;
      const width = tagWidth(label);
      if (this.beside) {
        const { y, slope, side } = this.beside;
        this.cy = y + side * (G.tagH / 2 + G.edgeClear + Math.abs(slope) * (width / 2));
        text.setAttribute('y', this.cy);
      }
      rect.setAttribute('width', width);
      rect.setAttribute('x', this.cx - width / 2);
      rect.setAttribute('y', this.cy - G.tagH / 2);
      if (value !== undefined) group.dataset.value = String(value);
    },
  };
}

/** Node positions and columns for a network shape {inputSize, units}. */
export function layoutGraph(inputSize, units) {
  const rows = Math.max(inputSize, ...units);
  const baseY = G.headerH + 56;
  const yAt = (k, n) => baseY + (k + (rows - n) / 2) * G.rowH;
  const nodes = {};
  let x = G.marginX + 60;
  const columns = [{ kind: 'inputs', x }];
  for (let i = 0; i < inputSize; i += 1) nodes[`x:${i}`] = { x, y: yAt(i, inputSize) };
  units.forEach((n, l) => {
    const fanIn = l === 0 ? inputSize : units[l - 1];
    // A single edge keeps its labels on a horizontal line and needs less room than a fan.
    const zx = x + (fanIn === 1 && n === 1 ? G.azGapSingle : G.azGap);
    const ax = zx + G.zaGap;
    columns.push({ kind: 'layer', layer: l, zx, ax });
    for (let j = 0; j < n; j += 1) {
      nodes[`z:${l}:${j}`] = { x: zx, y: yAt(j, n) };
      nodes[`a:${l}:${j}`] = { x: ax, y: yAt(j, n) };
    }
    x = ax;
  });
  const last = units.length - 1;
  const output = nodes[`a:${last}:0`];
  nodes.L = { x: x + G.lossGap, y: output.y };
  nodes.t = { x: x + G.lossGap, y: output.y + G.cardH + 34 };
  columns.push({ kind: 'loss', x: nodes.L.x });
  // The lowest thing drawn: the target card, or the two tags under the lowest Σ node.
  const lowestNode = Math.max(...Object.entries(nodes).filter(([key]) => key !== 't').map(([, node]) => node.y));
  const bottom = Math.max(nodes.t.y + G.cardH / 2, lowestNode + G.cardH / 2 + 2 * G.tagH + 10);
  return {
    nodes,
    columns,
    width: nodes.L.x + G.cardW / 2 + G.marginX + 30,
    height: bottom + 14,
  };
}

/** Edge labels fit when every label of a gap is far enough from the others. */
function gapHasRoom(fanIn, units) { return fanIn === 1 || units === 1; }

/**
 * createGraph(t) → {element, build(shape), update(view)}.
 *   shape: {inputSize, units, activations, loss}
 *   view:  {shown (Map from model.replay), highlights, parameters, inputs, target}
 */
export function createGraph(t) {
  const markerId = uid('arrow');
  const svg = s('svg', { class: 'graph-svg', role: 'img', xmlns: 'http://www.w3.org/2000/svg' });
  const title = s('title');
  const parts = new Map(); // key → {group, tags…}
  let shape = null;

  function card(key, x, y, kind, caption) {
    const rect = s('rect', {
      x: x - G.cardW / 2, y: y - G.cardH / 2, width: G.cardW, height: G.cardH,
      rx: kind === 'act' ? G.cardH / 2 : kind === 'sum' ? 3 : 10,
    });
    const captionText = s('text', {
      class: 'node-caption', x, y: y - 8, 'text-anchor': 'middle', 'dominant-baseline': 'central', text: caption,
    });
    const valueText = s('text', { class: 'node-value', x, y: y + 10, 'text-anchor': 'middle', 'dominant-baseline': 'central', text: '?' });
    const nodeTitle = s('title');
    const group = s('g', { class: `node node--${kind}`, 'data-key': key }, nodeTitle, rect, captionText, valueText);
    const gradient = makeTag('gradient', `g${key}`);
    gradient.place(x, y - G.cardH / 2 - 6 - G.tagH / 2);
    return { group, captionText, valueText, nodeTitle, gradient, x, y };
  }

  function build(newShape) {
    shape = newShape;
    parts.clear();
    clear(svg);
    const { inputSize, units } = shape;
    const layout = layoutGraph(inputSize, units);
    svg.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
    svg.setAttribute('width', layout.width);
    svg.setAttribute('height', layout.height);
    svg.style.setProperty('--graph-width', `${layout.width}px`);
    title.textContent = t('graph.title', { shape: [inputSize, ...units].join('→') });
    const defs = s('defs', {}, s('marker', {
      id: markerId, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
    }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' })));
    const headers = s('g', { class: 'graph-headers' });
    const edgesLayer = s('g', { class: 'graph-edges' });
    const nodesLayer = s('g', { class: 'graph-nodes' });
    const labelsLayer = s('g', { class: 'graph-labels' });
    svg.append(title, defs, headers, edgesLayer, nodesLayer, labelsLayer);

    // Column headers.
    const header = (x, y, text, cls) => headers.append(s('text', { x, y, 'text-anchor': 'middle', class: cls, text }));
    for (const column of layout.columns) {
      if (column.kind === 'inputs') header(column.x, 18, t('graph.inputs'), 'graph-header');
      if (column.kind === 'loss') {
        header(column.x, 18, t('graph.loss'), 'graph-header');
        header(column.x, 38, t(`loss.${shape.loss}.short`), 'graph-subheader');
      }
      if (column.kind === 'layer') {
        const l = column.layer;
        const name = l === units.length - 1 ? t('graph.outputLayer', { n: l + 1 }) : t('graph.layer', { n: l + 1 });
        header((column.zx + column.ax) / 2, 18, name, 'graph-header');
        header(column.zx, 38, t('graph.sumHeader'), 'graph-subheader');
        header(column.ax, 38, activationHeader(shape.activations[l], t), 'graph-subheader');
      }
    }

    const line = (from, to, cls) => s('line', {
      x1: from.x + G.cardW / 2, y1: from.y, x2: to.x - G.cardW / 2 - 2, y2: to.y, class: cls, 'marker-end': `url(#${markerId})`,
    });
    const nodes = layout.nodes;

    // Inputs.
    for (let i = 0; i < inputSize; i += 1) {
      const node = card(`x:${i}`, nodes[`x:${i}`].x, nodes[`x:${i}`].y, 'input', `x${sub(i + 1)}`);
      nodesLayer.append(node.group);
      labelsLayer.append(node.gradient.group);
      parts.set(`node:x:${i}`, node);
    }

    units.forEach((n, l) => {
      const fanIn = l === 0 ? inputSize : units[l - 1];
      const roomy = gapHasRoom(fanIn, n);
      for (let j = 0; j < n; j += 1) {
        const zPos = nodes[`z:${l}:${j}`];
        const aPos = nodes[`a:${l}:${j}`];
        // Weight edges into z_j.
        for (let i = 0; i < fanIn; i += 1) {
          const from = l === 0 ? nodes[`x:${i}`] : nodes[`a:${l - 1}:${i}`];
          const edgeLine = line(from, zPos, 'edge edge--weight');
          const edgeTitle = s('title');
          const edgeGroup = s('g', { class: 'edge-group', 'data-key': `edge:${l}:${j}:${i}` }, edgeTitle, edgeLine);
          edgesLayer.append(edgeGroup);
          const x1 = from.x + G.cardW / 2;
          const x2 = zPos.x - G.cardW / 2;
          const cx = x1 + G.edgeT * (x2 - x1);
          const cy = from.y + G.edgeT * (zPos.y - from.y);
          const weight = makeTag('param', `w:${l}:${j}:${i}`);
          const grad = makeTag('gradient', `gw:${l}:${j}:${i}`);
          // A level edge keeps its two tags clear of the line; in a fan the neighbouring edges are
          // too close for that, so the tags straddle the line at its middle (the line runs under them).
          if (from.y === zPos.y) {
            weight.placeBeside(cx, cy, 0, -1);
            grad.placeBeside(cx, cy, 0, 1);
          } else {
            weight.place(cx, cy - G.tagH / 2 - 1);
            grad.place(cx, cy + G.tagH / 2 + 1);
          }
          const labelGroup = s('g', { class: roomy ? 'edge-labels' : 'edge-labels edge-labels--crowded' }, weight.group, grad.group);
          labelsLayer.append(labelGroup);
          parts.set(`edge:${l}:${j}:${i}`, { group: edgeGroup, edgeTitle, weight, grad, labelGroup, labelsLayer, l, j, i });
        }
        // z node, its bias, the z→a edge with the local derivative, the a node.
        const z = card(`z:${l}:${j}`, zPos.x, zPos.y, 'sum', unitName('z', l, j));
        const a = card(`a:${l}:${j}`, aPos.x, aPos.y, 'act', unitName('a', l, j));
        const za = s('line', {
          x1: zPos.x + G.cardW / 2, y1: zPos.y, x2: aPos.x - G.cardW / 2 - 2, y2: aPos.y,
          class: 'edge edge--za', 'marker-end': `url(#${markerId})`,
        });
        const zaGroup = s('g', { class: 'edge-group', 'data-key': `za:${l}:${j}` }, za);
        edgesLayer.append(zaGroup);
        nodesLayer.append(z.group, a.group);
        const below1 = zPos.y + G.cardH / 2 + 4 + G.tagH / 2;
        const below2 = below1 + G.tagH + 3;
        const bias = makeTag('param', `b:${l}:${j}`);
        const biasGrad = makeTag('gradient', `gb:${l}:${j}`);
        bias.place(zPos.x, below1);
        biasGrad.place(zPos.x, below2);
        const biasGroup = s('g', { class: 'bias-group', 'data-key': `bias:${l}:${j}` }, bias.group, biasGrad.group);
        const local = makeTag('local', `fp:${l}:${j}`);
        local.place((zPos.x + aPos.x) / 2, zPos.y);
        const alphaGrad = makeTag('gradient', `galpha:${l}:${j}`);
        alphaGrad.place(aPos.x, below1);
        labelsLayer.append(z.gradient.group, a.gradient.group, biasGroup, local.group, alphaGrad.group);
        parts.set(`node:z:${l}:${j}`, z);
        parts.set(`node:a:${l}:${j}`, a);
        parts.set(`bias:${l}:${j}`, { group: biasGroup, bias, biasGrad });
        parts.set(`za:${l}:${j}`, { group: zaGroup, local, alphaGrad });
      }
    });

    // Loss and target.
    const last = units.length - 1;
    const lossNode = card('L', nodes.L.x, nodes.L.y, 'loss', 'L');
    const targetNode = card('t', nodes.t.x, nodes.t.y, 'target', 't');
    const outEdge = line(nodes[`a:${last}:0`], nodes.L, 'edge edge--loss');
    const targetEdge = s('line', {
      x1: nodes.t.x, y1: nodes.t.y - G.cardH / 2, x2: nodes.L.x, y2: nodes.L.y + G.cardH / 2 + 2,
      class: 'edge edge--loss', 'marker-end': `url(#${markerId})`,
    });
    const lossEdges = s('g', { class: 'edge-group', 'data-key': 'edges-loss' }, outEdge, targetEdge);
    edgesLayer.append(lossEdges);
    nodesLayer.append(lossNode.group, targetNode.group);
    parts.set('node:L', lossNode);
    parts.set('node:t', targetNode);
    parts.set('edges-loss', { group: lossEdges });
    return layout;
  }

  function activeGroups(highlights) {
    const groups = [];
    for (const key of highlights) {
      const [kind, l, j] = key.split(':');
      if (kind === 'edges-in') {
        for (const [partKey, part] of parts) if (partKey.startsWith(`edge:${l}:${j}:`)) groups.push(part);
      } else if (kind === 'edges-out') {
        for (const part of parts.values()) if (part.l === Number(l) && part.i === Number(j) && part.edgeTitle) groups.push(part);
      } else if (parts.has(key)) {
        groups.push(parts.get(key));
      }
    }
    return groups;
  }

  function update(view) {
    if (!shape) return;
    const { shown, highlights, parameters, inputs, target } = view;
    const fmt = (v) => formatNumber(v);
    const value = (key) => shown.get(key);
    for (const part of parts.values()) part.group.classList.remove('is-active');

    // Inputs and target are the learner's own numbers.
    inputs.forEach((x, i) => {
      const node = parts.get(`node:x:${i}`);
      setNode(node, `x${sub(i + 1)}`, x, 'forward', t('graph.nodeTitle.x', { i: i + 1, value: fmt(x) }));
      setGradient(node.gradient, `∂L/∂x${sub(i + 1)}`, value(`gx:${i}`));
    });
    setNode(parts.get('node:t'), 't', target, 'forward', t('graph.nodeTitle.t', { value: fmt(target) }));
    const loss = value('L');
    setNode(parts.get('node:L'), 'L', loss ? loss.value : null, 'forward',
      t('graph.nodeTitle.L', { value: loss ? fmt(loss.value) : '?' }));

    shape.units.forEach((n, l) => {
      const fanIn = l === 0 ? shape.inputSize : shape.units[l - 1];
      for (let j = 0; j < n; j += 1) {
        const z = parts.get(`node:z:${l}:${j}`);
        const zValue = value(`z:${l}:${j}`);
        const zName = unitName(zValue && zValue.name === 's' ? 's' : 'z', l, j);
        setNode(z, zName, zValue ? zValue.value : null, 'forward',
          t('graph.nodeTitle.z', { name: zName, layer: l + 1, value: zValue ? fmt(zValue.value) : '?' }));
        setGradient(z.gradient, `∂L/∂${unitName('z', l, j)}`, value(`gz:${l}:${j}`));
        const a = parts.get(`node:a:${l}:${j}`);
        const aValue = value(`a:${l}:${j}`);
        const aName = unitName('a', l, j);
        setNode(a, aName, aValue ? aValue.value : null, 'forward',
          t('graph.nodeTitle.a', { name: aName, layer: l + 1, value: aValue ? fmt(aValue.value) : '?' }));
        setGradient(a.gradient, `∂L/∂${aName}`, value(`ga:${l}:${j}`));
        const bias = parts.get(`bias:${l}:${j}`);
        const b = parameters[l].biases[j];
        bias.bias.set(`${unitName('b', l, j)}=${fmt(b)}`, b);
        setGradient(bias.biasGrad, `∂L/∂${unitName('b', l, j)}`, value(`gb:${l}:${j}`));
        const za = parts.get(`za:${l}:${j}`);
        const local = value(`fp:${l}:${j}`);
        za.local.set(local ? `${derivativeSymbol(shape.activations[l].name, t)}=${fmt(local.value)}` : null, local && local.value);
        setGradient(za.alphaGrad, '∂L/∂α', value(`galpha:${l}:${j}`));
        for (let i = 0; i < fanIn; i += 1) {
          const edge = parts.get(`edge:${l}:${j}:${i}`);
          const w = parameters[l].weights[j][i];
          const grad = value(`gw:${l}:${j}:${i}`);
          edge.weight.set(`w=${fmt(w)}`, w);
          setGradient(edge.grad, '∂L/∂w', grad);
          edge.group.classList.toggle('has-gradient', Boolean(grad));
          const name = `w${sub(j + 1)}${sub(i + 1)}${layerMark(l)}`;
          edge.edgeTitle.textContent = grad
            ? t('graph.edgeTitleGrad', { name, layer: l + 1, value: fmt(w), grad: fmt(grad.value) })
            : t('graph.edgeTitle', { name, layer: l + 1, value: fmt(w) });
          edge.labelGroup.classList.remove('is-active');
        }
      }
    });

    for (const part of activeGroups(highlights)) {
      part.group.classList.add('is-active');
      if (part.labelGroup) {
        part.labelGroup.classList.add('is-active');
        part.labelsLayer.append(part.labelGroup); // draw the active edge's labels on top
      }
    }
  }

  function setNode(node, caption, number, role, description) {
    node.captionText.textContent = caption;
    node.nodeTitle.textContent = description;
    const known = typeof number === 'number';
    node.valueText.textContent = known ? `=${formatNumber(number)}` : '?';
    node.group.classList.toggle('is-pending', !known);
    if (known) node.group.dataset.value = String(number);
    else node.group.removeAttribute('data-value');
  }

  function setGradient(tag, name, entry) {
    tag.set(entry ? `${name}=${formatNumber(entry.value)}` : null, entry && entry.value);
  }

  /** Everything highlighted for the current step, to scroll it into view. */
  function activeElements() {
    return [...svg.querySelectorAll('.is-active')];
  }

  return { element: svg, build, update, activeElements };
}

function activationHeader(spec, t) {
  if (spec.name === 'leaky_relu') return t('graph.activationHeader.leaky_relu', { slope: formatNumber(spec.slope) });
  if (spec.name === 'prelu') return t('graph.activationHeader.prelu');
  return activationName(t, spec.name);
}
