// <actlab-activation-plot> attributes ↔ the activation plot's state, through its codec.
import { decodeActivationPlotParams, encodeActivationPlotParams } from '../../state/activation-plot-codec.js';
import { defaultActivationPlotState } from '../../state/activation-plot-schema.js';
import { codecAdapter } from '../adapt.js';

export const ATTRIBUTES = [
  ['activation', 'act'],
  ['parameter', 'p'],
  ['point', 'y'],
  ['range', 'r'],
  ['derivative', 'd'],
  ['compare', 'cmp'],
];

/** Another activation than the default's starts from its own defaults (parameter, no overlay). */
function prepare(params, given, raw, defaults) {
  if (given.has('act') && given.get('act') !== defaults.get('act')) {
    params.delete('p');
    params.delete('cmp');
  }
  return params;
}

export const adapter = codecAdapter({
  name: 'activation-plot',
  decode: (params) => decodeActivationPlotParams(params),
  encode: (state) => encodeActivationPlotParams(state),
  attributes: ATTRIBUTES,
  defaults: () => defaultActivationPlotState(),
  prepare,
});
