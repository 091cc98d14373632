// From a widget's URL-hash codec to the two other ways its state travels: element attributes
// (<actlab-stepper activations="relu,sigmoid">) and the standalone page's URL (#v=1&in=1&…).
// Attributes are read with the same strict rules as the notebook's hash: the same character set,
// the same length bound, the same codec and schema. Nothing read here is ever inserted as HTML.
import { HashError, parseHash, formatHash, MAX_HASH_LENGTH } from '../state/hash.js';

export const MAX_ATTRIBUTE_LENGTH = 1024;
const ATTRIBUTE_CHARACTERS = /^[A-Za-z0-9_.,;:/+-]*$/; // the hash alphabet without & = ? (separators)

/** A rejected attribute (or set of attributes): reason as in HashError, attribute name, its value. */
export class AttributeError extends Error {
  constructor(reason, attribute = null, value = null) {
    super(attribute ? `${attribute}: ${reason}` : reason);
    this.reason = reason;
    this.attribute = attribute;
    this.value = value;
  }
}

/** "relu, sigmoid " → "relu,sigmoid": whitespace only ever separates. */
function tidy(value) {
  return value.trim().replace(/\s*([,;:])\s*/g, '$1');
}

/**
 * codecAdapter({name, decode, encode, attributes, defaults, prepare}):
 *  - decode(Map of key → string) → state (throws HashError); encode(state) → [[key, string]]
 *  - attributes: [[attributeName, codecKey]] (the state attributes; `lang` is handled elsewhere)
 *  - defaults(): the widget's default state; attributes that are not given keep its values
 *  - prepare(params, given, raw, defaults): optional hook to adjust the parameters (e.g. drop the
 *    default weights when the shape changes, or expand a convenience attribute); may throw
 *    AttributeError. `given` maps codec keys to the tidied attribute values, `raw` attribute names
 *    to values, `defaults` is the defaults' parameter Map.
 *  - extra: names of convenience attributes that `prepare` reads (not codec keys)
 */
export function codecAdapter({ name, decode, encode, attributes, defaults, prepare, extra = [] }) {
  const keyOf = new Map(attributes);
  const attributeOf = new Map(attributes.map(([attribute, key]) => [key, attribute]));
  const names = [...attributes.map(([attribute]) => attribute), ...extra];

  function fromAttributes(values) {
    const raw = new Map();
    for (const [attribute, value] of values) {
      if (!names.includes(attribute) || value === null || value === undefined) continue;
      if (value.length > MAX_ATTRIBUTE_LENGTH) throw new AttributeError('too-long', attribute, value);
      const clean = tidy(value);
      if (!ATTRIBUTE_CHARACTERS.test(clean)) throw new AttributeError('characters', attribute, value);
      raw.set(attribute, clean);
    }
    if (raw.size === 0) return null; // no state attributes: the widget's own default
    const defaultParams = new Map(encode(defaults()));
    const given = new Map();
    for (const [attribute, value] of raw) if (keyOf.has(attribute)) given.set(keyOf.get(attribute), value);
    let params = new Map(defaultParams);
    if (prepare) params = prepare(params, given, raw, defaultParams);
    for (const [key, value] of given) params.set(key, value);
    try {
      return decode(params);
    } catch (error) {
      throw asAttributeError(error, values);
    }
  }

  /** A HashError about a codec key → an AttributeError naming the attribute the author wrote. */
  function asAttributeError(error, values = new Map()) {
    if (error instanceof AttributeError) return error;
    const reason = error instanceof HashError ? error.reason : 'format';
    const attribute = error instanceof HashError && attributeOf.has(error.field) ? attributeOf.get(error.field) : null;
    const value = attribute && typeof values.get(attribute) === 'string' ? values.get(attribute) : null;
    return new AttributeError(reason, attribute, value);
  }

  /** State → [[attribute, value]] in the table's order (every state attribute, none omitted). */
  function toAttributes(state) {
    const byKey = new Map(encode(state));
    return attributes.filter(([, key]) => byKey.has(key)).map(([attribute, key]) => [attribute, byKey.get(key)]);
  }

  /** The standalone page's fragment ("v=1&in=1&…", no "#") → state; throws HashError. */
  function fromHash(fragment) {
    const raw = fragment.startsWith('#') ? fragment.slice(1) : fragment;
    if (raw === '') return null;
    if (raw.length > MAX_HASH_LENGTH) throw new HashError('too-long');
    const parsed = parseHash(`${name}?${raw}`, [name]);
    return decode(parsed.params);
  }

  /** State → the standalone page's fragment, without "#". */
  function toHash(state) {
    return formatHash(name, encode(state)).slice(name.length + 2);
  }

  /** The widget's default state, validated (what an element without state attributes shows). */
  function defaultState() {
    return decode(new Map(encode(defaults())));
  }

  return { attributes: names, fromAttributes, toAttributes, fromHash, toHash, asAttributeError, defaultState };
}
