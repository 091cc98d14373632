// What both experiment codecs (lab-codec.js, playground-codec.js) do around their own keys: check
// the version and the keys, read the data, initialisation and training keys with their defaults,
// and name what each key accepts when a value is refused.
import { HashError, decoderWith } from './hash.js';
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

/**
 * The comma-separated list under `key` (`fallback` when the key is absent), as strings. More than
 * `most` items is a HashError (`reason`; the count allowed, as `allowedKind`) before any item is read.
 */
export function listParam(params, key, fallback, [fewest, most], reason, allowedKind) {
  const text = params.has(key) ? params.get(key) : fallback;
  const items = text.split(',');
  if (items.length > most) throw new HashError(reason, key, { value: text, allowed: { kind: allowedKind, min: fewest, max: most } });
  return items;
}
