// A scratch cell's code in the URL hash, as the change from its prepared text: most edits change a
// number or a line, so a link carries only that span, not the whole cell.
//
//   <check>.<prefix>.<suffix>.<text>     e.g.  k3x9qa.412.380.MC41
//
// `prefix` and `suffix` are how many characters (UTF-16 code units) at the start and the end of the
// prepared text stay; `text` is what replaces the rest, as UTF-8 in base64url (A–Z a–z 0–9 - _, all
// allowed in the hash); `check` is a 32-bit FNV-1a hash of the prepared text in base 36, so a link
// made against a prepared text that has since changed is refused instead of applied to the wrong
// text. The bound: the replaced span is at most MAX_EDIT_BYTES bytes of UTF-8 (about 2,700
// characters in the link, leaving room for other sections in the hash's 4,096); a larger change
// stays in the open page but not in its link, and the cell says so.
import { HashError } from './hash.js';

export const MAX_EDIT_BYTES = 2000;
/** The longest code a cell accepts from outside (a host's setState), in characters. */
export const MAX_CODE_LENGTH = 20000;
const VALUE = /^([0-9a-z]{1,7})\.(\d{1,5})\.(\d{1,5})\.([A-Za-z0-9_-]*)$/;

export function checksum(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

const isHigh = (code) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;

/** The span of `code` that differs from `prepared`: {prefix, suffix, middle}, never splitting a surrogate pair. */
export function changedSpan(prepared, code) {
  const limit = Math.min(prepared.length, code.length);
  let prefix = 0;
  while (prefix < limit && prepared.charCodeAt(prefix) === code.charCodeAt(prefix)) prefix += 1;
  if (prefix > 0 && isHigh(code.charCodeAt(prefix - 1))) prefix -= 1;
  let suffix = 0;
  while (suffix < limit - prefix
    && prepared.charCodeAt(prepared.length - 1 - suffix) === code.charCodeAt(code.length - 1 - suffix)) suffix += 1;
  if (suffix > 0 && isLow(code.charCodeAt(code.length - suffix))) suffix -= 1;
  return { prefix, suffix, middle: code.slice(prefix, code.length - suffix) };
}

function toBase64Url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text, field) {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    throw new HashError('format', field, { value: text.slice(0, 24) });
  }
}

/** The UTF-8 size of the span a link would carry for `code` (to say when it is over the bound). */
export function editBytes(prepared, code) {
  return new TextEncoder().encode(changedSpan(prepared, code).middle).length;
}

/** The hash value for `code`, or null when its change is over MAX_EDIT_BYTES (it stays out of the link). */
export function encodeCell(prepared, code) {
  const { prefix, suffix, middle } = changedSpan(prepared, code);
  const bytes = new TextEncoder().encode(middle);
  if (bytes.length > MAX_EDIT_BYTES) return null;
  return `${checksum(prepared)}.${prefix}.${suffix}.${toBase64Url(bytes)}`;
}

/** The code a hash value stands for; HashError naming `field` when it cannot be read or was made for another text. */
export function decodeCell(prepared, value, field) {
  const match = typeof value === 'string' ? VALUE.exec(value) : null;
  if (!match) throw new HashError('format', field, { value: String(value).slice(0, 24) });
  const [, check, prefixText, suffixText, text] = match;
  const prefix = Number(prefixText);
  const suffix = Number(suffixText);
  if (check !== checksum(prepared)) throw new HashError('cell-changed', field);
  if (prefix + suffix > prepared.length) throw new HashError('format', field, { value: `${prefix}.${suffix}` });
  if (text.length > Math.ceil((MAX_EDIT_BYTES * 4) / 3)) throw new HashError('too-long', field);
  return prepared.slice(0, prefix) + fromBase64Url(text, field) + prepared.slice(prepared.length - suffix);
}

/** A cell's code from outside (a host's state): a string of at most MAX_CODE_LENGTH characters. */
export function validateCode(code, field) {
  if (typeof code !== 'string') throw new HashError('type', field);
  if (code.length > MAX_CODE_LENGTH) throw new HashError('too-long', field, { value: `${code.length}` });
  return code;
}
