// ActLab's JavaScript API: the WebAssembly engine behind plain objects and Errors.
//
//   import createActLab from 'actlab';          // or './web/engine/actlab.js'
//   const engine = await createActLab();
//   const response = engine.evaluate({ input_size: 1, layers: [...], inputs: [[0.5]], targets: [[1]] });
//
// Works in browsers and in Node 20. Requests and responses are those of docs/protocol.md.
import createActLabCore from './generated/actlab-core.js';

const isNode = typeof process === 'object' && typeof process.versions?.node === 'string' &&
  typeof window === 'undefined';

// JSON has no NaN or Infinity: JSON.stringify would turn them into null and the engine could
// only say "got null". Sending them as strings lets its error message name the real value.
function finiteOrLabel(_key, value) {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

async function loadWasmBinaryInNode() {
  const { readFile } = await import('node:fs/promises');
  return readFile(new URL('./generated/actlab-core.wasm', import.meta.url));
}

/**
 * Loads the engine. `options.wasmUrl` overrides where the browser fetches actlab-core.wasm.
 * @returns {Promise<{evaluate(request: object): object, evaluateJson(text: string): string,
 *   heapBytes(): number, heapTop(): number}>}
 */
export default async function createActLab(options = {}) {
  if (typeof WebAssembly !== 'object') {
    throw new Error('WebAssembly is not available in this environment');
  }
  const moduleOptions = {};
  if (isNode) moduleOptions.wasmBinary = await loadWasmBinaryInNode();
  else if (options.wasmUrl) moduleOptions.locateFile = () => options.wasmUrl;
  const core = await createActLabCore(moduleOptions);

  function evaluateText(text) {
    core.evaluate(text);
    const answer = core.takeText();
    if (!core.lastOk()) throw new Error(answer);
    return answer;
  }

  return Object.freeze({
    /** Evaluates one request (a plain object) and returns the response as a plain object. */
    evaluate(request) {
      if (request === null || typeof request !== 'object' || Array.isArray(request)) {
        throw new Error('request: expected an object');
      }
      let text;
      try {
        text = JSON.stringify(request, finiteOrLabel);
      } catch (error) {
        throw new Error(`request: cannot be written as JSON (${error.message})`);
      }
      return JSON.parse(evaluateText(text));
    },
    /** The same on JSON text, for callers that already hold it (the CLI-parity tests). */
    evaluateJson(text) {
      if (typeof text !== 'string') throw new Error('request: expected JSON text');
      return evaluateText(text);
    },
    /** Size of the WebAssembly memory in bytes (grows, never shrinks). */
    heapBytes() {
      return core.HEAP8.length;
    },
    /** The top of the engine's malloc heap in bytes: it rises only if the engine leaks. */
    heapTop() {
      return core.heapTop();
    },
  });
}
