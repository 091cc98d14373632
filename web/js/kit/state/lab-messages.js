// The lab's and the playground's wording for a refused state, on top of state/messages.js: their
// field names (lab.field.*) and reasons (lab.reason.*) live in web/locales/lab/.
import { problemText as sharedProblemText, fieldErrorMessage } from './messages.js';

/** Key prefixes the lab's messages try before the shell's. */
export const LAB_WORDING = Object.freeze({ labels: ['lab.field.'], reasons: ['lab.reason.'] });

/** "field: what is allowed (value)". */
export function problemText(error, t, where = 'state') {
  return sharedProblemText(error, t, { where, ...LAB_WORDING });
}

/** For a host's state at start-up: "These settings could not be used — …. The default … instead." */
export function labInvalidStateMessage(error, t) {
  return t('lab.invalidState', { problem: problemText(error, t) });
}

/** For a value typed into the settings panel: "field: … (you entered …). This change was not applied." */
export function labFieldMessage(error, t) {
  return fieldErrorMessage(error, t, LAB_WORDING);
}

/** For an imported file: "This file was not imported: …. Nothing was changed." */
export function importErrorMessage(error, t) {
  return t('lab.import.failed', { problem: problemText(error, t, 'file') });
}


