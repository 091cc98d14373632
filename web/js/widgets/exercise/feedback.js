// The sentence after a check: right (and how close), wrong (and where), or refused (and why, naming
// what was typed and what is allowed). Returned as (t) → text so it follows a language switch.
import { formatNumber } from '../../kit/format.js';
import { FORMULA_FUNCTIONS, FORMULA_CONSTANTS } from '../../kit/exercises/formula.js';
import { exerciseText, textParams } from './text.js';

const short = (text) => {
  const clean = String(text).trim();
  return clean.length > 30 ? `${clean.slice(0, 29)}…` : clean;
};

function toleranceText(t, { abs, rel }) {
  if (rel > 0 && abs === 0) return t('exercise.tolerance.rel', { percent: formatNumber(rel * 100, 3) });
  if (rel === 0) return t('exercise.tolerance.abs', { abs: formatNumber(abs, 3) });
  return t('exercise.tolerance.both', { abs: formatNumber(abs, 3), percent: formatNumber(rel * 100, 3) });
}

const pointText = (point) => Object.entries(point).map(([name, value]) => `${name} = ${formatNumber(value, 5)}`).join(', ');

function refusedText(t, exercise, result) {
  switch (result.problem || result.kind) {
    case 'empty': return t(exercise.kind === 'formula' ? 'exercise.refused.emptyFormula' : 'exercise.refused.empty');
    case 'number':
      if (result.field) return t('exercise.refused.fieldNumber', {
        field: exerciseText(t, exercise, `field.${result.field.name}`), value: short(result.text),
      });
      return t('exercise.refused.number', { value: short(result.text) });
    case 'range':
      return t('exercise.refused.range', {
        field: exerciseText(t, exercise, `field.${result.field.name}`), value: short(result.text),
        min: formatNumber(result.field.min, 6), max: formatNumber(result.field.max, 6),
      });
    case 'long': return t('exercise.refused.long');
    case 'syntax':
      if (result.ended) return t('exercise.refused.syntaxEnd');
      return result.position ? t('exercise.refused.syntaxAt', { position: String(result.position) }) : t('exercise.refused.syntax');
    case 'unknown':
      return t('exercise.refused.unknown', {
        name: short(result.name), variables: [...result.variables, ...FORMULA_CONSTANTS].join(', '),
        functions: FORMULA_FUNCTIONS.join(', '),
      });
    case 'not-a-number': return t('exercise.refused.notANumber', { point: pointText(result.point) });
    default: return t('exercise.refused.format');
  }
}

/** (t) → the sentence for `result` of checkAnswer, or null when there is none yet. */
export function feedbackText(exercise, variant, result) {
  if (!result) return null;
  return (t) => {
    if (result.outcome === 'refused') return refusedText(t, exercise, result);
    if (exercise.kind === 'numeric') {
      const values = {
        value: formatNumber(result.value, 6), answer: formatNumber(variant.solution.answer, 6),
        tolerance: toleranceText(t, result.tolerance),
      };
      return t(result.outcome === 'right' ? 'exercise.right.numeric' : 'exercise.wrong.numeric', values);
    }
    if (exercise.kind === 'formula') {
      if (result.outcome === 'right') return t('exercise.right.formula', { count: String(result.count) });
      return t('exercise.wrong.formula', {
        point: pointText(result.point), got: formatNumber(result.got, 6), want: formatNumber(result.want, 6),
      });
    }
    const measured = exerciseText(t, exercise, 'result', textParams(variant, t, exercise, result.work));
    return `${measured} ${t(result.outcome === 'right' ? 'exercise.right.experiment' : 'exercise.wrong.experiment')}`;
  };
}
