// <actlab-linear-stack> attributes ↔ the linear-stack demo's state, through its codec.
import { decodeLinearStackParams, encodeLinearStackParams } from '../../state/linear-stack-codec.js';
import { defaultLinearStackState } from '../../state/linear-stack-schema.js';
import { codecAdapter } from '../adapt.js';

export const ATTRIBUTES = [
  ['layers', 'n'],
  ['weights', 'w'],
  ['biases', 'b'],
  ['active', 'on'],
  ['activation', 'act'],
  ['range', 'r'],
];

/**
 * - `layers` without `weights`/`biases`: the example's weights and biases, cut to that many layers
 *   or continued with w = 1, b = 0;
 * - `activation` without `active`: the activation is switched on (active="0" shows the lines).
 */
function prepare(params, given, raw, defaults) {
  if (given.has('n') && /^\d{1,2}$/.test(given.get('n'))) {
    const layers = Number(given.get('n'));
    const fit = (text, filler) => {
      const values = text.split(',');
      return Array.from({ length: layers }, (_, k) => (k < values.length ? values[k] : filler)).join(',');
    };
    if (!given.has('w')) params.set('w', fit(defaults.get('w'), '1'));
    if (!given.has('b')) params.set('b', fit(defaults.get('b'), '0'));
  }
  if (given.has('act') && !given.has('on')) params.set('on', '1');
  return params;
}

export const adapter = codecAdapter({
  name: 'linear-stack',
  decode: decodeLinearStackParams,
  encode: encodeLinearStackParams,
  attributes: ATTRIBUTES,
  defaults: defaultLinearStackState,
  prepare,
});
