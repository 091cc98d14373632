// Linear-stack state <-> parameters (a URL hash, an iframe URL, custom-element attributes):
//   n=3&w=2,-1,0.5&b=1,0.5,0&on=1&act=tanh&r=3
import { HashError } from './hash.js';
import { validateLinearStackState, defaultLinearStackState, STACK_ACTIVATIONS } from './linear-stack-schema.js';
import { readNumber, readNumbers, readInteger, readFlag, readWord, checkKeys } from './codec-values.js';

export const LINEAR_STACK_VERSION = '1';
export const LINEAR_STACK_KEYS = Object.freeze(['v', 'n', 'w', 'b', 'on', 'act', 'r']);

/** Parameters (a Map of strings) → a validated state. Throws HashError. */
export function decodeLinearStackParams(params) {
  checkKeys(params, LINEAR_STACK_KEYS);
  if (params.has('v') && params.get('v') !== LINEAR_STACK_VERSION) throw new HashError('version', 'v', { value: params.get('v') });
  // A link without the maps shows the default ones; a link with some of them needs all three keys.
  if (!['n', 'w', 'b'].some((key) => params.has(key))) {
    const defaults = defaultLinearStackState();
    for (const [key, value] of encodeLinearStackParams(defaults)) {
      if (['n', 'w', 'b'].includes(key)) params = new Map([...params, [key, value]]);
    }
  }
  for (const required of ['n', 'w', 'b']) {
    if (!params.has(required)) throw new HashError('missing', required);
  }
  const candidate = {
    depth: readInteger(params.get('n'), 'n'),
    weights: readNumbers(params.get('w'), 'w'),
    biases: readNumbers(params.get('b'), 'b'),
    active: params.has('on') ? readFlag(params.get('on'), 'on') : false,
    activation: params.has('act') ? readWord(params.get('act'), STACK_ACTIVATIONS, 'act', 'activation') : 'tanh',
  };
  if (params.has('r')) candidate.range = readNumber(params.get('r'), 'r');
  return validateLinearStackState(candidate);
}

/** State → [[key, value], …]. */
export function encodeLinearStackParams(state) {
  return [
    ['v', LINEAR_STACK_VERSION],
    ['n', String(state.depth)],
    ['w', state.weights.map(String).join(',')],
    ['b', state.biases.map(String).join(',')],
    ['on', state.active ? '1' : '0'],
    ['act', state.activation],
    ['r', String(state.range)],
  ];
}
