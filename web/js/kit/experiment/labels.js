// Names and number formats shared by the lab and the playground (formatting only).
import { formatNumber, formatPercent } from '../format.js';
import { DEFAULT_ALPHA, DEFAULT_SLOPE } from '../state/lab-fields.js';
import { activationName } from '../activations.js';

/** A new activation spec with its default parameter. */
export function defaultActivation(name) {
  if (name === 'leaky_relu') return { name, slope: DEFAULT_SLOPE };
  if (name === 'prelu') return { name, alpha: DEFAULT_ALPHA };
  return { name };
}

/** "ReLU", "Leaky ReLU (0.01)", "PReLU (α₀ = 0.25)". */
export function activationLabel(spec, t) {
  const name = activationName(t, spec.name, 'lab.act');
  if (spec.name === 'leaky_relu') return t('lab.act.withSlope', { name, slope: formatNumber(spec.slope) });
  if (spec.name === 'prelu') return t('lab.act.withAlpha', { name, alpha: formatNumber(spec.alpha) });
  return name;
}

/** A fraction in a results table: "0%", "12.5%", "<0.1%", ">99.9%" (0% and 100% mean exactly that). */
export const percent = (fraction) => formatPercent(fraction, { ends: true });

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
