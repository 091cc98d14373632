// The URL hash: "#<section>" is a plain anchor, "#<section>?k=v&k=v" carries that section's state,
// and "#<section>?k=v/<other>?k=v/…" carries several sections' states at once (one part per widget
// the reader changed; the first part is the section the link points at). Parsing is strict: a
// whitelist of characters, a length bound, known sections only, no duplicate keys or sections.
// Nothing read here is ever inserted as HTML; callers get plain strings.

export const MAX_HASH_LENGTH = 4096;
const ALLOWED = /^[A-Za-z0-9_.,;:=&?/+-]*$/;
const KEY = /^[a-z]{1,8}$/;
const MAX_PARAMS = 32;
export const PART_SEPARATOR = '/';
const MAX_PARTS = 16;

/**
 * A rejected state. `reason` says what is wrong, `field` names the setting (its key in the hash),
 * `details.value` is the value that was refused and `details.allowed` what would have been accepted:
 * {kind: 'integer'|'number'|'above'|'count'|'layers', min, max} | {kind: 'oneOf', options} |
 * {kind: 'length', n}. state/messages.js turns all of it into a sentence.
 */
export class HashError extends Error {
  constructor(reason, field = null, details = {}) {
    super(field ? `${reason} (${field})` : reason);
    this.reason = reason;
    this.field = field;
    if (details.value !== undefined) this.value = details.value;
    if (details.allowed) this.allowed = details.allowed;
  }
}

/** Fill in `allowed` from a table {field: allowed} when the thrower did not know it. */
export function withAllowed(error, table) {
  if (error instanceof HashError && !error.allowed && error.field && table[error.field]) error.allowed = table[error.field];
  return error;
}

/** `decode` whose HashErrors name what the field allows (from `table`) when the thrower did not. */
export function decoderWith(table, decode) {
  return (params, ...rest) => {
    try {
      return decode(params, ...rest);
    } catch (error) {
      throw withAllowed(error, table);
    }
  };
}

/**
 * Parse location.hash. `otherAnchors` are ids on the page that are not sections (e.g. "main").
 * Returns {kind: 'empty'} | {kind: 'anchor', section} |
 * {kind: 'state', section, params: Map}; throws HashError for anything else.
 */
export function parseHash(rawHash, knownSections, otherAnchors = []) {
  const raw = rawHash.startsWith('#') ? rawHash.slice(1) : rawHash;
  if (raw === '') return { kind: 'empty' };
  if (raw.length > MAX_HASH_LENGTH) throw new HashError('too-long');
  if (!ALLOWED.test(raw)) throw new HashError('characters');
  return parsePart(raw, knownSections, otherAnchors);
}

function parsePart(raw, knownSections, otherAnchors) {
  const question = raw.indexOf('?');
  const section = question < 0 ? raw : raw.slice(0, question);
  if (question < 0 && otherAnchors.includes(section)) return { kind: 'anchor', section: null };
  if (!knownSections.includes(section)) throw new HashError('section', null, { value: section });
  if (question < 0) return { kind: 'anchor', section };
  const params = new Map();
  const query = raw.slice(question + 1);
  const pairs = query === '' ? [] : query.split('&');
  if (pairs.length > MAX_PARAMS) throw new HashError('too-long');
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const key = equals < 0 ? pair : pair.slice(0, equals);
    if (!KEY.test(key)) throw new HashError('unknown-key', null, { value: key });
    if (params.has(key)) throw new HashError('duplicate', key);
    if (equals < 0) throw new HashError('format', key);
    const value = pair.slice(equals + 1);
    if (value.includes('?') || value.includes('=')) throw new HashError('format', key);
    params.set(key, value);
  }
  return { kind: 'state', section, params };
}

/** "#section?k=v&…" from [[key, value], …]; values must already use the allowed characters. */
export function formatHash(section, entries) {
  const query = entries.map(([key, value]) => `${key}=${value}`).join('&');
  const hash = `#${section}?${query}`;
  if (hash.length - 1 > MAX_HASH_LENGTH || !ALLOWED.test(hash.slice(1))) {
    throw new HashError('too-long');
  }
  return hash;
}

/**
 * Parse a hash that may hold several sections' states: "#a?k=v/b?k=v". Returns {kind: 'empty'} |
 * {kind: 'anchor', section} | {kind: 'state', section, parts: [{section, params}]} where `section`
 * (the first part's) is where the link points. A one-part hash is exactly what parseHash reads, so
 * every single-section link keeps working. Throws HashError for anything malformed.
 */
export function parseHashParts(rawHash, knownSections, otherAnchors = []) {
  const raw = rawHash.startsWith('#') ? rawHash.slice(1) : rawHash;
  if (raw === '') return { kind: 'empty' };
  if (raw.length > MAX_HASH_LENGTH) throw new HashError('too-long');
  if (!ALLOWED.test(raw)) throw new HashError('characters');
  const texts = raw.split(PART_SEPARATOR);
  if (texts.length === 1) {
    const single = parsePart(raw, knownSections, otherAnchors);
    return single.kind === 'state' ? { kind: 'state', section: single.section, parts: [single] } : single;
  }
  if (texts.length > MAX_PARTS) throw new HashError('too-long');
  const parts = texts.map((text) => {
    if (!text.includes('?')) throw new HashError('format', null, { value: text });
    return parsePart(text, knownSections, []);
  });
  const seen = new Set();
  for (const part of parts) {
    if (seen.has(part.section)) throw new HashError('duplicate-section', null, { value: part.section });
    seen.add(part.section);
  }
  return { kind: 'state', section: parts[0].section, parts };
}

/** "#a?k=v/b?k=v" from [[section, entries], …] (the first is where the link points); '' for none. */
export function formatHashParts(parts) {
  if (parts.length === 0) return '';
  const hash = `#${parts.map(([section, entries]) => formatHash(section, entries).slice(1)).join(PART_SEPARATOR)}`;
  if (hash.length - 1 > MAX_HASH_LENGTH) throw new HashError('too-long');
  return hash;
}
