// What every chapter shares: the chapter line ("Chapter 4 · builds on …"), prose blocks that
// re-render when the language changes, links to other sections and to prepared states, the
// "try this" box and the list of sources. A chapter file only lists its blocks and figures.
import { h, goToSection } from '../kit/dom.js';
import { texElement } from '../kit/math.js';
import { formatHash } from '../kit/state/hash.js';
import { encodePlaygroundHash } from '../kit/state/playground-codec.js';
import { presetState } from '../widgets/playground/model.js';
import { mountChapterExercises } from './exercises.js';
import { linkGlossaryTerms } from './glossary-terms.js';
import { codecOf } from './state.js';

/** Title keys of the sections a chapter may link to. */
const SECTION_TITLES = {
  about: 'section.about.title',
  why: 'chapter.why.title',
  stepper: 'section.stepper.title',
  criteria: 'chapter.criteria.title',
  sigmoid: 'chapter.sigmoid.title',
  tanh: 'chapter.tanh.title',
  relu: 'chapter.relu.title',
  'leaky-relu': 'chapter.leaky-relu.title',
  prelu: 'chapter.prelu.title',
  summary: 'chapter.summary.title',
  init: 'chapter.init.title',
  output: 'chapter.output.title',
  modern: 'chapter.modern.title',
  glossary: 'glossary.title',
  lab: 'chapter.link.lab',
  playground: 'chapter.link.playground',
};

/** Chapter numbers, in reading order; the stepper section is chapter 2. */
export const CHAPTER_NUMBERS = Object.freeze({
  why: 1, stepper: 2, criteria: 3, sigmoid: 4, tanh: 5, relu: 6, 'leaky-relu': 7, prelu: 8, summary: 9, init: 10, output: 11, modern: 12,
});


/** A link to another section of the notebook, or plain text if that section is not on the page. */
export function sectionLink(id, t, text = null) {
  const label = text || (CHAPTER_NUMBERS[id]
    ? t('chapter.linkNumbered', { n: String(CHAPTER_NUMBERS[id]), title: t(SECTION_TITLES[id]) })
    : t(SECTION_TITLES[id] || 'chapter.link.section'));
  if (!document.getElementById(id)) return h('span', { class: 'chapter-ref', text: label });
  return h('a', {
    href: `#${id}`, class: 'chapter-ref', 'data-section-link': id,
    onclick: (event) => { event.preventDefault(); goToSection(id); },
  }, label);
}

/**
 * A link to a prepared state, e.g. "#sigmoid?v=1&…". Following it sets the hash, so the app applies
 * the state (its hashchange handler), and then moves to that section.
 */
export function stateLink(hash, text, { className = 'chapter-state-link' } = {}) {
  const id = hash.slice(1).split('?')[0];
  return h('a', {
    href: hash, class: className, 'data-state-link': id,
    onclick: (event) => {
      if (!document.getElementById(id)) return; // let the browser handle it
      event.preventDefault();
      if (window.location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
      else window.location.hash = hash;
      goToSection(id);
    },
  }, text);
}

/** A link to one of the training playground's presets, as a prepared state; plain text if the playground is not on the page. */
export function playgroundPresetLink(preset, t, text) {
  if (!document.getElementById('playground')) return h('span', { class: 'chapter-ref', text });
  return stateLink(formatHash('playground', encodePlaygroundHash(presetState(preset))), text);
}

/**
 * Text with placeholders turned into elements: "{sec_sigmoid}" becomes a link to that section,
 * other {name}s take elements from `parts`. Everything else stays plain text.
 */
export function richText(template, t, parts = {}) {
  const nodes = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    nodes.push(template.slice(last, match.index));
    const name = match[1];
    if (name.startsWith('sec_')) nodes.push(sectionLink(name.slice(4).replace(/_/g, '-'), t));
    else if (parts[name] !== undefined) nodes.push(typeof parts[name] === 'function' ? parts[name](t) : parts[name]);
    else nodes.push(match[0]);
    last = match.index + match[0].length;
  }
  nodes.push(template.slice(last));
  return nodes.filter((node) => node !== '');
}

