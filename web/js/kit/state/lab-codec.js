// Comparison-lab state <-> URL-hash parameters, e.g.
//   #lab?v=1&data=circle&n=300&noise=0.1&dseed=1&depth=10&width=16&init=kaiming_uniform&bias=0&seed=1
//        &act=sigmoid,tanh,relu&opt=adam&lr=0.01&batch=32&steps=500&at=0
// Missing keys take the defaults; unknown or repeated keys, bad numbers and values out of range are
// rejected (HashError) before anything is computed.
import { validateLabState, LAB_DEFAULTS, LAB_LIMITS } from './lab-schema.js';
import { activationToken, allowedRange, parseActivation, parseInteger, sharedEntries, trainingEntries } from './lab-fields.js';
import { experimentDecoder, listParam } from './lab-hash.js';

export const LAB_CODEC_VERSION = '1';
const KEYS = ['v', 'data', 'n', 'noise', 'dseed', 'depth', 'width', 'init', 'bias', 'seed', 'act', 'opt', 'lr', 'batch', 'steps', 'at'];

/** Hash parameters (a Map of strings) → a validated state. Throws HashError (naming what is allowed). */
export const decodeLabHash = experimentDecoder({
  version: LAB_CODEC_VERSION,
  keys: KEYS,
  defaults: LAB_DEFAULTS,
  allowed: { depth: allowedRange('integer', LAB_LIMITS.depth), width: allowedRange('integer', LAB_LIMITS.width) },
}, (params, shared) => {
  const fallback = LAB_DEFAULTS.activations.map(activationToken).join(',');
  const tokens = listParam(params, 'act', fallback, LAB_LIMITS.activations, 'activation-count', 'count');
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
