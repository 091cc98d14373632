// Experiment files: the JSON the lab and the playground export (settings + results) and import
// (settings only). Parsing is strict: a size limit, valid JSON, the right `format` and `version`,
// then the widget's own state validator. Any problem throws HashError and nothing is applied.
import { HashError } from './hash.js';

export const FILE_VERSION = 1;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * parseExperimentFile(text, format, validate) → validated state.
 * format: 'actlab-lab' or 'actlab-playground'; validate: validateLabState or validatePlaygroundState.
 */
export function parseExperimentFile(text, format, validate) {
  if (typeof text !== 'string') throw new HashError('file-read');
  if (text.length > MAX_FILE_BYTES) throw new HashError('file-size');
  let document;
  try {
    document = JSON.parse(text);
  } catch {
    throw new HashError('json');
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) throw new HashError('file-kind');
  if (document.format !== format) throw new HashError('file-kind');
  if (document.version !== FILE_VERSION) throw new HashError('version', 'v');
  if (!('settings' in document)) throw new HashError('missing', 'state');
  return validate(document.settings);
}

/** The JSON text of an exported experiment. */
export function experimentFileText(format, settings, results) {
  return `${JSON.stringify({ format, version: FILE_VERSION, settings, results }, null, 2)}\n`;
}

/** One CSV field: numbers in full precision, text quoted when it needs to be. */
export function csvField(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text from a header and rows (arrays of values). */
export function csvText(header, rows) {
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
