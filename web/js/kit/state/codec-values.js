// Strict readers for the values of hash (or embed-attribute) parameters, shared by the codecs of
// the activation plot, the linear stack and the chapters. Each throws HashError(reason, field).
import { HashError } from './hash.js';

const NUMBER = /^-?(\d{1,20}(\.\d{0,20})?|\.\d{1,20})(e[-+]?\d{1,3})?$/i;
const INTEGER = /^\d{1,10}$/;
const MAX_LIST = 64;

export function readNumber(text, field) {
  if (typeof text !== 'string' || !NUMBER.test(text)) throw new HashError('number', field, { value: text });
  const value = Number(text);
  if (!Number.isFinite(value)) throw new HashError('number', field, { value: text });
  return value;
}

export function readInteger(text, field) {
  if (typeof text !== 'string' || !INTEGER.test(text)) throw new HashError('integer', field, { value: text });
  return Number(text);
}

export function readNumbers(text, field) {
  if (typeof text !== 'string' || text === '') throw new HashError('count', field);
  const parts = text.split(',');
  if (parts.length > MAX_LIST) throw new HashError('count', field);
  return parts.map((part) => readNumber(part, field));
}

/** "1" or "0" only. */
export function readFlag(text, field) {
  if (text === '1') return true;
  if (text === '0') return false;
  throw new HashError('format', field, { value: text, allowed: { kind: 'oneOf', options: ['0', '1'] } });
}

/** One of a list of words. */
export function readWord(text, words, field, reason = 'format') {
  if (!words.includes(text)) throw new HashError(reason, field, { value: text, allowed: { kind: 'oneOf', options: words } });
  return text;
}

/** A range check that names what is allowed: kind 'integer' or 'number'. */
export function checkRange(value, [low, high], field, kind = 'number') {
  const details = { value, allowed: { kind, min: low, max: high } };
  if (kind === 'integer' && !Number.isInteger(value)) throw new HashError('integer', field, details);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new HashError('number', field, details);
  if (value < low || value > high) throw new HashError('range', field, details);
  return value;
}

/** Rejects any key outside `allowed`. */
export function checkKeys(params, allowed) {
  for (const key of params.keys()) {
    if (!allowed.includes(key)) throw new HashError('unknown-key', null, { value: key });
  }
}
