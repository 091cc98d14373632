// A small SVG plot for the notebook's figures: axes with ticks, line and dot series, point markers,
// shaded regions, guide lines and an HTML legend. It draws at the real pixel width of its box (so
// text stays legible at 375 px) and redraws when the box is resized. No data of its own: every
// number it draws is handed in. Styles live in web/css/plot.css, scoped by .actlab-plot, with
// light and dark colours; lines also differ by dash pattern and markers by shape, never by colour
// alone.
import { h, s, uid } from '../dom.js';
import { formatNumber } from '../format.js';

const MARGIN = { top: 12, right: 14, bottom: 40, left: 56 };
const DASHES = { solid: null, dashed: '8 5', dotted: '2 4', dashdot: '9 4 2 4' };

/** About `count` round tick values covering [min, max]. */
export function niceTicks(min, max, count = 5) {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) || 10 * power;
  const ticks = [];
  for (let value = Math.ceil(min / step - 1e-9) * step; value <= max + step * 1e-9; value += step) {
    ticks.push(Math.abs(value) < step * 1e-9 ? 0 : Number(value.toPrecision(12)));
  }
  return ticks;
}

function logTicks(min, max) {
  const low = Math.floor(Math.log10(min));
  const high = Math.ceil(Math.log10(max));
  const stride = Math.max(1, Math.ceil((high - low) / 7));
  const ticks = [];
  for (let k = low; k <= high; k += stride) ticks.push(k);
  return ticks;
}