// --- prose blocks -------------------------------------------------------------------------------
// Each returns a function of the translator that builds the block's elements.
export const p = (key, parts) => (t) => h('p', {}, richText(t(key), t, parts));
export const h3 = (key) => (t) => h('h3', { class: 'chapter-subtitle', text: t(key) });
// Typeset in KaTeX's inline mode with \displaystyle: it looks like display maths but may wrap after
// "=" or "+" on a narrow screen instead of overflowing.
export const tex = (source) => () => texElement(`\\displaystyle ${source}`, { display: false, tag: 'div', className: 'tex chapter-tex' });
export const list = (keys, { ordered = false } = {}) => (t) => h(ordered ? 'ol' : 'ul', { class: 'chapter-list' },
  keys.map((key) => h('li', {}, richText(t(key), t))));
export const note = (key, parts) => (t) => h('p', { class: 'chapter-note' }, richText(t(key), t, parts));

/**
 * A figure block: {figure: mount(host, ctx) → {ready?, setLang(lang, t), setState?}}.
 * Figures keep their element across language switches; only their text changes.
 */
export const figure = (mount, key = null) => ({ figure: mount, key });

/**
 * The chapter line above a chapter and the "try this" box and sources below it.
 * chapterFrame({id, buildsOn, sources, tryThis}) → {header, footer, render(t, state)}.
 */
export function chapterFrame({ id, buildsOn = [], sources = [], tryThis = null }) {
  const line = h('p', { class: 'chapter-line' });
  const objectives = h('p', { class: 'chapter-objectives' });
  const header = h('div', { class: 'chapter-head' }, line, objectives);
  const footer = h('div', { class: 'chapter-footer' });
  function render(tr, state) {
    const parts = [h('span', { class: 'chapter-number', text: tr('chapter.number', { n: String(CHAPTER_NUMBERS[id]) }) })];
    if (buildsOn.length > 0) {
      parts.push(h('span', { class: 'chapter-builds' }, tr('chapter.buildsOn'), ' ',
        ...buildsOn.flatMap((other, k) => [k > 0 ? tr('chapter.listSeparator') : null, sectionLink(other, tr)]).filter(Boolean)));
    }
    line.replaceChildren(...parts);
    // What the reader will be able to do after the chapter: one line, under the chapter line.
    objectives.replaceChildren(...richText(tr('chapter.objectivesLine'), tr, {
      title: h('strong', { text: tr('chapter.objectivesTitle') }), goals: tr(`chapter.${id}.objectives`),
    }));
    const footerParts = [];
    if (tryThis) {
      const hash = typeof tryThis.hash === 'function' ? tryThis.hash(state) : tryThis.hash;
      footerParts.push(h('aside', { class: 'chapter-try', 'aria-label': tr('chapter.tryTitle') },
        h('p', { class: 'chapter-try-title', text: tr('chapter.tryTitle') }),
        h('p', {}, richText(tr(tryThis.key), tr)),
        h('p', {}, stateLink(hash, tr('chapter.tryLink')))));
    }
    if (sources.length > 0) {
      footerParts.push(h('div', { class: 'chapter-sources' },
        h('p', { class: 'chapter-sources-title', text: tr('chapter.sourcesTitle') }),
        h('ul', {}, sources.map((source) => h('li', { text: tr(`source.${source}`) })))));
    }
    footer.replaceChildren(...footerParts);
  }
  return { header, footer, render };
}

/**
 * defineChapter({id, buildsOn, sources, tryThis: {key, hash}, state | codec, blocks}) → a section for
 * sections/index.js, titled by the locale key chapter.<id>.title. `state`: the chapter's link fields
 * and plot, as chapterCodec (state.js) takes them; `codec`: a codec made elsewhere, instead.
 * `blocks` is a function (ctx) → list of blocks; ctx has the chapter's state and `update(partial)` to
 * change it (which writes the hash).
 */
