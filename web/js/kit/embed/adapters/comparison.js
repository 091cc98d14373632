// <actlab-comparison> attributes ↔ the comparison lab's state, through its codec (which fills
// every key not given with the lab's defaults).
import { decodeLabHash, encodeLabHash } from '../../state/lab-codec.js';
import { defaultLabState } from '../../state/lab-schema.js';
import { codecAdapter } from '../adapt.js';

export const ATTRIBUTES = [
  ['data', 'data'],
  ['size', 'n'],
  ['noise', 'noise'],
  ['data-seed', 'dseed'],
  ['depth', 'depth'],
  ['width', 'width'],
  ['init', 'init'],
  ['bias', 'bias'],
  ['seed', 'seed'],
  ['activations', 'act'],
  ['optimiser', 'opt'],
  ['learning-rate', 'lr'],
  ['batch', 'batch'],
  ['steps', 'steps'],
  ['at', 'at'],
];

export const adapter = codecAdapter({
  name: 'comparison',
  decode: decodeLabHash,
  encode: encodeLabHash,
  attributes: ATTRIBUTES,
  defaults: defaultLabState,
});

export default adapter;
