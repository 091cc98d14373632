// Localized sentences for a rejected lab or playground state: from the URL hash, a host page, or an
// imported file. Reasons the shell already words (invalid.reason.*) are reused; the lab's own
// reasons and field names live in web/locales/lab/.

const LAB_REASONS = ['activation-count', 'batch', 'at', 'dataset', 'optimiser', 'json', 'file-kind', 'file-size', 'file-read'];
const FIELDS = ['v', 'data', 'n', 'noise', 'dseed', 'depth', 'width', 'init', 'bias', 'seed', 'act', 'opt', 'lr', 'batch', 'steps', 'at', 'hidden', 'state'];

/** The reason in words (lab reasons first, then the shell's, then a generic one). */
export function reasonText(error, t) {
  const reason = error && error.reason ? error.reason : 'format';
  if (LAB_REASONS.includes(reason)) return t(`lab.reason.${reason}`);
  return t.has(`invalid.reason.${reason}`) ? t(`invalid.reason.${reason}`) : t('invalid.reason.format');
}

/** "field: reason" or just the reason. */
export function problemText(error, t) {
  const field = error && FIELDS.includes(error.field) ? t(`lab.field.${error.field}`) : null;
  const reason = reasonText(error, t);
  return field ? t('lab.problem.withField', { field, reason }) : reason;
}

/** For a link or host state: "The settings in this link could not be used (…). Defaults are shown." */
export function labInvalidStateMessage(error, t) {
  return t('lab.invalidState', { problem: problemText(error, t) });
}

/** For an imported file: "This file was not imported: …. Nothing was changed." */
export function importErrorMessage(error, t) {
  return t('lab.import.failed', { problem: problemText(error, t) });
}
