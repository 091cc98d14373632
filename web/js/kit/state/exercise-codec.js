// Exercise state <-> parameters (the standalone page's URL, custom-element attributes):
//   v=1&ex=prelu-alpha-gradient&seed=17
import { HashError } from './hash.js';
import { validateExerciseState } from './exercise-schema.js';
import { readInteger, checkKeys } from './codec-values.js';

export const EXERCISE_VERSION = '1';
export const EXERCISE_KEYS = Object.freeze(['v', 'ex', 'seed']);

export function decodeExerciseParams(params) {
  checkKeys(params, EXERCISE_KEYS);
  if (params.has('v') && params.get('v') !== EXERCISE_VERSION) throw new HashError('version', 'v', { value: params.get('v') });
  if (!params.has('ex')) throw new HashError('missing', 'ex');
  return validateExerciseState({
    exercise: params.get('ex'),
    seed: params.has('seed') ? readInteger(params.get('seed'), 'seed') : 1,
  });
}

export function encodeExerciseParams(state) {
  return [['v', EXERCISE_VERSION], ['ex', state.exercise], ['seed', String(state.seed)]];
}
