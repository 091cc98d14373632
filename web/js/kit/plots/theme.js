// Colours and line styles for every plot. Colours come from CSS custom properties on (or above) the
// plot's element, so a widget's own stylesheet themes its plots, light and dark, also inside a
// shadow root. Every series also has its own dash pattern and marker, so colour is never the only
// way to tell two lines apart.

/** The custom properties a host stylesheet may set (all optional; defaults below). */
export const THEME_PROPERTIES = Object.freeze({
  fg: '--plot-fg',          // axis labels, text
  muted: '--plot-muted',    // tick labels, captions
  grid: '--plot-grid',      // grid lines
  background: '--plot-bg',  // canvas background (heatmap frame, histogram cells)
  positive: '--plot-pos',   // class 1 / "positive" side of a diverging map
  negative: '--plot-neg',   // class 0 / "negative" side
  edge: '--plot-edge',      // outline of data points drawn on a tinted map
  series: ['--plot-series-1', '--plot-series-2', '--plot-series-3', '--plot-series-4', '--plot-series-5', '--plot-series-6'],
});

const LIGHT = {
  fg: '#1d2126', muted: '#56606b', grid: '#e1e5ea', background: '#ffffff',
  positive: '#1a5fb4', negative: '#c64600', edge: '#1d2126',
  series: ['#1a5fb4', '#c64600', '#2e7d32', '#8e24aa', '#00838f', '#5d4037'],
};
const DARK = {
  fg: '#e6e9ed', muted: '#a3adb8', grid: '#333a43', background: '#1c2026',
  positive: '#8cb8ff', negative: '#ffa866', edge: '#0d1014',
  series: ['#8cb8ff', '#ffa866', '#8fd694', '#dfa3ff', '#6fdde6', '#d7b9a8'],
};

/** Dash patterns (canvas setLineDash, in CSS px) per series index: solid, dashed, dotted, … */
export const SERIES_DASHES = Object.freeze([[], [8, 4], [2, 3], [10, 3, 2, 3], [5, 2, 1, 2, 1, 2], [1, 5]]);
/** Marker shape per series index, drawn at a few points along each line and in the legend. */
export const SERIES_MARKERS = Object.freeze(['circle', 'square', 'triangle', 'diamond', 'cross', 'plus']);

function prefersDark() {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** The resolved theme for `element`: {fg, muted, grid, background, positive, negative, edge, series[]}. */
export function readPlotTheme(element) {
  const fallback = prefersDark() ? DARK : LIGHT;
  const style = element && element.isConnected ? getComputedStyle(element) : null;
  const read = (name, value) => {
    const custom = style ? style.getPropertyValue(name).trim() : '';
    return custom || value;
  };
  return {
    fg: read(THEME_PROPERTIES.fg, fallback.fg),
    muted: read(THEME_PROPERTIES.muted, fallback.muted),
    grid: read(THEME_PROPERTIES.grid, fallback.grid),
    background: read(THEME_PROPERTIES.background, fallback.background),
    positive: read(THEME_PROPERTIES.positive, fallback.positive),
    negative: read(THEME_PROPERTIES.negative, fallback.negative),
    edge: read(THEME_PROPERTIES.edge, fallback.edge),
    series: THEME_PROPERTIES.series.map((name, k) => read(name, fallback.series[k])),
  };
}

/** Style of series number `index` (wraps around): {color, dash, marker}. */
export function seriesStyle(theme, index) {
  const k = index % theme.series.length;
  return { color: theme.series[k], dash: SERIES_DASHES[k % SERIES_DASHES.length], marker: SERIES_MARKERS[k % SERIES_MARKERS.length] };
}

/** Draw marker `shape` centred at (x, y) with half-size r on a 2D context (stroke + fill set by caller). */
export function drawMarker(ctx, shape, x, y, r) {
  ctx.beginPath();
  switch (shape) {
    case 'square': ctx.rect(x - r, y - r, 2 * r, 2 * r); break;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.15); ctx.lineTo(x + r * 1.1, y + r * 0.85); ctx.lineTo(x - r * 1.1, y + r * 0.85); ctx.closePath();
      break;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.25); ctx.lineTo(x + r * 1.1, y); ctx.lineTo(x, y + r * 1.25); ctx.lineTo(x - r * 1.1, y); ctx.closePath();
      break;
    case 'cross': ctx.moveTo(x - r, y - r); ctx.lineTo(x + r, y + r); ctx.moveTo(x + r, y - r); ctx.lineTo(x - r, y + r); break;
    case 'plus': ctx.moveTo(x - r * 1.2, y); ctx.lineTo(x + r * 1.2, y); ctx.moveTo(x, y - r * 1.2); ctx.lineTo(x, y + r * 1.2); break;
    default: ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
}

/** Markers that are open strokes (no fill). */
export function markerIsOpen(shape) { return shape === 'cross' || shape === 'plus'; }

/** Calls `callback` when the colour scheme flips (light ↔ dark); returns an unsubscribe function. */
export function onThemeChange(callback) {
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', callback);
  return () => query.removeEventListener('change', callback);
}

/** A canvas sized for `width` × `height` CSS px at the device pixel ratio; returns its 2D context. */
export function sizeCanvas(canvas, width, height) {
  const ratio = Math.max(1, Math.min(3, (typeof devicePixelRatio === 'number' && devicePixelRatio) || 1));
  const w = Math.max(1, Math.round(width * ratio));
  const hgt = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== hgt) canvas.height = hgt;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}
