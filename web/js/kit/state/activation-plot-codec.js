// Activation-plot state <-> parameters (a URL hash, an iframe URL, custom-element attributes):
//   act=sigmoid&y=2&r=6&d=1            act=leaky_relu&p=0.1&y=-2        act=tanh&cmp=tanh-identity
// Every value is checked here for its form and by validateActivationPlotState for its range.
import { HashError } from './hash.js';
import { validateActivationPlotState, PLOT_PARAMETERS, PLOT_COMPARISONS, PLOT_ACTIVATIONS } from './activation-plot-schema.js';
import { readNumber, readFlag, readWord, checkKeys } from './codec-values.js';

export const ACTIVATION_PLOT_VERSION = '1';
export const ACTIVATION_PLOT_KEYS = Object.freeze(['v', 'act', 'p', 'y', 'r', 'd', 'cmp']);

/**
 * Parameters (a Map of strings) → a validated state. `fixed` ({activation}) supplies the activation
 * when a host fixes it (a chapter); then `act` may be absent, and must match if present.
 */
export function decodeActivationPlotParams(params, fixed = {}) {
  checkKeys(params, ACTIVATION_PLOT_KEYS);
  if (params.has('v') && params.get('v') !== ACTIVATION_PLOT_VERSION) throw new HashError('version', 'v', { value: params.get('v') });
  let activation = fixed.activation;
  if (params.has('act')) {
    activation = readWord(params.get('act'), PLOT_ACTIVATIONS, 'act', 'activation');
    if (fixed.activation && activation !== fixed.activation) {
      throw new HashError('activation', 'act', { value: activation, allowed: { kind: 'oneOf', options: [fixed.activation] } });
    }
  }
  if (!activation) throw new HashError('missing', 'act');
  const candidate = { activation };
  if (params.has('p')) {
    if (!PLOT_PARAMETERS[activation]) throw new HashError('format', 'p', { value: params.get('p') });
    candidate.parameter = readNumber(params.get('p'), 'p');
  }
  if (params.has('r')) candidate.range = readNumber(params.get('r'), 'r');
  if (params.has('y')) candidate.point = readNumber(params.get('y'), 'y');
  if (params.has('d')) candidate.derivative = readFlag(params.get('d'), 'd');
  if (params.has('cmp')) candidate.compare = readWord(params.get('cmp'), PLOT_COMPARISONS, 'cmp');
  return validateActivationPlotState(candidate);
}

/** State → [[key, value], …]; `fixed.activation` leaves `act` out. */
export function encodeActivationPlotParams(state, fixed = {}) {
  const entries = [['v', ACTIVATION_PLOT_VERSION]];
  if (!fixed.activation) entries.push(['act', state.activation]);
  if (PLOT_PARAMETERS[state.activation]) entries.push(['p', String(state.parameter)]);
  entries.push(['y', String(state.point)], ['r', String(state.range)], ['d', state.derivative ? '1' : '0']);
  if (state.activation === 'tanh' || state.compare !== 'none') entries.push(['cmp', state.compare]);
  return entries;
}
