// mountExercise(root, {lang, initialState: {exercise, seed}, onStateChange, onInvalidState,
// onSolved({exercise, attempts}), progress: false (no progress line), engine})
// → {ready, setLang, setState, getState, destroy}.
// One exercise of the catalogue (kit/exercises/): its text with this variant's numbers, where to
// answer, the check against the engine's answer for exactly these numbers, two hints, a worked
// solution with the engine's numbers, and a new variant on request. When the learner gets it
// right, onSolved tells the host (the embed turns it into an event or a message for the page).
import { h, uid } from '../../kit/dom.js';
import { renderTex } from '../../kit/math.js';
import { createWidgetShell } from '../../kit/widget-shell.js';
import { defaultExerciseState, validateExerciseState } from '../../kit/state/exercise-schema.js';
import { exerciseById, exerciseNumber } from '../../kit/exercises/catalogue.js';
import { freshSeed } from '../../kit/exercises/random.js';
import { openVariant, checkAnswer, markHint, markSolution, progressOf } from './model.js';
import { answerControls } from './controls.js';
import { feedbackText } from './feedback.js';
import { progressLine } from './progress-line.js';
import { exerciseText, textParams } from './text.js';

export { progressLine }; // for a host that shows one progress line for several exercises (a chapter)

const HINTS = 2;

