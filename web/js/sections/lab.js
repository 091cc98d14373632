// Section: "Compare activations side by side" — the comparison lab widget.
import { h } from '../kit/dom.js';
import { LAB_WORDING } from '../kit/state/lab-messages.js';
import { texElement } from '../kit/math.js';
import { mountLab } from '../widgets/lab/index.js';
import { decodeLabHash, encodeLabHash } from '../kit/state/lab-codec.js';
import { siteUrl } from '../kit/site.js';

// index.html links only the shell's stylesheets: add the lab's (and uPlot's) once, after them.
// Same-origin <link>s, allowed by the page's style-src 'self'.
const STYLESHEETS = ['vendor/uplot/uPlot.min.css', 'css/lab.css'];
function ensureStylesheets() {
  for (const path of STYLESHEETS) {
    const href = siteUrl(path);
    if (Array.from(document.querySelectorAll('link[rel="stylesheet"]')).some((link) => link.href === href)) continue;
    document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href }));
  }
}

const SIGMOID_BOUND = "\\sigma'(z) = \\sigma(z)\\big(1 - \\sigma(z)\\big) \\le \\tfrac14";

export default {
  id: 'lab',
  titleKey: 'lab.section.title',
  hash: { decode: decodeLabHash, encode: encodeLabHash, wording: LAB_WORDING },
  mount(container, { t, lang, initialState, onStateChange, onInvalidState }) {
    ensureStylesheets();
    const intro = h('div', { class: 'section-intro' });
    const renderIntro = (tr) => {
      intro.replaceChildren(
        h('p', { text: tr('lab.section.p1') }),
        texElement(SIGMOID_BOUND, { display: true, tag: 'div', className: 'tex tex--display' }),
        h('p', { text: tr('lab.section.p2') }));
    };
    renderIntro(t);
    const widgetRoot = h('div', { class: 'widget-host' });
    container.replaceChildren(intro, widgetRoot);
    const widget = mountLab(widgetRoot, { lang, initialState, onStateChange, onInvalidState });
    return {
      ready: widget.ready,
      setLang: (newLang, tr) => { renderIntro(tr); return widget.setLang(newLang); },
      setState: (state) => widget.setState(state),
    };
  },
};
