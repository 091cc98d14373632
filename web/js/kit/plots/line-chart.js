// A small line chart on uPlot: several series over one x axis, linear or log-10 y axis, a legend
// that shows each series' dash pattern and marker (not only its colour) and its last value, and a
// text alternative with the key numbers. It draws whatever numbers it is given; it computes none.
//
//   import { createLineChart } from './index.js';
//   const chart = createLineChart({ label: 'Loss', xLabel: 'step', yLabel: 'loss', log: true,
//                                   series: [{ label: 'ReLU' }, { label: 'tanh' }] });
//   container.append(chart.element);
//   chart.setData([0, 10, 20], [[0.69, 0.5, 0.3], [0.69, 0.4, null]]);   // null / NaN: a gap
//   chart.setSummary('ReLU: 0.69 → 0.3; tanh: 0.69 → 0.4');             // the key numbers, as text
//
// Needs uPlot.min.css (vendor/uplot/) and the .actlab-chart rules (css/lab.css has them) in the
// same document or shadow root.
import uPlot from '../../../vendor/uplot/uPlot.esm.js';
import { h, s, uid } from '../dom.js';
import { formatNumber } from '../format.js';
import { readPlotTheme, seriesStyle, drawMarker, markerIsOpen, onThemeChange } from './theme.js';

const MARKERS_PER_SERIES = 5;

function defaultFormat(value) {
  if (Number.isInteger(value) && Math.abs(value) < 1e6) return String(value).replace('-', '\u2212');
  return formatNumber(value, 3);
}

/**
 * Values as uPlot draws them: finite numbers, or null for a gap. On a log axis the chart draws
 * log10(v) on a linear axis (≤ 0 is a gap) and labels the ticks with 10^tick: uPlot's own log axis
 * walks every decade in small increments and hangs below about 1e−32 (a 32-layer sigmoid network's
 * gradient norms reach 1e−40 and smaller), while log10 of any positive double is between −324 and 309.
 */
function cleanSeries(values, log) {
  return Array.from(values, (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    if (!log) return v;
    return v > 0 ? Math.log10(v) : null;
  });
}

/** Tick steps for a log10 axis, in decades: whole decades, spaced so that at most MAX_LOG_TICKS fit. */
const DECADE_STEPS = [1, 2, 3, 5, 10, 20, 25, 50, 100];
const MAX_LOG_TICKS = 7;
/** Within a few decades, ticks at 1, 2, 5 × 10^k, or 1 … 9 × 10^k in a narrow range (log10 values). */
const SUB_DECADE = [[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]].map((mults) => mults.map((m) => Math.log10(m)));

/** Tick positions (log10 values) between `min` and `max`: a bounded number, at readable values. */
export function logTicks(min, max) {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  const span = max - min;
  if (span <= 2.5) {
    for (const offsets of SUB_DECADE) {
      const ticks = [];
      for (let k = Math.floor(min); k <= Math.ceil(max); k += 1) {
        for (const offset of offsets) if (k + offset >= min - 1e-9 && k + offset <= max + 1e-9) ticks.push(k + offset);
      }
      if (ticks.length >= 2 && ticks.length <= MAX_LOG_TICKS + 2) return ticks;
    }
    return [min + span * 0.1, min + span * 0.5, min + span * 0.9]; // inside one narrow band
  }
  const step = DECADE_STEPS.find((candidate) => span / candidate <= MAX_LOG_TICKS - 1) || Math.ceil(span / (MAX_LOG_TICKS - 1));
  const ticks = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) ticks.push(v);
  return ticks;
}

/** 10^v for a tick at log10 value v, exact for whole decades (10 ** -23 is not quite 1e-23). */
function fromLog(v) {
  const whole = Math.round(v);
  return Math.abs(v - whole) < 1e-9 ? Number(`1e${whole}`) : 10 ** v;
}

/** A legend entry's swatch: a short line with the series' dash pattern and its marker. */
function swatch(style) {
  const dash = style.dash.length ? style.dash.join(' ') : null;
  const marker = style.marker;
  const shape = {
    circle: s('circle', { cx: 14, cy: 6, r: 3.2 }),
    square: s('rect', { x: 10.8, y: 2.8, width: 6.4, height: 6.4 }),
    triangle: s('path', { d: 'M14 2.3 L17.6 8.8 L10.4 8.8 Z' }),
    diamond: s('path', { d: 'M14 2 L17.6 6 L14 10 L10.4 6 Z' }),
    cross: s('path', { d: 'M11 3 L17 9 M17 3 L11 9', fill: 'none' }),
    plus: s('path', { d: 'M10.5 6 L17.5 6 M14 2.5 L14 9.5', fill: 'none' }),
  }[marker];
  shape.setAttribute('stroke', style.color);
  shape.setAttribute('stroke-width', '1.6');
  if (!markerIsOpen(marker)) shape.setAttribute('fill', style.color);
  return s('svg', { class: 'plot-swatch', width: 28, height: 12, viewBox: '0 0 28 12', 'aria-hidden': 'true', focusable: 'false' },
    s('line', { x1: 1, y1: 6, x2: 27, y2: 6, stroke: style.color, 'stroke-width': 2, 'stroke-dasharray': dash }),
    shape);
}

