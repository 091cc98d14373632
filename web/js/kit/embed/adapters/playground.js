// <actlab-playground> attributes ↔ the training playground's state, through its codec (which fills
// every key not given with the playground's defaults).
import { decodePlaygroundHash, encodePlaygroundHash } from '../../state/playground-codec.js';
import { defaultPlaygroundState } from '../../state/playground-schema.js';
import { codecAdapter } from '../adapt.js';
import { DATA_ATTRIBUTES, INITIALISATION_ATTRIBUTES, TRAINING_ATTRIBUTES } from './experiment.js';

export const ATTRIBUTES = [
  ...DATA_ATTRIBUTES,
  ['hidden-layers', 'hidden'],
  ['activation', 'act'],
  ...INITIALISATION_ATTRIBUTES,
  ...TRAINING_ATTRIBUTES,
];

export const adapter = codecAdapter({
  name: 'playground',
  decode: decodePlaygroundHash,
  encode: encodePlaygroundHash,
  attributes: ATTRIBUTES,
  defaults: defaultPlaygroundState,
});
