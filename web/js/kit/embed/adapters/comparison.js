// <actlab-comparison> attributes ↔ the comparison lab's state, through its codec (which fills
// every key not given with the lab's defaults).
import { decodeLabHash, encodeLabHash } from '../../state/lab-codec.js';
import { defaultLabState } from '../../state/lab-schema.js';
import { codecAdapter } from '../adapt.js';
import { DATA_ATTRIBUTES, INITIALISATION_ATTRIBUTES, TRAINING_ATTRIBUTES } from './experiment.js';

export const ATTRIBUTES = [
  ...DATA_ATTRIBUTES,
  ['depth', 'depth'],
  ['width', 'width'],
  ...INITIALISATION_ATTRIBUTES,
  ['activations', 'act'],
  ...TRAINING_ATTRIBUTES,
];

export const adapter = codecAdapter({
  name: 'comparison',
  decode: decodeLabHash,
  encode: encodeLabHash,
  attributes: ATTRIBUTES,
  defaults: defaultLabState,
});
