// Section: "Train a network on 2-D data" — the training playground widget.
import { h } from '../kit/dom.js';
import { LAB_WORDING } from '../kit/state/lab-messages.js';
import { texElement } from '../kit/math.js';
import { mountPlayground } from '../widgets/playground/index.js';
import { decodePlaygroundHash, encodePlaygroundHash } from '../kit/state/playground-codec.js';
import { siteUrl } from '../kit/site.js';

// index.html links only the shell's stylesheets: add the playground's (and uPlot's) once, after them.
// Same-origin <link>s, allowed by the page's style-src 'self'.
const STYLESHEETS = ['vendor/uplot/uPlot.min.css', 'css/lab.css', 'css/playground.css'];
function ensureStylesheets() {
  for (const path of STYLESHEETS) {
    const href = siteUrl(path);
    if (Array.from(document.querySelectorAll('link[rel="stylesheet"]')).some((link) => link.href === href)) continue;
    document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href }));
  }
}

const DEAD_RELU = "z_j \\le 0 \\text{ for every } n \\;\\Rightarrow\\; \\frac{\\partial L}{\\partial w_{ji}} = \\sum_n \\frac{\\partial L}{\\partial a_{nj}}\\,\\text{ReLU}'(z_{nj})\\,x_{ni} = 0";

export default {
  id: 'playground',
  titleKey: 'pg.section.title',
  hash: { decode: decodePlaygroundHash, encode: encodePlaygroundHash, wording: LAB_WORDING },
  mount(container, { t, lang, initialState, onStateChange, onInvalidState }) {
    ensureStylesheets();
    const intro = h('div', { class: 'section-intro' });
    const renderIntro = (tr) => {
      intro.replaceChildren(
        h('p', { text: tr('pg.section.p1') }),
        texElement(DEAD_RELU, { display: true, tag: 'div', className: 'tex tex--display' }),
        h('p', { text: tr('pg.section.p2') }));
    };
    renderIntro(t);
    const widgetRoot = h('div', { class: 'widget-host' });
    container.replaceChildren(intro, widgetRoot);
    const widget = mountPlayground(widgetRoot, { lang, initialState, onStateChange, onInvalidState });
    return {
      ready: widget.ready,
      setLang: (newLang, tr) => { renderIntro(tr); return widget.setLang(newLang); },
      setState: (state) => widget.setState(state),
    };
  },
};
