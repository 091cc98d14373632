// Loads the WebAssembly engine once per page. Widgets share the same instance, and the compiled
// module is shared with the training workers (runner.js posts it), so the page fetches and compiles
// actlab-core.wasm once, however many workers train.

export class EngineLoadError extends Error {
  constructor(code, cause) {
    super(cause && cause.message ? `${code}: ${cause.message}` : code);
    this.code = code; // 'no-wasm' | 'load-failed'
    this.cause = cause;
  }
}

let enginePromise = null;
let modulePromise = null;

// The engine's JS API; it knows where its .wasm is (beside it, in the sources as in the production build).
const engineApi = () => import('../../engine/actlab.js');

function webAssemblyAvailable() {
  return typeof WebAssembly === 'object' && WebAssembly !== null &&
    typeof WebAssembly.instantiate === 'function';
}

async function compileEngineModule() {
  const { WASM_URL } = await engineApi();
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(fetch(WASM_URL, { credentials: 'same-origin' }));
    } catch { /* e.g. served without application/wasm: compile from the bytes below */ }
  }
  const response = await fetch(WASM_URL, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`failed to fetch ${WASM_URL}: ${response.status}`);
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Resolves to the engine's compiled WebAssembly.Module (fetched and compiled once per page), or to null
 * where it cannot be had this way (no WebAssembly, no fetch): then each engine loads its own.
 */
export function loadEngineModule() {
  if (!modulePromise) {
    modulePromise = webAssemblyAvailable() && typeof fetch === 'function'
      ? compileEngineModule().catch(() => null)
      : Promise.resolve(null);
  }
  return modulePromise;
}

/** Resolves to the engine ({evaluate(request) → response}); rejects with EngineLoadError. */
export function loadEngine() {
  if (!enginePromise) {
    enginePromise = (async () => {
      if (!webAssemblyAvailable()) throw new EngineLoadError('no-wasm');
      try {
        // The glue and the module load side by side.
        const [module, wasmModule] = await Promise.all([engineApi(), loadEngineModule()]);
        return await module.default(wasmModule ? { wasmModule } : {});
      } catch (error) {
        throw new EngineLoadError('load-failed', error);
      }
    })();
  }
  return enginePromise;
}

/** The localized sentence for a load failure. */
export function engineErrorMessage(error, t) {
  if (error && error.code === 'no-wasm') return t('engine.noWasm');
  return t('engine.failed');
}
