// "How to use this notebook": what ActLab is and the keys the widgets understand.
import { h } from '../kit/dom.js';

export default {
  id: 'about',
  titleKey: 'section.about.title',
  mount(container, { t }) {
    const render = (tr) => {
      container.replaceChildren(
        h('p', { text: tr('section.about.p1') }),
        h('p', { text: tr('section.about.p2') }),
        h('h3', { text: tr('section.about.keysTitle') }),
        h('dl', { class: 'key-list' },
          ['right', 'left', 'space', 'home', 'end'].flatMap((key) => [
            h('dt', {}, h('kbd', { text: tr(`keys.${key}`) })),
            h('dd', { text: tr(`keys.${key}.action`) }),
          ])));
    };
    render(t);
    return { setLang: (lang, tr) => render(tr) };
  },
};
