// An exercise's strings with its numbers in them: every {name} of exercise.<id>.* is filled from
// the variant's numbers and the engine's work, formatted for reading (lists joined by ", ").
import { formatNumber } from '../../kit/format.js';

function shown(value) {
  if (typeof value === 'number') return formatNumber(value, 5);
  if (Array.isArray(value)) return value.map(shown).join(', ');
  return String(value);
}

/** {name: text} for every number of the variant and of the engine's work. */
export function textParams(variant) {
  const params = {};
  for (const source of [variant.numbers, variant.solution.work || {}]) {
    for (const [name, value] of Object.entries(source)) params[name] = shown(value);
  }
  return params;
}

/** The exercise's string `part` (title, prompt, hint1, …) in the current language. */
export const exerciseText = (t, exercise, part, params = {}) => t(`exercise.${exercise.id}.${part}`, params);

export { shown as shownNumber };
