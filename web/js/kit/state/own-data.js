// The learner's own training points in the playground's state: [[x₁, x₂, label], …], label a class
// index 0 … classes − 1. One set of rules for the state, the exported file and the link.
//
// The link carries the points themselves when they are few (LINK_POINTS, and at most LINK_CHARS of
// text, so the whole hash stays under its 4096 characters); a longer set is kept in this browser's
// localStorage and the link names it by count and fingerprint (`pts=saved.<count>.<fingerprint>`).
// Such a link reopens the same points after a reload in the same browser; elsewhere it is refused
// with a message pointing to the exported file, which always holds every point.
import { HashError } from './hash.js';
import { parseNumber } from './lab-fields.js';

export const OWN_DATA_LIMITS = Object.freeze({ points: 2000, coordinate: 1000, linkPoints: 100, linkChars: 2000 });
const STORAGE_KEY = 'actlab.playground.points';
const SAVED = /^saved\.(\d{1,4})\.([0-9a-z]{1,8})$/;

function fail(reason, details) { throw new HashError(reason, 'pts', details); }

/** A validated copy of `candidate`: at most OWN_DATA_LIMITS.points rows of [x₁, x₂, class]. */
export function validatePoints(candidate, classes = 2) {
  if (!Array.isArray(candidate)) fail('type');
  if (candidate.length > OWN_DATA_LIMITS.points) {
    fail('range', { value: candidate.length, allowed: { kind: 'integer', min: 0, max: OWN_DATA_LIMITS.points } });
  }
  const limit = OWN_DATA_LIMITS.coordinate;
  return candidate.map((row) => {
    if (!Array.isArray(row) || row.length !== 3) fail('point', { value: JSON.stringify(row) });
    const [x1, x2, label] = row;
    for (const x of [x1, x2]) {
      if (typeof x !== 'number' || !Number.isFinite(x) || Math.abs(x) > limit) {
        fail('range', { value: x, allowed: { kind: 'number', min: -limit, max: limit } });
      }
    }
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      fail('range', { value: label, allowed: { kind: 'integer', min: 0, max: classes - 1 } });
    }
    return [x1, x2, label];
  });
}

/** FNV-1a over the points' text, base 36: names a saved set in a link. */
export function fingerprint(points) {
  const text = JSON.stringify(points);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

function storage() {
  try { return globalThis.localStorage || null; } catch { return null; } // disabled storage throws
}

/** Keep `points` in this browser (the latest set only); false when storage is unavailable. */
export function savePoints(points) {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(STORAGE_KEY, JSON.stringify({ fingerprint: fingerprint(points), points }));
    return true;
  } catch { return false; }
}

function loadSaved(count, print) {
  const store = storage();
  let saved = null;
  try { saved = JSON.parse(store ? store.getItem(STORAGE_KEY) : 'null'); } catch { saved = null; }
  if (!saved || saved.fingerprint !== print || !Array.isArray(saved.points) || saved.points.length !== count) {
    fail('saved-points', { value: count });
  }
  return saved.points;
}

/** The hash value for `points`: the points (x:y:class, comma-separated) or a reference to the saved set. */
export function encodePoints(points) {
  const text = points.map(([x1, x2, label]) => `${x1}:${x2}:${label}`).join(',');
  if (points.length <= OWN_DATA_LIMITS.linkPoints && text.length <= OWN_DATA_LIMITS.linkChars) return text;
  savePoints(points);
  return `saved.${points.length}.${fingerprint(points)}`;
}

/** A hash value → points (not yet validated). Throws HashError naming `pts`. */
export function decodePoints(text) {
  const saved = SAVED.exec(text);
  if (saved) return loadSaved(Number(saved[1]), saved[2]);
  if (text === '') return [];
  return text.split(',').map((item) => {
    const parts = item.split(':');
    if (parts.length !== 3) fail('point', { value: item });
    const [x1, x2] = parts.slice(0, 2).map((part) => parseNumber(part, 'pts'));
    if (!/^\d$/.test(parts[2])) fail('point', { value: item });
    return [x1, x2, Number(parts[2])];
  });
}

/** Rows for the engine: {inputs: [[x₁, x₂]], targets: [[label]]}. */
export function pointRows(points) {
  return { inputs: points.map(([x1, x2]) => [x1, x2]), targets: points.map(([, , label]) => [label]) };
}