export function mountExercise(root, options = {}) {
  const shell = createWidgetShell(root, options, { className: 'actlab-exercise', prefix: 'exercise', share: 'exercise' });
  const { t, body, notify } = shell;
  let engine = null;
  let state = defaultExerciseState();
  let exercise = null;
  let variant = null;
  // The learner's work on this variant (kept across language switches, reset by a new variant).
  let work = null;
  let ui = null;

  const freshWork = () => ({ drafts: {}, result: null, hints: 0, solution: false, checking: false });

  function open(candidate) {
    const next = exerciseById(candidate.exercise);
    variant = openVariant(engine, next, candidate.seed);
    exercise = next;
    state = { ...candidate };
    work = freshWork();
  }

  function build() {
    if (ui) ui.progress.destroy();
    const params = textParams(variant, t, exercise);
    const kind = t(`exercise.kind.${exercise.kind}`);
    const meta = h('p', { class: 'exercise-meta' },
      h('span', { class: 'exercise-number', text: t('exercise.number', { n: exerciseNumber(exercise) }) }), ' · ',
      h('span', { class: 'exercise-kind', text: kind }), ' · ',
      h('span', { class: 'exercise-variant', text: t('exercise.variant', { seed: String(state.seed) }) }));
    const newVariant = h('button', {
      type: 'button', class: 'exercise-new', text: t('exercise.newVariant'), onclick: () => changeSeed(freshSeed(state.seed)),
    });
    const title = h('h4', { class: 'exercise-title', text: exerciseText(t, exercise, 'title', params) });
    const prompt = h('p', { class: 'exercise-prompt', text: exerciseText(t, exercise, 'prompt', params) });
    const figure = exercise.figure
      ? renderTex(h('div', { class: 'exercise-figure tex' }), `\\displaystyle ${exercise.figure(variant.numbers)}`)
      : null;
    const controls = answerControls(t, exercise, work.drafts, check);
    const feedback = h('p', { class: 'exercise-feedback', id: uid('exercise-feedback'), role: 'status', 'aria-live': 'polite' });
    const hints = h('ol', { class: 'exercise-hints', hidden: true });
    const hintButton = h('button', { type: 'button', class: 'exercise-hint', onclick: showHint });
    const solutionButton = h('button', {
      type: 'button', class: 'exercise-show-solution', text: t('exercise.showSolution'), onclick: showSolution,
    });
    const solution = h('div', { class: 'exercise-solution', hidden: true },
      h('p', { class: 'exercise-solution-title', text: t('exercise.solutionTitle') }),
      h('p', { text: exerciseText(t, exercise, 'solution', params) }));
    const status = h('p', { class: 'exercise-solved' });
    // The progress line: under the exercise, unless the host shows one for several (a chapter).
    const progress = options.progress === false ? { element: null, destroy() {} } : progressLine(t);
    body.replaceChildren(
      h('div', { class: 'exercise-head' }, meta,
        h('div', { class: 'exercise-head-actions' }, newVariant, ...(shell.share ? [shell.share.element] : []))),
      title, prompt, ...(figure ? [figure] : []),
      controls.element, feedback, h('div', { class: 'exercise-help' }, hintButton, solutionButton), hints, solution, status,
      ...(progress.element ? [progress.element] : []));
    ui = { controls, feedback, hints, hintButton, solutionButton, solution, status, progress, params };
    render();
  }

  /** What changes without rebuilding: feedback, hints and solution shown, the solved line. */
  function render() {
    const text = feedbackText(exercise, variant, work.result);
    ui.feedback.textContent = text ? text(t) : '';
    ui.feedback.dataset.outcome = work.result ? work.result.outcome : '';
    const refused = work.result && work.result.outcome === 'refused' && work.result.problem !== 'engine';
    ui.controls.markRefused(refused ? work.result : null, ui.feedback.id);
    ui.hints.replaceChildren(...Array.from({ length: work.hints },
      (_, k) => h('li', { text: exerciseText(t, exercise, `hint${k + 1}`, ui.params) })));
    ui.hints.hidden = work.hints === 0;
    ui.hintButton.textContent = work.hints < HINTS
      ? t('exercise.hint', { n: String(work.hints + 1), total: String(HINTS) })
      : t('exercise.noMoreHints');
    ui.hintButton.disabled = work.hints >= HINTS;
    ui.solution.hidden = !work.solution;
    ui.solutionButton.disabled = work.solution;
    ui.controls.button.disabled = work.checking;
    const record = progressOf(exercise.id);
    ui.status.textContent = record.solved
      ? t('exercise.solvedStatus', { attempts: String(record.attempts) })
      : t('exercise.unsolvedStatus', { attempts: String(record.attempts) });
    root.dataset.solved = record.solved ? 'true' : 'false';
  }

  async function check() {
    if (work.checking) return;
    const mine = work;
    mine.checking = true;
    render();
    let result;
    try {
      result = await checkAnswer(engine, exercise, variant,
        exercise.kind === 'experiment' ? mine.drafts.fields || {} : mine.drafts.answer || '');
    } catch (error) {
      result = { outcome: 'refused', problem: 'engine' };
      console.warn('exercise check:', error);
    }
    mine.checking = false;
    if (shell.destroyed || mine !== work) return;
    work.result = result;
    render();
    if (result.outcome === 'right' && options.onSolved) options.onSolved({ exercise: exercise.id, attempts: result.attempts });
  }

  function showHint() {
    if (work.hints >= HINTS) return;
    work.hints += 1;
    markHint(exercise, work.hints);
    render();
  }

  function showSolution() {
    work.solution = true;
    markSolution(exercise);
    render();
    ui.solution.scrollIntoView({ block: 'nearest' });
  }

  function changeSeed(seed) {
    const refused = apply({ ...state, seed });
    if (!refused) ui.controls.focus();
  }

  function apply(candidate) {
    const { refused, state: next } = shell.prepare(candidate, { validate: validateExerciseState, compute: () => null });
    if (refused) return refused;
    if (next.exercise === state.exercise && next.seed === state.seed) return null;
    try {
      open(next);
    } catch (error) {
      return shell.engineMessage(error);
    }
    build();
    notify();
    return null;
  }

  return shell.start({
    defaultState: defaultExerciseState,
    validate: validateExerciseState,
    open(loaded, candidate) {
      engine = loaded;
      open(candidate);
    },
    build,
    apply,
    getState: () => ({ ...state }),
    teardown() {
      if (ui) ui.progress.destroy();
    },
  });
}
