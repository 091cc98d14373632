// The URL hash: "#<section>" is a plain anchor, "#<section>?k=v&k=v" carries that section's state.
// Parsing is strict: a whitelist of characters, a length bound, known sections only, no duplicate
// keys. Nothing read here is ever inserted as HTML; callers get plain strings.

export const MAX_HASH_LENGTH = 4096;
const ALLOWED = /^[A-Za-z0-9_.,;:=&?/+-]*$/;
const KEY = /^[a-z]{1,8}$/;
const MAX_PARAMS = 32;

export class HashError extends Error {
  constructor(reason, field = null) {
    super(field ? `${reason} (${field})` : reason);
    this.reason = reason;
    this.field = field;
  }
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
  const question = raw.indexOf('?');
  const section = question < 0 ? raw : raw.slice(0, question);
  if (question < 0 && otherAnchors.includes(section)) return { kind: 'anchor', section: null };
  if (!knownSections.includes(section)) throw new HashError('section');
  if (question < 0) return { kind: 'anchor', section };
  const params = new Map();
  const query = raw.slice(question + 1);
  const pairs = query === '' ? [] : query.split('&');
  if (pairs.length > MAX_PARAMS) throw new HashError('too-long');
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const key = equals < 0 ? pair : pair.slice(0, equals);
    if (!KEY.test(key)) throw new HashError('unknown-key');
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
