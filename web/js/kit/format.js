// Number formatting for display. Formatting only: every number shown comes from the engine.

const MINUS = '\u2212';

function trimZeros(text) {
  if (!text.includes('.') || text.includes('e')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

/** Significant-digit text for a number ("0.1966", "1.2e-10"); "—" for a missing value. */
function plain(value, digits) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-4) {
    const [mantissa, exponent] = value.toExponential(Math.max(0, digits - 2)).split('e');
    return `${trimZeros(mantissa)}e${Number(exponent)}`;
  }
  return trimZeros(value.toPrecision(digits));
}

/** For text: a real minus sign, "—" when the engine gave no finite number. */
export function formatNumber(value, digits = 4) {
  const text = plain(value, digits);
  if (text === null) return '\u2014';
  return text.replace(/^-/, MINUS).replace('e-', `e${MINUS}`);
}

/** For TeX: 1.2 \times 10^{-10} style, negatives wrapped in parentheses when asked. */
export function texNumber(value, { parens = false, digits = 4 } = {}) {
  const text = plain(value, digits);
  if (text === null) return '\\text{—}';
  let tex = text;
  if (text.includes('e')) {
    const [mantissa, exponent] = text.split('e');
    tex = `${mantissa} \\times 10^{${exponent}}`;
  }
  return parens && value < 0 ? `(${tex})` : tex;
}

/** For speech: plain digits with a word for minus supplied by the locale. */
export function spokenNumber(value, minusWord, digits = 4) {
  const text = plain(value, digits);
  if (text === null) return '\u2014';
  return text.startsWith('-') ? `${minusWord} ${text.slice(1)}` : text;
}

/**
 * A fraction in [0, 1] as a percentage: 3 significant digits ("12.5%"), "—" for a missing value.
 * `ends: true` (results tables, where 0% and 100% must mean exactly that): "0%", "<0.1%", ">99.9%"
 * near the ends and 2 digits below 10%.
 */
export function formatPercent(fraction, { digits = 3, ends = false } = {}) {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return '\u2014';
  const value = 100 * fraction;
  if (!ends) return `${formatNumber(value, digits)}%`;
  if (fraction === 0) return '0%';
  if (fraction < 0.001) return '<0.1%';
  return `${value >= 99.95 && fraction < 1 ? '>99.9' : formatNumber(value, value < 10 ? 2 : 3)}%`;
}
