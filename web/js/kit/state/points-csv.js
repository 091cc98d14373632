// CSV text → the learner's own points: three columns x₁, x₂, label; an optional header line;
// comma, semicolon or tab between fields (whichever the first data line uses); with a semicolon or
// tab, a decimal comma is read too ("0,5;1,2;1"). All or nothing: every row that cannot be used is
// reported with its line number and the reason, and then no row is loaded.
//
// Written here rather than taken from a CSV library: the format is three plain numbers per line
// (no quoted line breaks, no escapes), and what matters is the error report per line, which a few
// lines of our own give directly.
import { OWN_DATA_LIMITS } from './own-data.js';

export const CSV_LIMITS = Object.freeze({ rows: OWN_DATA_LIMITS.points, bytes: 200 * 1024, reported: 8 });

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A refused CSV: `problems` = [{line, reason, value?}] (the first few), `count` = all of them. */
export class CsvError extends Error {
  constructor(problems, count = problems.length) {
    super(problems.map((p) => `line ${p.line}: ${p.reason}`).join('; '));
    this.problems = problems;
    this.count = count;
  }
}

function delimiterOf(line) {
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  return ',';
}

function numberOf(field, delimiter) {
  let text = field.trim().replace(/^"(.*)"$/, '$1').trim().replace(/^\u2212/, '-');
  if (delimiter !== ',') text = text.replace(',', '.');
  return NUMBER.test(text) ? Number(text) : null;
}

/** parsePointsCsv(text, classes = 2) → points; throws CsvError (nothing is loaded). */
export function parsePointsCsv(text, classes = 2) {
  if (typeof text !== 'string') throw new CsvError([{ line: 0, reason: 'unreadable' }]);
  if (text.length > CSV_LIMITS.bytes) throw new CsvError([{ line: 0, reason: 'bytes', value: text.length }]);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const problems = [];
  const points = [];
  let delimiter = null;
  let dataLines = 0;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    if (delimiter === null) delimiter = delimiterOf(raw);
    const fields = raw.split(delimiter);
    const values = fields.map((field) => numberOf(field, delimiter));
    // A first line that is not numbers is the header.
    if (dataLines === 0 && points.length === 0 && problems.length === 0 && values.slice(0, 2).every((v) => v === null)) return;
    dataLines += 1;
    if (fields.length !== 3) { problems.push({ line, reason: 'fields', value: fields.length }); return; }
    const bad = values.findIndex((v) => v === null);
    if (bad >= 0) { problems.push({ line, reason: 'number', value: fields[bad].trim() }); return; }
    const [x1, x2, label] = values;
    if (Math.abs(x1) > OWN_DATA_LIMITS.coordinate || Math.abs(x2) > OWN_DATA_LIMITS.coordinate) {
      problems.push({ line, reason: 'coordinate', value: Math.abs(x1) > OWN_DATA_LIMITS.coordinate ? x1 : x2 });
      return;
    }
    if (!Number.isInteger(label) || label < 0 || label >= classes) { problems.push({ line, reason: 'label', value: label }); return; }
    points.push([x1, x2, label]);
  });
  if (dataLines > CSV_LIMITS.rows) throw new CsvError([{ line: 0, reason: 'rows', value: dataLines }]);
  if (problems.length > 0) throw new CsvError(problems.slice(0, CSV_LIMITS.reported), problems.length);
  if (points.length === 0) throw new CsvError([{ line: 0, reason: 'empty' }]);
  return points;
}
