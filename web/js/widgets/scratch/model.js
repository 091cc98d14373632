// A scratch cell's state and the outputs it may show.
//
// State: {code}, the text in the editor; the default is the cell's prepared text. How it travels in a
// link: kit/state/scratch-codec.js.
//
// Outputs come from the sandbox, where the cell's code could post anything, so each is checked here
// against the shapes the view draws and the same bounds the sandbox applies (web/sandbox/
// scratch-worker.js LIMITS): anything else is dropped.
import { HashError } from '../../kit/state/hash.js';
import { validateCode } from '../../kit/state/scratch-codec.js';

export const OUTPUT_LIMITS = Object.freeze({ text: 20000, rows: 500, columns: 20, series: 8, points: 20000 });

export function validateScratchState(candidate) {
  if (candidate === null || typeof candidate !== 'object' || Array.isArray(candidate)) throw new HashError('type', 'code');
  return { code: validateCode(candidate.code, 'code') };
}

const isCell = (value) => value === null || typeof value === 'boolean' || typeof value === 'number'
  || (typeof value === 'string' && value.length <= 200);
const isNumbers = (values) => Array.isArray(values) && values.length <= OUTPUT_LIMITS.points
  && values.every((v) => typeof v === 'number');
const isLabel = (value) => typeof value === 'string' && value.length <= 200;

/** The item if it is one the view can draw, within bounds; otherwise null. */
export function checkOutput(item) {
  if (!item || typeof item !== 'object') return null;
  switch (item.kind) {
    case 'text':
      return typeof item.text === 'string' && item.text.length <= OUTPUT_LIMITS.text ? { kind: 'text', text: item.text } : null;
    case 'limit':
      return Number.isInteger(item.limit) ? { kind: 'limit', limit: item.limit } : null;
    case 'table': {
      const { columns, rows, omitted } = item;
      if (!Array.isArray(columns) || columns.length > OUTPUT_LIMITS.columns || !columns.every(isLabel)) return null;
      if (!Array.isArray(rows) || rows.length > OUTPUT_LIMITS.rows) return null;
      if (!rows.every((row) => Array.isArray(row) && row.length <= columns.length && row.every(isCell))) return null;
      return { kind: 'table', columns, rows, omitted: Number.isInteger(omitted) && omitted > 0 ? omitted : 0 };
    }
    case 'plot': {
      const { x, series } = item;
      if (!isNumbers(x) || !Array.isArray(series) || series.length === 0 || series.length > OUTPUT_LIMITS.series) return null;
      if (!series.every((entry) => entry && isLabel(entry.label) && isNumbers(entry.y))) return null;
      if (![item.title, item.xLabel, item.yLabel].every(isLabel)) return null;
      return {
        kind: 'plot', title: item.title, xLabel: item.xLabel, yLabel: item.yLabel, log: item.log === true, x,
        series: series.map((entry) => ({ label: entry.label, y: entry.y })),
      };
    }
    default:
      return null;
  }
}
