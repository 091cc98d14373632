// The stepper's typed number fields: what each one allows, reading what was typed, and the
// message shown next to the field ("Learning rate η: “abc” is not a number; use a number from
// 0.0001 to 10."). A refused value changes nothing, so no message here speaks of a reset.
import { h, uid } from '../../kit/dom.js';
import { LIMITS } from '../../kit/state/stepper-schema.js';

const symmetric = (bound) => ({ min: -bound, max: bound });

/**
 * What each field accepts. The schema (used for links too) is the outer limit; the learning
 * rate field asks for at least 0.0001, since smaller rates barely move the weights.
 */
export const FIELD_RULES = Object.freeze({
  lr: { min: 0.0001, max: LIMITS.learningRate[1] },
  x: symmetric(LIMITS.inputValue),
  t: symmetric(LIMITS.inputValue),
  tBce: { min: 0, max: 1 },
  slope: { min: LIMITS.slope[0], max: LIMITS.slope[1] },
  alpha: { min: LIMITS.alpha[0], max: LIMITS.alpha[1] },
  seed: { min: LIMITS.seed[0], max: LIMITS.seed[1], integer: true },
  parameter: symmetric(LIMITS.parameter),
});

// A decimal number as people type it: 0.5, -2, .5, 1e-3 (full-width digits and − are read too).
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Reads `text` for `rule`: {value} or {problem: 'empty' | 'number' | 'integer' | 'range'}. */
export function parseField(text, rule) {
  const clean = String(text).normalize('NFKC').trim().replace(/[−–]/g, '-');
  if (clean === '') return { problem: 'empty' };
  if (!DECIMAL.test(clean)) return { problem: 'number' };
  const value = Number(clean);
  if (!Number.isFinite(value)) return { problem: 'range' };
  if (rule.integer && !Number.isInteger(value)) return { problem: 'integer' };
  if (value < rule.min || value > rule.max) return { problem: 'range' };
  return { value };
}

const bound = (value) => value.toLocaleString('en-US', { maximumFractionDigits: 12, useGrouping: false }).replace('-', '−');
const shortText = (text) => {
  const clean = String(text).trim();
  return clean.length > 24 ? `${clean.slice(0, 23)}…` : clean;
};

/** The localized message for a problem with what was typed into the field called `label`. */
export function fieldMessage(t, label, text, rule, problem) {
  return t(`stepper.field.${problem}${rule.integer && problem !== 'integer' ? 'Whole' : ''}`, {
    field: label, value: shortText(text), min: bound(rule.min), max: bound(rule.max),
  });
}

/**
 * Shows `message` in a `.field-error` inside `slot` (created when first needed) and ties it to
 * `input` with aria-describedby / aria-invalid; a null message removes both.
 */
export function showFieldError(input, slot, message) {
  let error = slot.querySelector(':scope > .field-error');
  if (!message) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    if (error) error.remove();
    return;
  }
  if (!error) {
    error = h('p', { class: 'field-error', id: uid('field-error'), role: 'alert' });
    slot.append(error);
  }
  error.textContent = message;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', error.id);
}

/**
 * A typed number input (text, decimal keyboard): on change it reads the text for `rule` and
 * either shows the problem next to the field or calls `onValue(value)`, which returns an error
 * message (shown the same way) or null.
 */
export function numberInput(t, { label, value, rule, field, slot, onValue, attributes = {} }) {
  const input = h('input', {
    id: uid('f'), type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false',
    value: String(value), 'data-field': field, ...attributes,
  });
  input.addEventListener('change', () => {
    const parsed = parseField(input.value, rule);
    const message = parsed.problem ? fieldMessage(t, label, input.value, rule, parsed.problem) : onValue(parsed.value);
    showFieldError(input, slot(), message || null);
  });
  return input;
}
