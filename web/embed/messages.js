// Localized sentences for rejected embed attributes and standalone-page URLs.

function reasonText(reason, t) {
  if (reason === 'convenience') return t('embed.invalid.convenience');
  if (reason === 'too-long') return t('embed.invalid.tooLong');
  return t.has(`invalid.reason.${reason}`) ? t(`invalid.reason.${reason}`) : t('invalid.reason.format');
}

/** For an AttributeError (or anything else thrown while reading attributes). */
export function attributeMessage(error, t) {
  const reason = reasonText(error && error.reason ? error.reason : 'format', t);
  if (error && error.attribute && typeof error.value === 'string') {
    const value = error.value.length > 60 ? `${error.value.slice(0, 57)}…` : error.value;
    return t('embed.invalid.attribute', { attribute: error.attribute, value, reason });
  }
  if (error && error.attribute) return t('embed.invalid.named', { attribute: error.attribute, reason });
  return t('embed.invalid.attributes', { reason });
}

export function langMessage(value, t) {
  const shown = value.length > 40 ? `${value.slice(0, 37)}…` : value;
  return t('embed.invalid.lang', { value: shown });
}
