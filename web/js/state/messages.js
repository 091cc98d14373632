// Localized sentences for a rejected state (from the URL hash or from a host page).

const KNOWN_FIELDS = ['in', 'h', 'act', 'x', 't', 'loss', 'init', 'seed', 'w', 'b', 'lr', 'cyc', 'step', 'v', 'state'];

/** "This link's settings could not be used (…). The default example is shown instead." */
export function invalidStateMessage(error, t) {
  const reason = error && error.reason ? error.reason : 'format';
  const reasonText = t.has(`invalid.reason.${reason}`) ? t(`invalid.reason.${reason}`) : t('invalid.reason.format');
  const field = error && KNOWN_FIELDS.includes(error.field) ? t(`invalid.field.${error.field}`) : null;
  return field ? t('invalid.withField', { field, reason: reasonText }) : t('invalid.plain', { reason: reasonText });
}
