// Names and number formats shared by the lab and the playground (formatting only).
import { formatNumber } from '../format.js';
import { DEFAULT_ALPHA, DEFAULT_SLOPE } from '../state/lab-fields.js';

/** A new activation spec with its default parameter. */
export function defaultActivation(name) {
  if (name === 'leaky_relu') return { name, slope: DEFAULT_SLOPE };
  if (name === 'prelu') return { name, alpha: DEFAULT_ALPHA };
  return { name };
}

/** "ReLU", "Leaky ReLU (0.01)", "PReLU (α₀ = 0.25)". */
export function activationLabel(spec, t) {
  const name = t(`lab.act.${spec.name}`);
  if (spec.name === 'leaky_relu') return t('lab.act.withSlope', { name, slope: formatNumber(spec.slope) });
  if (spec.name === 'prelu') return t('lab.act.withAlpha', { name, alpha: formatNumber(spec.alpha) });
  return name;
}

/** A fraction in [0, 1] as a percentage: "0%", "12.5%", "<0.1%". */
export function percent(fraction) {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return '\u2014';
  if (fraction === 0) return '0%';
  if (fraction < 0.001) return '<0.1%';
  const value = fraction * 100;
  return `${value >= 99.95 && fraction < 1 ? '>99.9' : formatNumber(value, value < 10 ? 2 : 3)}%`;
}

/** A gradient norm or loss: 4 significant digits, scientific below 10⁻⁴. */
export function number(value, digits = 3) {
  return formatNumber(value, digits);
}

/** A duration for reading: "45 s", "3 min 20 s", "1 h 5 min" (localized units). */
export function duration(ms, t) {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return t('lab.time.seconds', { s: seconds });
  if (seconds < 3600) return t('lab.time.minutes', { m: Math.floor(seconds / 60), s: seconds % 60 });
  const minutes = Math.round(seconds / 60);
  return t('lab.time.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** Steps per second: two significant digits below 10 ("0.38", "3.2"), whole numbers above. */
export function stepRate(rate) {
  return rate >= 10 ? String(Math.round(rate)) : formatNumber(rate, 2);
}
