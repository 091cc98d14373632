// Training-playground state <-> URL-hash parameters, e.g.
//   #playground?v=1&data=circle&n=300&noise=0.05&dseed=1&hidden=8,8,8&act=relu&init=kaiming_uniform
//              &bias=-0.3&seed=2&opt=adam&lr=0.1&batch=16&steps=1500&at=0
//   and, with the learner's own points, &pts=0.5:-1.2:1,0.3:0.4:0 (or a saved set: own-data.js)
// Missing keys take the defaults; anything else wrong is a HashError before anything is computed.
import { HashError } from './hash.js';
import { validatePlaygroundState, PLAYGROUND_DEFAULTS, PLAYGROUND_LIMITS } from './playground-schema.js';
import { activationToken, allowedRange, parseActivation, parseInteger, sharedEntries, trainingEntries } from './lab-fields.js';
import { experimentDecoder, listParam } from './lab-hash.js';
import { decodePoints, encodePoints } from './own-data.js';

export const PLAYGROUND_CODEC_VERSION = '1';
const KEYS = [
  'v', 'data', 'n', 'noise', 'dseed', 'hidden', 'act', 'init', 'bias', 'seed', 'opt', 'lr', 'batch', 'steps', 'at', 'classes', 'pts',
];

/** Hash parameters (a Map of strings) → a validated state. Throws HashError (naming what is allowed). */
export const decodePlaygroundHash = experimentDecoder({
  version: PLAYGROUND_CODEC_VERSION,
  keys: KEYS,
  defaults: PLAYGROUND_DEFAULTS,
  allowed: { hidden: allowedRange('integer', PLAYGROUND_LIMITS.units), classes: allowedRange('integer', PLAYGROUND_LIMITS.classes) },
}, (params, shared) => {
  const parts = listParam(params, 'hidden', PLAYGROUND_DEFAULTS.hidden.join(','), PLAYGROUND_LIMITS.hiddenLayers, 'count', 'layers');
  const actText = params.has('act') ? params.get('act') : activationToken(PLAYGROUND_DEFAULTS.activation);
  if (actText.includes(',')) throw new HashError('count', 'act', { value: actText, allowed: { kind: 'length', n: 1 } });
  return validatePlaygroundState({
    ...shared,
    hidden: parts.map((part) => parseInteger(part, 'hidden')),
    activation: parseActivation(actText, 'act'),
    classes: params.has('classes') ? parseInteger(params.get('classes'), 'classes') : 2,
    points: params.has('pts') ? decodePoints(params.get('pts')) : null,
  });
});

/** State → [[key, value], …] for formatHash. */
export function encodePlaygroundHash(state) {
  return [
    ['v', PLAYGROUND_CODEC_VERSION],
    ...sharedEntries(state),
    ['hidden', state.hidden.join(',')],
    ['act', activationToken(state.activation)],
    ['init', state.init], ['bias', String(state.bias)], ['seed', String(state.seed)],
    ...trainingEntries(state),
    ...(state.classes !== 2 ? [['classes', String(state.classes)]] : []), // links from before stay as they were
    ...(state.points ? [['pts', encodePoints(state.points)]] : []),
  ];
}
