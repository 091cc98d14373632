// Comparison-lab state <-> URL-hash parameters, e.g.
//   #lab?v=1&data=circle&n=300&noise=0.1&dseed=1&depth=10&width=16&init=kaiming_uniform&bias=0&seed=1
//        &act=sigmoid,tanh,relu&opt=adam&lr=0.01&batch=32&steps=500&at=0
// Missing keys take the defaults; unknown or repeated keys, bad numbers and values out of range are
// rejected (HashError) before anything is computed.
import { HashError } from './hash.js';
import { validateLabState, LAB_DEFAULTS, LAB_LIMITS } from './lab-schema.js';
import { activationToken, parseActivation, parseInteger, sharedEntries, trainingEntries } from './lab-fields.js';
import { experimentDecoder } from './lab-hash.js';

export const LAB_CODEC_VERSION = '1';
const KEYS = ['v', 'data', 'n', 'noise', 'dseed', 'depth', 'width', 'init', 'bias', 'seed', 'act', 'opt', 'lr', 'batch', 'steps', 'at'];

/** Hash parameters (a Map of strings) → a validated state. Throws HashError (naming what is allowed). */
export const decodeLabHash = experimentDecoder({
  version: LAB_CODEC_VERSION,
  keys: KEYS,
  defaults: LAB_DEFAULTS,
  allowed: {
    depth: { kind: 'integer', min: LAB_LIMITS.depth[0], max: LAB_LIMITS.depth[1] },
    width: { kind: 'integer', min: LAB_LIMITS.width[0], max: LAB_LIMITS.width[1] },
  },
}, (params, shared) => {
  const actText = params.has('act') ? params.get('act') : LAB_DEFAULTS.activations.map(activationToken).join(',');
  const tokens = actText.split(',');
  const [fewest, most] = LAB_LIMITS.activations;
  if (tokens.length > most) {
    throw new HashError('activation-count', 'act', { value: actText, allowed: { kind: 'count', min: fewest, max: most } });
  }
  return validateLabState({
    ...shared,
    depth: parseInteger(params.has('depth') ? params.get('depth') : String(LAB_DEFAULTS.depth), 'depth'),
    width: parseInteger(params.has('width') ? params.get('width') : String(LAB_DEFAULTS.width), 'width'),
    activations: tokens.map((token) => parseActivation(token, 'act')),
  });
});

/** State → [[key, value], …] for formatHash. */
export function encodeLabHash(state) {
  return [
    ['v', LAB_CODEC_VERSION],
    ...sharedEntries(state),
    ['depth', String(state.depth)], ['width', String(state.width)],
    ['init', state.init], ['bias', String(state.bias)], ['seed', String(state.seed)],
    ['act', state.activations.map(activationToken).join(',')],
    ...trainingEntries(state),
  ];
}
