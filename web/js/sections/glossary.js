// The glossary: every term the chapters use, English and Chinese side by side, with a one-line
// definition in the reader's language. Each row is the target of the links that
// chapters/glossary-terms.js puts on a term's first use in every chapter. The table shows both
// languages at once, so it reads both locale dictionaries (each is fetched once and cached).
import { h } from '../kit/dom.js';
import { translatorFor } from '../kit/i18n.js';
import { GLOSSARY_TERMS, glossaryAnchor } from '../chapters/glossary-terms.js';

export default {
  id: 'glossary',
  titleKey: 'glossary.title',
  mount(container, { t }) {
    let both = null;
    const render = (tr) => {
      const table = h('table', { class: 'chapter-table glossary-table' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', lang: 'en', text: 'English' }),
          h('th', { scope: 'col', lang: 'zh-CN', text: '中文' }),
          h('th', { scope: 'col', text: tr('glossary.col.definition') }))),
        h('tbody', {}, GLOSSARY_TERMS.map((id) => h('tr', { id: glossaryAnchor(id), 'data-term': id, tabindex: '-1' },
          h('th', { scope: 'row', lang: 'en', text: both ? both.en(`glossary.term.${id}`) : '' }),
          h('td', { lang: 'zh-CN', text: both ? both.zh(`glossary.term.${id}`) : '' }),
          h('td', { text: tr(`glossary.def.${id}`) })))));
      container.replaceChildren(
        h('p', { text: tr('glossary.intro') }),
        h('div', { class: 'chapter-table-scroll', tabindex: '0', role: 'region', 'aria-label': tr('glossary.title') }, table));
    };
    let current = t;
    render(t);
    const ready = Promise.all([translatorFor('en'), translatorFor('zh-CN')]).then(([en, zh]) => {
      both = { en, zh };
      render(current);
    });
    return { ready, setLang: (lang, tr) => { current = tr; render(tr); } };
  },
};
