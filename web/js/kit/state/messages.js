// Every sentence about a refused value, in one place: a link whose settings could not be used, a
// state a host page handed over, a value typed into a field. Each names the field, the value and
// what is allowed ("activations: choose 2 to 5 (the link has sigmoid)"), from the HashError the
// validators throw (reason, field, value, allowed; see state/hash.js). Only a link read when the
// page opens (or a host's state at start-up) resets anything, so only those sentences say so.

const MAX_SHOWN = 40;
const LABEL_PREFIXES = ['invalid.field.'];
/** Reasons whose words add nothing once the allowed values are named. */
const SUBSUMED = ['range', 'integer', 'number', 'count', 'activation-count', 'type'];

/** The refused value as short plain text, or null when there is nothing useful to show. */
export function shownValue(value) {
  let text;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') text = Number.isNaN(value) ? null : String(value);
  else if (typeof value === 'boolean') text = String(value);
  else if (Array.isArray(value) && value.every((item) => typeof item === 'number' || typeof item === 'string')) text = value.join(', ');
  else text = null;
  if (text === null || text === '') return null;
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** "expected a whole number from 1 to 32", "choose 2 to 5", … or null. */
export function allowedText(allowed, t) {
  if (!allowed || typeof allowed !== 'object') return null;
  const key = `msg.allowed.${allowed.kind}`;
  if (!t.has(key)) return null;
  const list = Array.isArray(allowed.options) ? allowed.options.join(', ') : '';
  return t(key, { min: String(allowed.min), max: String(allowed.max), n: String(allowed.n), list });
}

/** The setting's name in words; `labels` lists key prefixes to try first (e.g. 'lab.field.'). */
export function fieldLabel(field, t, labels = []) {
  if (!field || !/^[a-z]+$/.test(field)) return null;
  for (const prefix of [...labels, ...LABEL_PREFIXES]) {
    if (t.has(`${prefix}${field}`)) return t(`${prefix}${field}`);
  }
  return null;
}

/** The reason in words (a widget's own reasons first, then the shell's, then a generic one). */
export function reasonText(error, t, reasonPrefixes = []) {
  const reason = error && typeof error.reason === 'string' ? error.reason : 'format';
  for (const prefix of [...reasonPrefixes, 'invalid.reason.']) {
    if (t.has(`${prefix}${reason}`)) return t(`${prefix}${reason}`);
  }
  return t('invalid.reason.format');
}

/**
 * "field: what is allowed (the link has value)". `where`: 'link' | 'field' | 'state' picks how the
 * value is introduced. Options: labels, reasons (key prefixes tried before the shell's), label (the
 * field's name in words, when the caller has it).
 */
export function problemText(error, t, { where = 'link', labels = [], reasons = [], label = null } = {}) {
  const allowed = allowedText(error && error.allowed, t);
  const reason = reasonText(error, t, reasons);
  const text = allowed ? (SUBSUMED.includes(error.reason) ? allowed : `${reason}; ${allowed}`) : reason;
  const name = label || fieldLabel(error && error.field, t, labels);
  const problem = name ? t('msg.problem', { field: name, text }) : text;
  // A number field that is empty, or holds text the browser cannot read as a number, gives NaN.
  if (where === 'field' && error && Number.isNaN(error.value)) return t('msg.value.fieldNotANumber', { problem });
  const value = error ? shownValue(error.value) : null;
  return value === null ? problem : t(`msg.value.${where}`, { problem, value });
}

/**
 * A link, or one section's part of it, that could not be used. `section`: the section's title (or
 * null for the whole link); `kept`: true when nothing was changed (a link followed in the open
 * page), false when the defaults are shown instead (a link the page opened with).
 */
export function linkMessage(error, t, { section = null, kept = false, labels = [], reasons = [] } = {}) {
  const problem = problemText(error, t, { where: 'link', labels, reasons });
  const key = `link.${section ? 'part' : 'all'}.${kept ? 'kept' : 'reset'}`;
  return t(key, { section: section || '', problem });
}

/** A host page's state that a widget could not use at start-up: the widget shows its defaults. */
export function invalidStateMessage(error, t, options = {}) {
  return t('link.state.reset', { problem: problemText(error, t, { where: 'state', ...options }) });
}

/** A value typed into a field that was refused: nothing else changes. A sentence of its own. */
export function fieldErrorMessage(error, t, options = {}) {
  const text = t('field.notApplied', { problem: problemText(error, t, { where: 'field', ...options }) });
  return text.charAt(0).toLocaleUpperCase(t.lang) + text.slice(1);
}
