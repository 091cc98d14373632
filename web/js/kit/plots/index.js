// ActLab's plots: small wrappers that draw numbers they are given (from the engine) and compute
// none. Each plot has a text alternative that the caller fills with the plot's key numbers, and
// every series differs by dash pattern and marker as well as by colour.
//
//   createLineChart(options)   uPlot line chart, linear or log-10 y axis          (line-chart.js)
//   createHistogram(options)   one small canvas histogram, for small multiples    (histogram.js)
//   drawHistogram(canvas, …)   the same as a function
//   createHeatmap(options)     decision-boundary map with the p = 0.5 contour      (heatmap.js)
//   gridPoints, dataExtent     the grid a heatmap asks the engine about           (grid.js)
//   readPlotTheme, seriesStyle colours from CSS custom properties --plot-*         (theme.js)
//
// Styles: uPlot.min.css (vendor/uplot/) plus the `.actlab-chart` rules, which web/css/lab.css and
// web/css/playground.css carry (copy them, scoped, into another widget's stylesheet). Colours are
// the custom properties listed in theme.js THEME_PROPERTIES; without them the plots use built-in
// light and dark defaults. Everything works inside a shadow root (no document-level queries).
export { createLineChart } from './line-chart.js';
export { createHistogram, drawHistogram } from './histogram.js';
export { createHeatmap } from './heatmap.js';
export { gridPoints, dataExtent } from './grid.js';
export { readPlotTheme, seriesStyle, SERIES_DASHES, SERIES_MARKERS, THEME_PROPERTIES, onThemeChange } from './theme.js';
