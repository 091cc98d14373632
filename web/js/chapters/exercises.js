// The exercises at the end of every chapter (defineChapter and the stepper's chapter frame add them):
// every exercise of the catalogue (kit/exercises/) for that chapter number, each an exercise widget, mounted when the block comes
// near the viewport (so the page's first load computes none of them and loads their code only then).
import { h } from '../kit/dom.js';
import { exercisesOfChapter } from '../kit/exercises/catalogue.js';
import { whenVisible } from './figures/frame.js';

/** mountChapterExercises(host, {chapter, lang, t}) → {ready, setLang(lang, t)}; nothing when the chapter has none. */
export function mountChapterExercises(host, { chapter, lang, t }) {
  const exercises = exercisesOfChapter(chapter);
  if (exercises.length === 0) return { ready: Promise.resolve(), setLang: async () => {} };
  const title = h('h3', { class: 'chapter-subtitle exercises-title' });
  const intro = h('p', { class: 'exercises-intro' });
  const slots = exercises.map((exercise) => h('div', { class: 'chapter-exercise', 'data-exercise': exercise.id }));
  const section = h('section', { class: 'chapter-exercises', 'data-chapter': String(chapter) }, title, intro, ...slots);
  host.append(section);
  let currentLang = lang;
  let widgets = null;
  let progress = null;
  let tr = t;
  const label = (tr) => {
    title.textContent = tr('exercises.title');
    intro.textContent = tr('exercises.intro');
    section.setAttribute('aria-label', tr('exercises.title'));
  };
  label(t);
  // The widget's code is a chunk of its own, fetched when the first exercises come into view.
  whenVisible(section, async () => {
    const { mountExercise, progressLine } = await import('../widgets/exercise/index.js'); // one chunk (warmed for offline)
    // One progress line for the chapter, under its exercises.
    progress = progressLine(tr);
    section.append(h('div', { class: 'actlab-exercise exercises-progress' }, progress.element));
    widgets = exercises.map((exercise, k) => mountExercise(slots[k], {
      lang: currentLang, initialState: { exercise: exercise.id, seed: 1 }, progress: false,
    }));
  });
  return {
    ready: Promise.resolve(),
    async setLang(newLang, newT) {
      currentLang = newLang;
      tr = newT;
      label(tr);
      if (progress) progress.setLang(tr);
      if (widgets) await Promise.all(widgets.map((widget) => widget.setLang(newLang)));
    },
  };
}
