// What both experiment codecs (lab-codec.js, playground-codec.js) do around their own keys: check
// the version and the keys, read the data, initialisation and training keys with their defaults,
// and name what each key accepts when a value is refused.
import { decoderWith } from './hash.js';
import { FIELD_ALLOWED, checkKeys, decodeShared } from './lab-fields.js';

/**
 * experimentDecoder({version, keys, allowed, defaults}, decodeOwn(params, shared) → state) → decode(params)
 * allowed: what the widget's own keys accept; shared: the common settings, read with `defaults`.
 */
export function experimentDecoder({ version, keys, allowed, defaults }, decodeOwn) {
  const table = Object.freeze({ ...FIELD_ALLOWED, ...allowed, v: { kind: 'oneOf', options: [version] } });
  return decoderWith(table, (params) => {
    checkKeys(params, keys, version);
    return decodeOwn(params, decodeShared(params, defaults));
  });
}
