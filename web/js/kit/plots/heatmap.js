// A decision-boundary heatmap: the network's output p(x₁, x₂) ∈ [0, 1] on a grid (from the engine's
// predict), the p = 0.5 contour, and the data points. Class 1 is a filled circle, class 0 a filled
// square; test points are drawn hollow. Shapes as well as colours tell the classes apart. With k > 2
// classes (softmax outputs, k per grid point) each cell takes the colour of its most probable class
// (Okabe–Ito), paler where the network is less sure, with a line where the most probable class changes;
// classes are shapes too (classes.js).
//
//   import { createHeatmap, gridPoints, dataExtent } from './index.js';
//   const map = createHeatmap({ label: 'Decision boundary', maxSize: 360 });
//   container.append(map.element);
//   const extent = dataExtent(train.inputs);
//   const values = session.predict(gridPoints(64, extent));   // engine output, 64 × 64
//   map.draw({ values, resolution: 64, extent, train, test });  // train/test: {inputs, targets}
//   map.setLabel('Decision boundary: 97% of training points on the right side');
import { h } from '../dom.js';
import { readPlotTheme, onThemeChange, sizeCanvas } from './theme.js';
import { CLASS_SHAPES, classColour, shapePath } from './classes.js';

const INTENSITY = 0.62; // the strongest tint, so points stay readable on top

/** CSS colour → [r, g, b] through a 1×1 canvas (accepts any CSS colour syntax). */
const colourCache = new Map();
function rgb(colour) {
  if (colourCache.has(colour)) return colourCache.get(colour);
  const probe = document.createElement('canvas');
  probe.width = 1;
  probe.height = 1;
  const ctx = probe.getContext('2d', { willReadFrequently: true });
  ctx.fillStyle = '#000';
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  const value = [r, g, b];
  colourCache.set(colour, value);
  return value;
}

function mix(a, b, t) { return a + (b - a) * t; }

/** Marching squares on the grid-cell centres: line segments where p crosses `level`. */
function contourSegments(values, resolution, level = 0.5) {
  const segments = [];
  const at = (r, c) => values[r * resolution + c];
  for (let r = 0; r < resolution - 1; r += 1) {
    for (let c = 0; c < resolution - 1; c += 1) {
      const corners = [at(r, c), at(r, c + 1), at(r + 1, c + 1), at(r + 1, c)]; // tl, tr, br, bl
      if (corners.some((v) => !Number.isFinite(v))) continue;
      const points = [];
      const edges = [[0, 1, [r, c], [r, c + 1]], [1, 2, [r, c + 1], [r + 1, c + 1]],
        [2, 3, [r + 1, c + 1], [r + 1, c]], [3, 0, [r + 1, c], [r, c]]];
      for (const [i, j, p, q] of edges) {
        const a = corners[i] - level;
        const b = corners[j] - level;
        if ((a < 0) !== (b < 0)) {
          const t = a / (a - b);
          points.push([p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t]);
        }
      }
      if (points.length === 2) segments.push(points);
      else if (points.length === 4) segments.push([points[0], points[1]], [points[2], points[3]]);
    }
  }
  return segments;
}

function drawPoints(ctx, set, toPixel, theme, { hollow, classes }) {
  if (!set || !set.inputs) return;
  const radius = 3.4;
  ctx.lineWidth = hollow ? 1.6 : 1;
  for (let k = 0; k < set.inputs.length; k += 1) {
    const [x, y] = toPixel(set.inputs[k][0], set.inputs[k][1]);
    const label = classes > 2 ? set.targets[k][0] : (set.targets[k][0] >= 0.5 ? 1 : 0);
    shapePath(ctx, CLASS_SHAPES[label % CLASS_SHAPES.length], x, y, radius);
    const colour = classColour(theme, label, classes);
    if (hollow) {
      ctx.strokeStyle = colour;
      ctx.stroke();
    } else {
      ctx.fillStyle = colour;
      ctx.fill();
      ctx.strokeStyle = theme.edge;
      ctx.stroke();
    }
  }
}

/** The most probable class of grid cell k (k classes per cell) and how sure: (p_max − 1/k) / (1 − 1/k). */
function cellClass(values, k, classes) {
  let best = 0;
  for (let c = 1; c < classes; c += 1) if (values[k * classes + c] > values[k * classes + best]) best = c;
  const p = values[k * classes + best];
  return Number.isFinite(p) ? [best, (p - 1 / classes) / (1 - 1 / classes)] : [-1, 0];
}

/**
 * createHeatmap({label, maxSize = 360}) →
 *   {element, draw({values, resolution, extent, train, test, classes}), setLabel(text), destroy()}
 * values: Float64Array of resolution² outputs in [0, 1], row-major from the top-left (gridPoints
 * order), or resolution² × classes probabilities with `classes` > 2; extent: [low, high] for both
 * axes; train/test: {inputs: [[x1, x2]], targets: [[label]]}.
 */
