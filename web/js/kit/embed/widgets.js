// The table of embeddable widgets: one entry per widget, and, beside its mount function in
// web/embed/mounts.js, nothing else to change when a widget is added (actlab-embed.js defines an
// element per entry, widget.html serves each by name, the share button and docs/embedding.md follow
// the same table).
//
//   name        the widget's name in URLs: widget.html?w=<name>
//   tag         its custom element
//   titleKey    locale key of its title (iframe title, standalone page heading)
//   css         its stylesheets, relative to web/ (KaTeX, the share button and the frame are added)
//   adapter     () → Promise of the module with {attributes, fromAttributes, toAttributes, fromHash,
//               toHash} built by adapt.js from the widget's state schema and codec (see adapters/);
//               bundled with the table, since every page that has the table shares their codecs
//   attributes  the state attributes the element accepts: its adapter's (one per link key, and the
//               adapter's convenience attributes)
//   height      iframe height (px) the snippets suggest: the default example's at 760 px wide, the
//               fallback for hosts without embed/frames.js (tests/browser/embed-frames.test.mjs)

import * as stepperAdapter from './adapters/stepper.js';
import * as activationPlotAdapter from './adapters/activation-plot.js';
import * as linearStackAdapter from './adapters/linear-stack.js';
import * as comparisonAdapter from './adapters/comparison.js';
import * as playgroundAdapter from './adapters/playground.js';
import * as exerciseAdapter from './adapters/exercise.js';

export const WIDGETS = Object.freeze([
  {
    name: 'stepper',
    tag: 'actlab-stepper',
    titleKey: 'embed.widget.stepper',
    css: ['css/stepper.css'],
    adapter: async () => stepperAdapter,
    attributes: stepperAdapter.adapter.attributes,
    height: 1160,
  },
  {
    name: 'activation-plot',
    tag: 'actlab-activation-plot',
    titleKey: 'embed.widget.activation-plot',
    css: ['css/plot.css', 'css/activation-plot.css'],
    adapter: async () => activationPlotAdapter,
    attributes: activationPlotAdapter.adapter.attributes,
    height: 830,
  },
  {
    name: 'linear-stack',
    tag: 'actlab-linear-stack',
    titleKey: 'embed.widget.linear-stack',
    css: ['css/plot.css', 'css/linear-stack.css'],
    adapter: async () => linearStackAdapter,
    attributes: linearStackAdapter.adapter.attributes,
    height: 1260,
  },
  {
    name: 'comparison',
    tag: 'actlab-comparison',
    titleKey: 'embed.widget.comparison',
    css: ['vendor/uplot/uPlot.min.css', 'css/lab.css'],
    adapter: async () => comparisonAdapter,
    attributes: comparisonAdapter.adapter.attributes,
    height: 3320,
  },
  {
    name: 'playground',
    tag: 'actlab-playground',
    titleKey: 'embed.widget.playground',
    css: ['vendor/uplot/uPlot.min.css', 'css/lab.css', 'css/playground.css'],
    adapter: async () => playgroundAdapter,
    attributes: playgroundAdapter.adapter.attributes,
    height: 3790,
  },
  {
    name: 'exercise',
    tag: 'actlab-exercise',
    titleKey: 'embed.widget.exercise',
    css: ['css/exercise.css'],
    adapter: async () => exerciseAdapter,
    attributes: ['exercise', 'seed'],
    height: 720,
  },
]);

/** Stylesheets every embedded widget gets, before its own (paths relative to web/). */
export const COMMON_CSS = ['vendor/katex/katex.min.css', 'css/share.css'];
/** The embed frame's own stylesheet, after the widget's. */
export const FRAME_CSS = 'css/embed.css';
/** The notebook theme, whose :root variables are copied onto the frame. */
export const THEME_CSS = 'css/notebook.css';

export function widgetByName(name) {
  return WIDGETS.find((entry) => entry.name === name) || null;
}

export function widgetByTag(tag) {
  return WIDGETS.find((entry) => entry.tag === tag) || null;
}
