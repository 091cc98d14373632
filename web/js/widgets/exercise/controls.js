// Where the learner answers: one number, one formula, or an experiment's settings, with a Check
// (or Run) button. Typed text is kept in `drafts`, so switching the language loses nothing.
import { h, uid } from '../../kit/dom.js';
import { markInvalid } from '../../kit/field-error.js';
import { FORMULA_FUNCTIONS } from '../../kit/exercises/formula.js';
import { exerciseText, optionLabel } from './text.js';

/**
 * answerControls(t, exercise, drafts, onCheck) → {element, focus(), markRefused(result, messageId)}.
 * drafts: {answer: text} or {fields: {name: text}}, updated as the learner types. markRefused marks
 * the control a refused answer is about (aria-invalid, described by the message), or none.
 */
export function answerControls(t, exercise, drafts, onCheck) {
  const submit = (event) => { event.preventDefault(); onCheck(); };
  const rows = [];
  const controls = new Map(); // name → control ('answer' for a number or a formula)
  let first = null;
  if (exercise.kind === 'experiment') {
    drafts.fields ??= {};
    for (const field of exercise.fields) {
      const id = uid('exercise-field');
      const label = h('label', { for: id, text: exerciseText(t, exercise, `field.${field.name}`) });
      const value = drafts.fields[field.name] ?? String(field.initial);
      const control = field.kind === 'choice'
        ? h('select', { id, name: field.name, onchange: (event) => { drafts.fields[field.name] = event.target.value; } },
          field.options.map((option) => h('option', { value: option, selected: option === value, text: optionLabel(t, option) })))
        : h('input', {
          id, name: field.name, type: 'text', inputmode: 'decimal', autocomplete: 'off', value, size: 10,
          oninput: (event) => { drafts.fields[field.name] = event.target.value; },
        });
      first ??= control;
      controls.set(field.name, control);
      rows.push(h('div', { class: 'exercise-field' }, label, control));
    }
  } else {
    const id = uid('exercise-answer');
    const noteId = uid('exercise-answer-note');
    const formula = exercise.kind === 'formula';
    const label = formula ? exerciseText(t, exercise, 'answerLabel') : t('exercise.answer');
    const input = h('input', {
      id, name: 'answer', type: 'text', autocomplete: 'off', spellcheck: 'false', value: drafts.answer || '',
      class: formula ? 'exercise-formula' : 'exercise-number', inputmode: formula ? 'text' : 'decimal',
      'aria-describedby': noteId,
      oninput: (event) => { drafts.answer = event.target.value; },
    });
    first = input;
    controls.set('answer', input);
    const note = formula
      ? t('exercise.formulaNote', { functions: FORMULA_FUNCTIONS.join(', ') })
      : t('exercise.numberNote');
    rows.push(h('div', { class: 'exercise-field' }, h('label', { for: id, text: label }), input),
      h('p', { class: 'exercise-note', id: noteId, text: note }));
  }
  const button = h('button', {
    type: 'submit', class: 'exercise-check', text: t(exercise.kind === 'experiment' ? 'exercise.run' : 'exercise.check'),
  });
  const element = h('form', { class: 'exercise-answer', novalidate: true, onsubmit: submit }, ...rows,
    h('div', { class: 'exercise-actions' }, button));
  function markRefused(result, messageId) {
    const about = result && (result.field ? result.field.name : 'answer');
    for (const [name, control] of controls) markInvalid(control, messageId, name === about);
  }
  return { element, button, focus: () => first && first.focus(), markRefused };
}
