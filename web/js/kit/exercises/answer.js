// Reading what a learner typed as a number: 0.25, −1.5, .5, 3e-4, full-width digits (０．２５).
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** {value} or {problem: 'empty' | 'number'}. */
export function readAnswer(text) {
  const clean = String(text).normalize('NFKC').trim().replace(/[−–]/g, '-').replace(/\s+/g, '');
  if (clean === '') return { problem: 'empty' };
  if (!DECIMAL.test(clean)) return { problem: 'number' };
  const value = Number(clean);
  return Number.isFinite(value) ? { value } : { problem: 'number' };
}

/** Is `value` within the exercise's tolerance of `expected`: |value − expected| ≤ abs + rel·|expected|. */
export function within(value, expected, { abs = 0, rel = 0 }) {
  return Math.abs(value - expected) <= abs + rel * Math.abs(expected);
}