export function defineChapter(definition) {
  const { id, buildsOn = [], sources = [], tryThis = null, blocks } = definition;
  const codec = codecOf(definition);
  return {
    id,
    titleKey: `chapter.${id}.title`,
    hash: codec ? { decode: codec.decode, encode: codec.encode } : undefined,
    mount(container, { t, lang, initialState, onStateChange, onInvalidState }) {
      let tr = t;
      let currentLang = lang;
      let state = codec ? codec.defaults() : {};
      if (codec && initialState) {
        try { state = codec.validate(initialState); } catch (error) { if (onInvalidState) onInvalidState(error); }
      }
      const listeners = [];
      const ctx = {
        get state() { return state; },
        get lang() { return currentLang; },
        get t() { return tr; },
        /** Merge `partial` into the chapter state and write it to the URL. */
        update(partial) {
          state = { ...state, ...partial };
          if (codec && onStateChange) onStateChange(state);
        },
        /** Figures register here to hear about a state that came from a link. */
        onState(listener) { listeners.push(listener); },
        onInvalidState,
      };

      const frame = chapterFrame({ id, buildsOn, sources, tryThis });
      const main = h('div', { class: 'chapter-body' });
      container.replaceChildren(frame.header, main, frame.footer);
      container.closest('section')?.classList.add('chapter', `chapter--${id}`);

      const rendered = []; // {block, element}
      const figures = [];
      for (const block of blocks(ctx)) {
        if (typeof block === 'function') {
          const element = block(tr);
          main.append(element);
          rendered.push({ block, element });
        } else if (block && block.figure) {
          const host = h('div', { class: 'chapter-figure-host' });
          main.append(host);
          figures.push(block.figure(host, ctx));
        }
      }

      function renderText() {
        for (const entry of rendered) {
          const element = entry.block(tr);
          entry.element.replaceWith(element);
          entry.element = element;
        }
        linkGlossaryTerms(rendered.map((entry) => entry.element), tr);
        frame.render(tr, state);
      }
      // Last, the chapter's exercises (from the exercise catalogue, by chapter number).
      const exercisesHost = h('div', { class: 'chapter-figure-host' });
      main.append(exercisesHost);
      figures.push(mountChapterExercises(exercisesHost, { chapter: CHAPTER_NUMBERS[id], lang: currentLang, t: tr }));
      frame.render(tr, state);

      const ready = Promise.all(figures.map((controller) => controller && controller.ready).filter(Boolean))
        // Sections mounted after this one exist by now: links to them can become real links.
        .then(() => renderText());

      return {
        ready,
        async setLang(newLang, newT) {
          tr = newT;
          currentLang = newLang;
          renderText();
          await Promise.all(figures.map((controller) => controller && controller.setLang && controller.setLang(newLang, newT)));
        },
        setState(candidate) {
          let next;
          try { next = codec.validate(candidate); } catch (error) { if (onInvalidState) onInvalidState(error); return; }
          state = next;
          for (const listener of listeners) listener(state);
          frame.render(tr, state);
        },
      };
    },
  };
}

/** A figure block that mounts the activation-plot widget on the chapter's `plot` state. */
export function plotFigure(mountActivationPlot, { activations, onChange = null } = {}) {
  return figure((host, ctx) => {
    const root = h('div', { class: 'chapter-widget' });
    host.append(root);
    let previous = ctx.state.plot;
    const widget = mountActivationPlot(root, {
      lang: ctx.lang,
      initialState: ctx.state.plot,
      activations,
      onStateChange: (plot) => {
        ctx.update({ plot });
        if (onChange) onChange(plot, previous);
        previous = plot;
      },
      onInvalidState: ctx.onInvalidState,
    });
    ctx.onState((state) => { previous = state.plot; widget.setState(state.plot); });
    return { ready: widget.ready, setLang: (lang) => widget.setLang(lang), widget };
  });
}
