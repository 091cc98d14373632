// Small-multiple histograms on a plain canvas: one tiny plot per layer (the "activations per layer"
// figures of Glorot & Bengio, 2010). Dozens of these update many times a second, so each is a
// single canvas with no library behind it. The counts come from the engine (measure with `bins`);
// this file only draws them.
//
//   import { createHistogram } from './index.js';
//   const plot = createHistogram({ label: 'Layer 1, pre-activations', width: 120, height: 40 });
//   cell.append(plot.element);
//   plot.draw({ counts: [0, 3, 40, 12, 0], range: [-6, 6] });   // the engine's histogram
//   plot.setLabel('Layer 1, pre-activations: mean 0.02, std 0.9');  // its text alternative
//
// The engine puts values outside `range` into the end bins; a full end bin is drawn with a
// hatched cap and an arrow so "piled up beyond the edge" reads differently from "in range".
import { h } from '../dom.js';
import { readPlotTheme, sizeCanvas } from './theme.js';

/**
 * drawHistogram(canvas, {counts, range, width, height, color, theme, zeroLine = true})
 * Bars normalised to the tallest bin; a tick at 0 when 0 is inside the range; arrows on full end bins.
 */
export function drawHistogram(canvas, { counts, range, width, height, color, theme, zeroLine = true, endArrows = true }) {
  const ctx = sizeCanvas(canvas, width, height);
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  const bins = counts ? counts.length : 0;
  const baseline = height - 1.5;
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, baseline + 0.5);
  ctx.lineTo(width, baseline + 0.5);
  ctx.stroke();
  if (bins === 0) return;
  const max = Math.max(...counts);
  const [low, high] = range;
  if (zeroLine && low < 0 && high > 0) {
    const x0 = ((0 - low) / (high - low)) * width;
    ctx.strokeStyle = theme.muted;
    ctx.setLineDash([2, 2]);
    ctx.beginPath();
    ctx.moveTo(Math.round(x0) + 0.5, 0);
    ctx.lineTo(Math.round(x0) + 0.5, baseline);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (max <= 0) return;
  const barWidth = width / bins;
  const top = 3;
  ctx.fillStyle = color;
  for (let b = 0; b < bins; b += 1) {
    if (counts[b] <= 0) continue;
    const barHeight = Math.max(1, (counts[b] / max) * (baseline - top));
    ctx.fillRect(b * barWidth + 0.5, baseline - barHeight, Math.max(1, barWidth - 1), barHeight);
  }
  // End bins also hold everything beyond the range: mark them with an outward arrow (inside the bar,
  // in the background colour, when the bar is too tall for it to fit above). `endArrows: false`
  // for a range that holds every value (from the data's own minimum to maximum).
  if (!endArrows) return;
  ctx.lineWidth = 1.2;
  for (const [b, direction] of [[0, -1], [bins - 1, 1]]) {
    if (counts[b] <= 0) continue;
    const barHeight = Math.max(1, (counts[b] / max) * (baseline - top));
    const inside = barHeight > baseline - top - 9;
    const x = direction < 0 ? 1.5 : width - 1.5;
    const y = inside ? top + 6 : baseline - barHeight - 5;
    ctx.strokeStyle = inside ? theme.background : theme.fg;
    ctx.beginPath();
    ctx.moveTo(x - direction * 4, y - 3);
    ctx.lineTo(x, y);
    ctx.lineTo(x - direction * 4, y + 3);
    ctx.stroke();
  }
}

/**
 * createHistogram({label, width = 120, height = 40, className}) →
 *   {element, draw({counts, range, color?, theme?}), setLabel(text), setSize(width, height)}
 * `element` is a canvas with role="img"; its aria-label is the text alternative (give it the key
 * numbers, e.g. the engine's mean and standard deviation).
 */
export function createHistogram(options = {}) {
  let width = options.width || 120;
  let height = options.height || 40;
  const canvas = h('canvas', {
    class: `actlab-histogram ${options.className || ''}`.trim(), role: 'img', 'aria-label': options.label || '',
  });
  let last = null;
  let ownTheme = null;
  /** next: {counts, range, color?, theme?}. Pass `theme` (readPlotTheme) when drawing many at once. */
  function draw(next) {
    last = next;
    const theme = next.theme || ownTheme || (ownTheme = readPlotTheme(canvas));
    drawHistogram(canvas, { ...next, width, height, theme, color: next.color || theme.series[0] });
  }
  return {
    element: canvas,
    draw,
    redraw() { if (last) draw(last); },
    setLabel(text) { if (canvas.getAttribute('aria-label') !== text) canvas.setAttribute('aria-label', text); },
    setSize(nextWidth, nextHeight) { width = nextWidth; height = nextHeight; if (last) draw(last); },
  };
}
