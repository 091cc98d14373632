// Chapter 2: updating parameters through an activation (the article's §1.2, figure 8). The notebook's
// stepper section (web/js/sections/stepper.js), unchanged, inside the chapter frame: its hash id
// stays 'stepper' and its own intro (whose terms link to the glossary), chain-rule formula and widget
// are untouched. The section hands
// itself to stepperChapter (a chapter never imports a section).
import { h } from '../kit/dom.js';
import { chapterFrame, CHAPTER_NUMBERS } from './common.js';
import { mountChapterExercises } from './exercises.js';
import { stepperPrediction } from './predictions.js';
import { linkGlossaryTerms } from './glossary-terms.js';

const frameSpec = {
  id: 'stepper',
  buildsOn: ['why'],
  sources: ['article.stepper', 'rumelhart1986'],
  tryThis: {
    key: 'chapter.stepper.try',
    hash: '#stepper?v=1&in=1&h=1&act=relu,sigmoid&x=1.5&t=1&loss=mse&w=-0.8;-0.5&b=0.1;0.2&lr=0.5&cyc=0&step=16',
  },
};

/** The stepper section `stepper` (id, title, hash, mount) in chapter 2's frame. */
export function stepperChapter(stepper) {
  return {
    ...stepper,
    mount(container, context) {
      const frame = chapterFrame(frameSpec);
      const inner = h('div', { class: 'chapter-body' });
      const exercises = h('div', { class: 'chapter-body' });
      container.replaceChildren(frame.header, inner, exercises, frame.footer);
      container.closest('section')?.classList.add('chapter', 'chapter--stepper');
      const controller = stepper.mount(inner, context);
      // The section's introduction links its terms' first uses to the glossary, as every chapter does.
      const linkTerms = (t) => linkGlossaryTerms([...inner.querySelectorAll('.section-intro')], t);
      linkTerms(context.t);
      // Its prediction and exercises follow the stepper (the section's own content is untouched).
      let tr = context.t;
      const guess = stepperPrediction().figure(exercises, { get t() { return tr; }, state: null, onState() {} });
      const drills = mountChapterExercises(exercises, { chapter: CHAPTER_NUMBERS.stepper, lang: context.lang, t: context.t });
      frame.render(context.t, null);
      const ready = Promise.resolve(controller.ready).then(() => frame.render(context.t, null));
      return {
        ready,
        setLang: (lang, t) => {
          tr = t;
          frame.render(t, null);
          const done = Promise.all([controller.setLang(lang, t), guess.setLang(lang, t), drills.setLang(lang, t)]);
          linkTerms(t); // the introduction was written again in the new language
          return done;
        },
        setState: (state) => controller.setState(state),
      };
    },
  };
}
