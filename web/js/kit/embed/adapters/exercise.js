// <actlab-exercise exercise="prelu-alpha-gradient" seed="17"> ↔ the exercise widget's state.
import { decodeExerciseParams, encodeExerciseParams } from '../../state/exercise-codec.js';
import { defaultExerciseState } from '../../state/exercise-schema.js';
import { codecAdapter } from '../adapt.js';

export const ATTRIBUTES = [
  ['exercise', 'ex'],
  ['seed', 'seed'],
];

export const adapter = codecAdapter({
  name: 'exercise',
  decode: decodeExerciseParams,
  encode: encodeExerciseParams,
  attributes: ATTRIBUTES,
  defaults: defaultExerciseState,
});
