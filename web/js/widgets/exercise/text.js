// An exercise's strings with its numbers in them: every {name} of exercise.<id>.* is filled from
// the variant's numbers and the engine's work, formatted for reading (lists joined by ", ").
import { formatNumber } from '../../kit/format.js';
import { activationName } from '../../kit/activations.js';

function shown(value) {
  if (typeof value === 'number') return formatNumber(value, 5);
  if (Array.isArray(value)) return value.map(shown).join(', ');
  return String(value);
}

/** A choice's label: exercise.option.<value> (e.g. an initialiser), else an activation's display name. */
export function optionLabel(t, value) {
  if (t.has(`exercise.option.${value}`)) return t(`exercise.option.${value}`);
  return t.has(`activation.${value}`) ? activationName(t, value) : value;
}

/**
 * {name: text} for every number of the variant and of the engine's work (`work` instead of the
 * solution's, for an experiment's result); an experiment's choices by their labels.
 */
export function textParams(variant, t = null, exercise = null, work = variant.solution.work) {
  const params = {};
  for (const source of [variant.numbers, work || {}]) {
    for (const [name, value] of Object.entries(source)) params[name] = shown(value);
  }
  for (const field of (exercise && exercise.fields) || []) {
    if (field.kind === 'choice' && t && typeof params[field.name] === 'string') params[field.name] = optionLabel(t, params[field.name]);
  }
  return params;
}

/** The exercise's string `part` (title, prompt, hint1, …) in the current language. */
export const exerciseText = (t, exercise, part, params = {}) => t(`exercise.${exercise.id}.${part}`, params);

export { shown as shownNumber };
