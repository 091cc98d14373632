// An exercise widget's state: which exercise, and the seed of its variant. That is all a link holds;
// the numbers follow from the seed (kit/exercises/random.js), the learner's answers stay in the page.
import { HashError } from './hash.js';
import { checkRange } from './codec-values.js';
import { EXERCISE_IDS } from '../exercises/catalogue.js';
import { SEED_LIMITS } from '../exercises/random.js';

export function defaultExerciseState() {
  return { exercise: EXERCISE_IDS[0], seed: 1 };
}

/** A validated copy; throws HashError(reason, field). */
export function validateExerciseState(candidate) {
  if (candidate === null || typeof candidate !== 'object' || Array.isArray(candidate)) throw new HashError('type', 'state');
  for (const key of Object.keys(candidate)) {
    if (key !== 'exercise' && key !== 'seed') throw new HashError('unknown-key', null, { value: key });
  }
  if (!EXERCISE_IDS.includes(candidate.exercise)) {
    throw new HashError('exercise', 'ex', {
      value: String(candidate.exercise).slice(0, 40), allowed: { kind: 'oneOf', options: EXERCISE_IDS },
    });
  }
  const seed = checkRange(candidate.seed === undefined ? 1 : candidate.seed, SEED_LIMITS, 'seed', 'integer');
  return { exercise: candidate.exercise, seed };
}