/**
 * createLineChart(options) → chart
 *
 * options:
 *   label      accessible name and visible title (string)
 *   xLabel     x-axis title; yLabel: y-axis title
 *   series     [{label}] one entry per line, in the order of `ys` in setData
 *   log        true: log-10 y axis (values ≤ 0 are not drawn; the summary should say so): log10 of
 *              the values on a linear axis, ticks labelled 10^tick, at most 7 of them, any range
 *   height     plot height in CSS px (default 190)
 *   yRange     [min, max] fixed y range (linear axis only), e.g. [0, 1] for fractions
 *   xInteger   true: x ticks only at integers (e.g. layer numbers)
 *   formatX, formatY   number → tick text (default: 3 significant digits)
 *   showTitle  false: no visible title (the label is still the accessible name)
 *   legendValue  'last' (default): the legend shows each series' last finite value; 'none'
 *
 * chart:
 *   element                 the <figure> to put in the page
 *   setData(x, ys)          x: number[]; ys: one array per series (number | null | NaN)
 *   setSeries(series)       change the series (count or labels); keeps the data until setData
 *   setSummary(text)        the text alternative: the key numbers, shown under the plot
 *   setLabels({label, xLabel, yLabel})   after a language switch
 *   setLog(log)             switch the y axis between linear and log 10
 *   destroy()
 */
