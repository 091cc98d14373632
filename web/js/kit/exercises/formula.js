// A learner's formula, parsed by math.js (loaded on demand: its chunk is fetched the first time a
// formula is checked, so the page's first load does not pay for it) and compared with the engine's
// values at sample points. Only the exercise's variables and a short list of functions are allowed;
// anything else is refused by name before evaluating.
/** Functions and constants a formula may use (math.js names). */
export const FORMULA_FUNCTIONS = Object.freeze(['exp', 'log', 'sqrt', 'tanh', 'sinh', 'cosh', 'abs', 'max', 'min', 'erf']);
export const FORMULA_CONSTANTS = Object.freeze(['e', 'pi']);
const MAX_LENGTH = 200;

let parser = null;
/** Fetch (once) and start math.js's parser; also called to have it ready for offline use. */
export function loadParser() {
  parser ??= import('../../../vendor/mathjs/expression.mjs').then((module) => module.parse);
  return parser;
}

/**
 * checkFormula(text, {variables, points: [{name: value}], expected: [number], tolerance})
 * → {ok: true} | {ok: false, problem: 'empty' | 'long' | 'syntax' | 'unknown' | 'function-as-value'
 *    | 'not-a-number' | 'wrong', name?, position?, point?, got?, want?}.
 */
export async function checkFormula(text, { variables, points, expected, tolerance = { abs: 1e-9, rel: 1e-6 } }) {
  const source = String(text).normalize('NFKC').replace(/[−–]/g, '-').replace(/[·×]/g, '*').trim();
  if (source === '') return { ok: false, problem: 'empty' };
  if (source.length > MAX_LENGTH) return { ok: false, problem: 'long' };
  const parse = await loadParser();
  let node;
  try {
    node = parse(source);
  } catch (error) {
    // math.js counts characters from 1, and one past the last when the formula stops short ("s*(1-").
    const position = typeof error.char === 'number' ? error.char : null;
    if (position !== null && position > source.length) return { ok: false, problem: 'syntax', ended: true, detail: error.message };
    return { ok: false, problem: 'syntax', position, detail: error.message };
  }
  const unknown = [];
  let assignment = false;
  node.traverse((part, path, parent) => {
    if (part.isAssignmentNode || part.isFunctionAssignmentNode || part.isBlockNode || part.isAccessorNode
      || part.isIndexNode || part.isObjectNode || part.isArrayNode || part.isRangeNode) assignment = true;
    if (!part.isSymbolNode) return;
    const called = parent && parent.isFunctionNode && path === 'fn';
    const allowed = called
      ? FORMULA_FUNCTIONS.includes(part.name)
      : (variables.includes(part.name) || FORMULA_CONSTANTS.includes(part.name));
    if (!allowed && !unknown.includes(part.name)) unknown.push(part.name);
  });
  if (assignment) return { ok: false, problem: 'syntax', position: null };
  if (unknown.length > 0) return { ok: false, problem: 'unknown', name: unknown[0] };
  const code = node.compile();
  for (let k = 0; k < points.length; k++) {
    let got;
    try {
      got = code.evaluate({ ...points[k] });
    } catch (error) {
      return { ok: false, problem: 'syntax', position: null, detail: error.message };
    }
    if (typeof got !== 'number' || !Number.isFinite(got)) return { ok: false, problem: 'not-a-number', point: points[k] };
    const want = expected[k];
    if (Math.abs(got - want) > tolerance.abs + tolerance.rel * Math.abs(want)) {
      return { ok: false, problem: 'wrong', point: points[k], got, want };
    }
  }
  return { ok: true };
}
