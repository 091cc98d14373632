// A section that is one widget: an introduction (a paragraph, a displayed formula, a paragraph) and
// the widget under it, both following the page's language; the widget's state travels in the hash.
import { h } from '../kit/dom.js';
import { texElement } from '../kit/math.js';
import { ensureStylesheet } from '../kit/stylesheets.js';

/**
 * widgetSection({id, titleKey, hash, intro: [keyBefore, tex, keyAfter], stylesheets, mountWidget}) → a section
 * mountWidget(root, {lang, initialState, onStateChange, onInvalidState}) → {ready, setLang, setState}
 */
export function widgetSection({ id, titleKey, hash, intro: [before, tex, after], stylesheets = [], mountWidget }) {
  return {
    id,
    titleKey,
    hash,
    mount(container, { t, lang, initialState, onStateChange, onInvalidState }) {
      stylesheets.forEach(ensureStylesheet); // index.html links only the shell's own
      const intro = h('div', { class: 'section-intro' });
      const renderIntro = (tr) => {
        intro.replaceChildren(
          h('p', { text: tr(before) }),
          texElement(tex, { display: true, tag: 'div', className: 'tex tex--display' }),
          h('p', { text: tr(after) }));
      };
      renderIntro(t);
      const widgetRoot = h('div', { class: 'widget-host' });
      container.replaceChildren(intro, widgetRoot);
      const widget = mountWidget(widgetRoot, { lang, initialState, onStateChange, onInvalidState });
      return {
        ready: widget.ready,
        setLang: (newLang, tr) => { renderIntro(tr); return widget.setLang(newLang); },
        setState: (state) => widget.setState(state),
      };
    },
  };
}