export function createHeatmap(options = {}) {
  const maxSize = options.maxSize || 360;
  const canvas = h('canvas', { class: 'heatmap-canvas', role: 'img', 'aria-label': options.label || '' });
  const element = h('div', { class: 'actlab-chart actlab-chart--heatmap' }, canvas);
  const cells = document.createElement('canvas');
  let size = 0;
  let last = null;
  let theme = null;

  function draw(next) {
    last = next;
    if (size <= 0) return;
    if (!theme) theme = readPlotTheme(element); // once: getComputedStyle forces a style pass
    const ctx = sizeCanvas(canvas, size, size);
    const { values, resolution, extent } = next;
    // 1. The tint of every grid cell, into a resolution × resolution image, scaled up smoothly.
    if (cells.width !== resolution) { cells.width = resolution; cells.height = resolution; }
    const cellCtx = cells.getContext('2d');
    const image = cellCtx.createImageData(resolution, resolution);
    const background = rgb(theme.background);
    const positive = rgb(theme.positive);
    const negative = rgb(theme.negative);
    const classes = next.classes || 2;
    const palette = Array.from({ length: classes }, (_, c) => rgb(classColour(theme, c, classes)));
    const regions = classes > 2 ? new Int8Array(resolution * resolution) : null;
    for (let k = 0; k < resolution * resolution; k += 1) {
      let colour = background;
      let t = 0;
      if (regions) {
        const [best, sure] = cellClass(values, k, classes);
        regions[k] = best;
        if (best >= 0) { colour = palette[best]; t = Math.min(1, Math.max(0, sure)) * INTENSITY; }
      } else if (Number.isFinite(values[k])) {
        const p = values[k];
        colour = p >= 0.5 ? positive : negative;
        t = Math.min(1, Math.abs(p - 0.5) * 2) * INTENSITY;
      }
      image.data[4 * k] = mix(background[0], colour[0], t);
      image.data[4 * k + 1] = mix(background[1], colour[1], t);
      image.data[4 * k + 2] = mix(background[2], colour[2], t);
      image.data[4 * k + 3] = 255;
    }
    cellCtx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.clearRect(0, 0, size, size);
    ctx.drawImage(cells, 0, 0, size, size);
    // 2. The decision boundary p = 0.5 (cell centres sit at (c + 0.5) / resolution).
    const cell = size / resolution;
    ctx.strokeStyle = theme.fg;
    ctx.lineWidth = 2;
    ctx.beginPath();
    if (regions) {
      // Where the most probable class changes between neighbouring cells: the cells' shared edge.
      for (let r = 0; r < resolution; r += 1) {
        for (let c = 0; c < resolution; c += 1) {
          const here = regions[r * resolution + c];
          if (c + 1 < resolution && regions[r * resolution + c + 1] !== here) {
            ctx.moveTo((c + 1) * cell, r * cell);
            ctx.lineTo((c + 1) * cell, (r + 1) * cell);
          }
          if (r + 1 < resolution && regions[(r + 1) * resolution + c] !== here) {
            ctx.moveTo(c * cell, (r + 1) * cell);
            ctx.lineTo((c + 1) * cell, (r + 1) * cell);
          }
        }
      }
    } else {
      for (const [[r0, c0], [r1, c1]] of contourSegments(values, resolution)) {
        ctx.moveTo((c0 + 0.5) * cell, (r0 + 0.5) * cell);
        ctx.lineTo((c1 + 0.5) * cell, (r1 + 0.5) * cell);
      }
    }
    ctx.stroke();
    // 3. The points.
    const [low, high] = extent;
    const toPixel = (x, y) => [((x - low) / (high - low)) * size, ((high - y) / (high - low)) * size];
    drawPoints(ctx, next.test, toPixel, theme, { hollow: true, classes });
    drawPoints(ctx, next.train, toPixel, theme, { hollow: false, classes });
    // 4. A frame.
    ctx.strokeStyle = theme.muted;
    ctx.lineWidth = 1;
    ctx.strokeRect(0.5, 0.5, size - 1, size - 1);
  }

  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => {
    const next = Math.max(120, Math.min(maxSize, Math.floor(entries[0].contentRect.width)));
    if (next === size) return;
    size = next;
    if (last) draw(last);
  }) : null;
  if (observer) observer.observe(element);
  const stopTheme = onThemeChange(() => { theme = null; if (last) draw(last); });

  return {
    element,
    canvas,
    draw,
    setLabel(text) { if (canvas.getAttribute('aria-label') !== text) canvas.setAttribute('aria-label', text); },
    destroy() {
      if (observer) observer.disconnect();
      stopTheme();
      element.remove();
    },
  };
}
