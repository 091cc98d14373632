// <actlab-playground> attributes ↔ the training playground's state, through its codec (which fills
// every key not given with the playground's defaults).
import { decodePlaygroundHash, encodePlaygroundHash } from '../../state/playground-codec.js';
import { defaultPlaygroundState } from '../../state/playground-schema.js';
import { codecAdapter } from '../adapt.js';

export const ATTRIBUTES = [
  ['data', 'data'],
  ['size', 'n'],
  ['noise', 'noise'],
  ['data-seed', 'dseed'],
  ['hidden-layers', 'hidden'],
  ['activation', 'act'],
  ['init', 'init'],
  ['bias', 'bias'],
  ['seed', 'seed'],
  ['optimiser', 'opt'],
  ['learning-rate', 'lr'],
  ['batch', 'batch'],
  ['steps', 'steps'],
  ['at', 'at'],
];

export const adapter = codecAdapter({
  name: 'playground',
  decode: decodePlaygroundHash,
  encode: encodePlaygroundHash,
  attributes: ATTRIBUTES,
  defaults: defaultPlaygroundState,
});

export default adapter;
