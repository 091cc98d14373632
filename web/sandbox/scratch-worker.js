// Where a scratch cell's code runs: a worker inside the sandbox frame (scratch-frame.js),
// one per run, ended when the run is done. The code gets the engine (docs/js-api.md) and three
// helpers that send what it wants shown to the notebook, which draws it:
//
//   show(...values)                text (console.log does the same)
//   table(rows, {columns})         rows: objects (their keys are the columns) or arrays
//   plot(x, series, {title, xLabel, yLabel, log})   series: {label: numbers, …} or one array
//
// Outputs are bounded here (LIMITS) so a loop that prints cannot flood the page; the notebook
// checks every message again, since the code could post its own.
import createActLab from '../engine/actlab.js';

export const LIMITS = Object.freeze({ outputs: 100, text: 20000, rows: 500, columns: 20, series: 8, points: 20000 });
// The code is wrapped in one line of our own, so its line n is line n + 1 of this source.
const SOURCE_NAME = 'scratch-cell.js';
const HEADER = '(async function (engine, show, table, plot, console) {';

const send = self.postMessage.bind(self);
let outputs = 0;

function emit(item) {
  outputs += 1;
  if (outputs > LIMITS.outputs) {
    if (outputs === LIMITS.outputs + 1) send({ type: 'output', item: { kind: 'limit', limit: LIMITS.outputs } });
    return;
  }
  send({ type: 'output', item });
}

/** A value as text: numbers in full, strings as they are, anything else as JSON. */
function asText(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value == null) return String(value);
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (ArrayBuffer.isView(value)) return `[${Array.from(value).join(', ')}]`;
  try {
    return JSON.stringify(value, (key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 1)
      ?.replace(/\n\s*/g, ' ') ?? String(value);
  } catch {
    return String(value);
  }
}

function show(...values) {
  emit({ kind: 'text', text: values.map(asText).join(' ').slice(0, LIMITS.text) });
}

/** A table cell: numbers and booleans as they are, everything else as text. */
const cell = (value) => (typeof value === 'number' || typeof value === 'boolean' || value === null ? value : asText(value).slice(0, 200));

function table(rows, { columns = null } = {}) {
  if (!Array.isArray(rows)) throw new TypeError('table(rows): rows must be an array of objects or of arrays');
  const first = rows[0];
  const names = columns || (Array.isArray(first) ? first.map((_, k) => String(k + 1)) : Object.keys(first ?? {}));
  const kept = rows.slice(0, LIMITS.rows).map((row) => (Array.isArray(row)
    ? names.map((_, k) => cell(row[k] ?? null))
    : names.map((name) => cell(row?.[name] ?? null))));
  emit({
    kind: 'table', columns: names.slice(0, LIMITS.columns).map(String),
    rows: kept.map((row) => row.slice(0, LIMITS.columns)), omitted: Math.max(0, rows.length - LIMITS.rows),
  });
}

function numbers(values, what) {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) throw new TypeError(`plot: ${what} must be an array of numbers`);
  return Array.from(values, (v) => (typeof v === 'number' ? v : NaN)).slice(0, LIMITS.points);
}

function plot(x, series, { title = '', xLabel = '', yLabel = '', log = false } = {}) {
  const xs = numbers(x, 'x');
  const entries = Array.isArray(series) || ArrayBuffer.isView(series) ? [['y', series]] : Object.entries(series ?? {});
  if (entries.length === 0) throw new TypeError('plot(x, series): series must be an array of numbers or {label: numbers}');
  emit({
    kind: 'plot', title: String(title), xLabel: String(xLabel), yLabel: String(yLabel), log: Boolean(log), x: xs,
    series: entries.slice(0, LIMITS.series).map(([label, values]) => ({ label: String(label), y: numbers(values, label) })),
  });
}

const consoleProxy = Object.freeze({ log: show, info: show, warn: show, error: show, table: (rows) => table(rows) });

/** An error as {name, message, line, column}, the line counted in the cell's own code. */
function describe(error) {
  if (!(error instanceof Error)) return { name: 'Error', message: asText(error) };
  const at = String(error.stack || '').match(new RegExp(`${SOURCE_NAME.replace('.', '\\.')}:(\\d+):(\\d+)`));
  const location = at ? { line: Number(at[1]) - 1, column: Number(at[2]) } : {};
  return { name: error.name, message: error.message, ...location };
}

self.addEventListener('message', async (event) => {
  const { type, code, wasmModule } = event.data || {};
  if (type !== 'run') return;
  let engine;
  try {
    engine = await createActLab({ wasmModule });
  } catch (error) {
    send({ type: 'done', status: 'error', error: { name: 'Error', message: `engine: ${error.message}` } });
    return;
  }
  try {
    // Indirect eval runs the code in the worker's global scope; the sourceURL names it in stack traces.
    const run = (0, eval)(`${HEADER}\n${code}\n})\n//# sourceURL=${SOURCE_NAME}`);
    await run(engine, show, table, plot, consoleProxy);
    send({ type: 'done', status: 'ok' });
  } catch (error) {
    send({ type: 'done', status: 'error', error: describe(error) });
  }
});
send({ type: 'ready' });