function shapePath(shape, x, y, r) {
  switch (shape) {
    case 'square': return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'diamond': return `M${x},${y - r * 1.3}L${x + r * 1.3},${y}L${x},${y + r * 1.3}L${x - r * 1.3},${y}Z`;
    case 'triangle': return `M${x},${y - r * 1.3}L${x + r * 1.2},${y + r}L${x - r * 1.2},${y + r}Z`;
    default: return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
}

/** A tiny inline SVG sample of a line style and/or marker shape, for legends. */
export function legendSwatch({ tone = 1, dash = 'solid', shape = null, line = true, fill = null }) {
  const swatch = s('svg', { class: 'plot-swatch', width: 30, height: 14, viewBox: '0 0 30 14', 'aria-hidden': 'true', focusable: 'false' });
  if (fill) swatch.append(s('rect', { x: 1, y: 1, width: 28, height: 12, class: `plot-region plot-fill-${fill}` }));
  if (line) {
    swatch.append(s('line', {
      x1: 1, y1: 7, x2: 29, y2: 7, class: `plot-line plot-tone-${tone}`, 'stroke-dasharray': DASHES[dash] || null,
    }));
  }
  if (shape) swatch.append(s('path', { d: shapePath(shape, 15, 7, 4), class: `plot-marker plot-tone-${tone}` }));
  return swatch;
}

/**
 * createPlot({label}) → {element, svg, draw(spec), xFromClient(clientX), destroy()}.
 * `label` is the accessible name of the image; put the key numbers in a caption next to it and
 * point aria-describedby at it.
 */
export function createPlot({ label = '', describedBy = null, minHeight = 200, maxHeight = 340, aspect = 0.6 } = {}) {
  const svg = s('svg', { class: 'plot-svg', role: 'img', 'aria-label': label, 'aria-describedby': describedBy || null });
  const legend = h('ul', { class: 'plot-legend' });
  const element = h('div', { class: 'actlab-plot' }, svg, legend);
  let spec = null;
  let geometry = null;
  let lastWidth = 0;

  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => {
    const width = Math.round(element.clientWidth);
    if (spec && width > 0 && width !== lastWidth) render();
  }) : null;
  if (observer) observer.observe(element);

  function scales(width, height) {
    const { x, y } = spec;
    const left = MARGIN.left;
    const right = width - MARGIN.right;
    const top = MARGIN.top;
    const bottom = height - MARGIN.bottom;
    const toLog = (value) => (value > 0 ? Math.log10(value) : NaN);
    const yMin = y.log ? Math.log10(y.min) : y.min;
    const yMax = y.log ? Math.log10(y.max) : y.max;
    const sx = (value) => left + ((value - x.min) / (x.max - x.min)) * (right - left);
    const sy = (value) => {
      const v = y.log ? toLog(value) : value;
      return bottom - ((v - yMin) / (yMax - yMin)) * (bottom - top);
    };
    return { sx, sy, left, right, top, bottom, yMin, yMax };
  }

  function pathFor(points, sx, sy, geo) {
    let d = '';
    let pen = false;
    for (const [px, py] of points) {
      const X = sx(px);
      const Y = sy(py);
      if (!Number.isFinite(X) || !Number.isFinite(Y)) { pen = false; continue; }
      const clampedY = Math.max(geo.top - 4000, Math.min(geo.bottom + 4000, Y));
      d += `${pen ? 'L' : 'M'}${X.toFixed(2)},${clampedY.toFixed(2)}`;
      pen = true;
    }
    return d;
  }

  function render() {
    const width = Math.max(240, Math.round(element.clientWidth) || 600);
    lastWidth = Math.round(element.clientWidth);
    const height = Math.round(Math.min(maxHeight, Math.max(minHeight, width * (spec.aspect || aspect))));
    const geo = scales(width, height);
    geometry = geo;
    const { sx, sy } = geo;
    const clipId = uid('plot-clip');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    const children = [];
    children.push(s('defs', {}, s('clipPath', { id: clipId },
      s('rect', { x: geo.left, y: geo.top, width: geo.right - geo.left, height: geo.bottom - geo.top }))));

    // Regions (shading) first, under everything.
    for (const region of spec.regions || []) {
      const x0 = sx(region.x0 ?? spec.x.min);
      const x1 = sx(region.x1 ?? spec.x.max);
      const y0 = region.y1 === undefined ? geo.top : sy(region.y1);
      const y1 = region.y0 === undefined ? geo.bottom : sy(region.y0);
      children.push(s('rect', {
        x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0),
        class: `plot-region plot-fill-${region.fill || 'muted'}`, 'clip-path': `url(#${clipId})`,
      }));
    }

    // Grid and axes.
    const xTicks = spec.x.ticks || niceTicks(spec.x.min, spec.x.max, Math.max(3, Math.floor((geo.right - geo.left) / 70)));
    const grid = s('g', { class: 'plot-grid' });
    const axes = s('g', { class: 'plot-axes' });
    for (const value of xTicks) {
      const X = sx(value);
      grid.append(s('line', { x1: X, x2: X, y1: geo.top, y2: geo.bottom }));
      axes.append(s('text', { x: X, y: geo.bottom + 16, 'text-anchor': 'middle', class: 'plot-tick' },
        spec.x.format ? spec.x.format(value) : formatNumber(value, 3)));
    }
    if (spec.y.log) {
      for (const k of logTicks(spec.y.min, spec.y.max)) {
        const Y = sy(10 ** k);
        if (Y < geo.top - 1 || Y > geo.bottom + 1) continue;
        grid.append(s('line', { x1: geo.left, x2: geo.right, y1: Y, y2: Y }));
        const exponent = formatNumber(k, 3);
        axes.append(s('text', { x: geo.left - 6, y: Y + 4, 'text-anchor': 'end', class: 'plot-tick' },
          '10', s('tspan', { dy: -6, 'font-size': '0.8em' }, exponent)));
      }
    } else {
      const yTicks = spec.y.ticks || niceTicks(spec.y.min, spec.y.max, Math.max(3, Math.floor((geo.bottom - geo.top) / 45)));
      for (const value of yTicks) {
        const Y = sy(value);
        grid.append(s('line', { x1: geo.left, x2: geo.right, y1: Y, y2: Y }));
        axes.append(s('text', { x: geo.left - 6, y: Y + 4, 'text-anchor': 'end', class: 'plot-tick' },
          spec.y.format ? spec.y.format(value) : formatNumber(value, 3)));
      }
    }
    children.push(grid);
    // Zero lines, when zero is inside the range.
    if (!spec.y.log && spec.y.min < 0 && spec.y.max > 0) {
      children.push(s('line', { x1: geo.left, x2: geo.right, y1: sy(0), y2: sy(0), class: 'plot-zero' }));
    }
    if (spec.x.min < 0 && spec.x.max > 0) {
      children.push(s('line', { x1: sx(0), x2: sx(0), y1: geo.top, y2: geo.bottom, class: 'plot-zero' }));
    }
    children.push(s('rect', { x: geo.left, y: geo.top, width: geo.right - geo.left, height: geo.bottom - geo.top, class: 'plot-frame' }));
    children.push(axes);
    if (spec.x.label) {
      children.push(s('text', { x: (geo.left + geo.right) / 2, y: height - 6, 'text-anchor': 'middle', class: 'plot-axis-label' },
        spec.x.label));
    }
    if (spec.y.label) {
      children.push(s('text', {
        x: 12, y: (geo.top + geo.bottom) / 2, 'text-anchor': 'middle', class: 'plot-axis-label',
        transform: `rotate(-90 12 ${(geo.top + geo.bottom) / 2})`,
      }, spec.y.label));
    }

    // Guides.
    for (const guide of spec.guides || []) {
      const attrs = { class: `plot-guide plot-tone-${guide.tone || 'muted'}`, 'stroke-dasharray': DASHES[guide.dash || 'dotted'] };
      if (guide.x !== undefined) children.push(s('line', { ...attrs, x1: sx(guide.x), x2: sx(guide.x), y1: geo.top, y2: geo.bottom }));
      if (guide.y !== undefined) children.push(s('line', { ...attrs, x1: geo.left, x2: geo.right, y1: sy(guide.y), y2: sy(guide.y) }));
    }

    // Series.
    const data = s('g', { 'clip-path': `url(#${clipId})` });
    for (const series of spec.series || []) {
      const tone = series.tone || 1;
      if (series.kind === 'dots') {
        const group = s('g', { class: `plot-dots plot-tone-${tone}` });
        for (const [px, py] of series.points) {
          const X = sx(px);
          const Y = sy(py);
          if (!Number.isFinite(X) || !Number.isFinite(Y)) continue;
          group.append(s('path', { d: shapePath(series.shape || 'circle', X, Y, series.size || 3), class: 'plot-dot' }));
        }
        data.append(group);
      } else {
        data.append(s('path', {
          d: pathFor(series.points, sx, sy, geo),
          class: `plot-line plot-tone-${tone}${series.thin ? ' plot-line--thin' : ''}`,
          'stroke-dasharray': DASHES[series.dash || 'solid'],
        }));
      }
    }
    children.push(data);

    // Markers (on top, not clipped so a point at the edge stays whole).
    for (const marker of spec.markers || []) {
      const X = sx(marker.x);
      const Y = sy(marker.y);
      if (!Number.isFinite(X) || !Number.isFinite(Y)) continue;
      const group = s('g', { class: `plot-marker-group plot-tone-${marker.tone || 1}` });
      group.append(s('path', {
        d: shapePath(marker.shape || 'circle', X, Y, marker.size || 6),
        class: `plot-marker${marker.hollow ? ' plot-marker--hollow' : ''}`,
      }));
      if (marker.text) {
        const anchorEnd = X > (geo.left + geo.right) / 2;
        const below = marker.textBelow && Y + 22 < geo.bottom;
        group.append(s('text', {
          x: X + (anchorEnd ? -10 : 10), y: below ? Y + 20 : Y - 8, 'text-anchor': anchorEnd ? 'end' : 'start', class: 'plot-marker-text',
        }, marker.text));
      }
      children.push(group);
    }
    svg.replaceChildren(...children);

    const items = spec.legend || (spec.series || []).filter((series) => series.label).map((series) => ({
      label: series.label, tone: series.tone || 1, dash: series.dash || 'solid',
      shape: series.kind === 'dots' ? series.shape || 'circle' : null, line: series.kind !== 'dots',
    }));
    legend.replaceChildren(...items.map((item) => h('li', {}, legendSwatch(item), h('span', { text: item.label }))));
    legend.hidden = items.length === 0;
  }

  return {
    element,
    svg,
    /** Draw (or redraw) the plot from `next`. */
    draw(next) {
      spec = next;
      render();
    },
    setLabel(text) { svg.setAttribute('aria-label', text); },
    /** The x value under a pointer at clientX (clamped to the axis range), or null before drawing. */
    xFromClient(clientX) {
      if (!geometry || !spec) return null;
      const rect = svg.getBoundingClientRect();
      const scale = rect.width / (Number(svg.getAttribute('width')) || rect.width);
      const local = (clientX - rect.left) / scale;
      const fraction = (local - geometry.left) / (geometry.right - geometry.left);
      return spec.x.min + Math.max(0, Math.min(1, fraction)) * (spec.x.max - spec.x.min);
    },
    destroy() {
      if (observer) observer.disconnect();
      element.remove();
    },
  };
}