export function createLineChart(options = {}) {
  let label = options.label || '';
  let xLabel = options.xLabel || '';
  let yLabel = options.yLabel || '';
  let series = (options.series || []).map((entry) => ({ label: entry.label }));
  let log = Boolean(options.log);
  const height = options.height || 190;
  const formatX = options.formatX || defaultFormat;
  const formatY = options.formatY || defaultFormat;
  let raw = { x: [], ys: series.map(() => []) };  // as given; `data` is what uPlot draws
  let data = [[], ...series.map(() => [])];
  let plot = null;
  let width = 0;
  let theme = null;

  const titleId = uid('plot-title');
  const summaryId = uid('plot-summary');
  const title = h('figcaption', { class: 'plot-title', id: titleId, text: label, hidden: options.showTitle === false });
  const area = h('div', { class: 'plot-area', role: 'img', 'aria-label': label, 'aria-describedby': summaryId });
  const legend = h('ul', { class: 'plot-legend' });
  const summary = h('p', { class: 'plot-summary', id: summaryId });
  const element = h('figure', { class: 'actlab-chart actlab-chart--line', 'aria-labelledby': titleId }, title, area, legend, summary);

  function fontFamily() {
    const family = element.isConnected ? getComputedStyle(element).fontFamily : '';
    return family || 'system-ui, sans-serif';
  }

  function axis(text, formatter, extra = {}) {
    const family = fontFamily();
    return {
      stroke: theme.muted,
      grid: { stroke: theme.grid, width: 1 },
      ticks: { stroke: theme.grid, width: 1, size: 4 },
      font: `11px ${family}`,
      labelFont: `12px ${family}`,
      label: text,
      labelSize: text ? 20 : 0,
      values: formatter ? (u, splits) => splits.map((v) => (v === null || v === undefined ? '' : formatter(v))) : undefined,
      ...extra,
    };
  }

  // What the last draw showed, on the figure for tests and hosts: data-points (points drawn) and
  // data-y-ticks (the y tick labels, separated by "|").
  let yTickLabels = [];
  function yValues(formatter) {
    return (u, splits) => {
      yTickLabels = splits.map((v) => (v === null || v === undefined ? '' : formatter(v)));
      return yTickLabels;
    };
  }
  function recordDrawn(u) {
    let points = 0;
    for (let k = 1; k < u.data.length; k += 1) for (const v of u.data[k]) if (v !== null && v !== undefined) points += 1;
    element.dataset.points = String(points);
    element.dataset.yTicks = yTickLabels.join('|');
  }

  function drawMarkers(u) {
    const ctx = u.ctx;
    const ratio = u.pxRatio || (typeof devicePixelRatio === 'number' ? devicePixelRatio : 1);
    const xs = u.data[0];
    if (!xs || xs.length === 0) return;
    ctx.save();
    for (let k = 1; k < u.data.length; k += 1) {
      const style = seriesStyle(theme, k - 1);
      const ys = u.data[k];
      const present = [];
      for (let i = 0; i < xs.length; i += 1) if (ys[i] !== null && ys[i] !== undefined) present.push(i);
      if (present.length === 0) continue;
      const count = Math.min(MARKERS_PER_SERIES, present.length);
      ctx.strokeStyle = style.color;
      ctx.fillStyle = style.color;
      ctx.lineWidth = 1.5 * ratio;
      ctx.setLineDash([]);
      for (let m = 0; m < count; m += 1) {
        // Spread the markers, offset per series so markers of overlapping lines do not coincide.
        const fraction = count === 1 ? 1 : (m + ((k - 1) % 3) / 3) / (count - 1 + 1 / 3);
        const i = present[Math.min(present.length - 1, Math.round(fraction * (present.length - 1)))];
        const x = u.valToPos(xs[i], 'x', true);
        const y = u.valToPos(ys[i], 'y', true);
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        drawMarker(ctx, style.marker, x, y, 3.2 * ratio);
        if (markerIsOpen(style.marker)) ctx.stroke(); else ctx.fill();
      }
    }
    ctx.restore();
  }

  function yScale() {
    if (log) {
      return {
        range: (u, min, max) => {
          if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [-3, 0];
          const pad = Math.max(0.15, (max - min) * 0.05);
          return [min - pad, max + pad];
        },
      };
    }
    if (options.yRange) return { range: () => options.yRange.slice() };
    return {
      range: (u, min, max) => {
        if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
        if (min === max) return [min - Math.abs(min || 1) * 0.1, max + Math.abs(max || 1) * 0.1];
        const pad = (max - min) * 0.06;
        return [min >= 0 && min - pad < 0 ? 0 : min - pad, max + pad];
      },
    };
  }

  function build() {
    if (plot) { plot.destroy(); plot = null; }
    if (width <= 0) return;
    // Read the colours once (getComputedStyle forces a style pass); again only when the scheme flips.
    if (!theme) theme = readPlotTheme(element);
    const opts = {
      width,
      height,
      legend: { show: false },
      cursor: { show: false },
      select: { show: false },
      scales: {
        x: { time: false },
        y: yScale(),
      },
      axes: [
        axis(xLabel, formatX, options.xInteger ? { incrs: [1, 2, 5, 10, 20, 50, 100] } : {}),
        log
          ? axis(yLabel, null, {
            size: 58, splits: (u, axisIdx, min, max) => logTicks(min, max), values: yValues((v) => formatY(fromLog(v))),
          })
          : axis(yLabel, null, { size: 58, values: yValues(formatY) }),
      ],
      series: [
        {},
        ...series.map((entry, k) => {
          const style = seriesStyle(theme, k);
          return { label: entry.label, stroke: style.color, width: 2, dash: style.dash, points: { show: false }, spanGaps: false };
        }),
      ],
      hooks: { draw: [drawMarkers, recordDrawn] },
    };
    plot = new uPlot(opts, data, area);
  }

  // The legend is built once per series list and theme; each update only rewrites the values.
  let legendValues = [];
  let legendKey = '';
  function renderLegend() {
    const legendTheme = theme || readPlotTheme(element);
    const key = JSON.stringify([series.map((entry) => entry.label), legendTheme.series]);
    if (key !== legendKey) {
      legendKey = key;
      legendValues = series.map(() => h('span', { class: 'plot-legend-value' }));
      legend.replaceChildren(...series.map((entry, k) => h('li', { class: 'plot-legend-item' }, swatch(seriesStyle(legendTheme, k)),
        h('span', { class: 'plot-legend-label', text: entry.label }),
        options.legendValue === 'none' ? null : legendValues[k])));
    }
    if (options.legendValue === 'none') return;
    series.forEach((_, k) => {
      const ys = raw.ys[k] || [];
      let last = null;
      for (let i = ys.length - 1; i >= 0; i -= 1) if (typeof ys[i] === 'number' && Number.isFinite(ys[i])) { last = ys[i]; break; }
      const text = last === null ? '' : formatY(last);
      if (legendValues[k].textContent !== text) legendValues[k].textContent = text;
    });
  }

  function derive() {
    data = [Array.from(raw.x), ...series.map((_, k) => cleanSeries(raw.ys[k] || raw.x.map(() => null), log))];
  }
  function setData(x, ys) {
    raw = { x: Array.from(x), ys: ys.map((values) => Array.from(values)) };
    derive();
    if (plot) plot.setData(data);
    else build();
    renderLegend();
  }

  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => {
    const next = Math.floor(entries[0].contentRect.width);
    if (next === width || next <= 0) return;
    const first = width === 0;
    width = next;
    if (first || !plot) build();
    else plot.setSize({ width, height });
  }) : null;
  if (observer) observer.observe(area);
  area.style.minHeight = `${height}px`;

  const stopTheme = onThemeChange(() => { theme = null; build(); renderLegend(); });
  renderLegend();

  return {
    element,
    setData,
    setSeries(next) {
      series = next.map((entry) => ({ label: entry.label }));
      derive();
      build();
      renderLegend();
    },
    setSummary(text) { summary.textContent = text; },
    setLabels(next) {
      if (next.label !== undefined) { label = next.label; title.textContent = label; area.setAttribute('aria-label', label); }
      if (next.xLabel !== undefined) xLabel = next.xLabel;
      if (next.yLabel !== undefined) yLabel = next.yLabel;
      build();
    },
    setLog(next) {
      if (Boolean(next) === log) return;
      log = Boolean(next);
      derive();
      build();
      renderLegend();
    },
    destroy() {
      if (observer) observer.disconnect();
      stopTheme();
      if (plot) plot.destroy();
      plot = null;
      element.remove();
    },
  };
}
