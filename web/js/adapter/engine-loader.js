// Loads the WebAssembly engine once per page. Widgets share the same instance.

export class EngineLoadError extends Error {
  constructor(code, cause) {
    super(cause && cause.message ? `${code}: ${cause.message}` : code);
    this.code = code; // 'no-wasm' | 'load-failed'
    this.cause = cause;
  }
}

let enginePromise = null;

function webAssemblyAvailable() {
  return typeof WebAssembly === 'object' && WebAssembly !== null &&
    typeof WebAssembly.instantiate === 'function';
}

/** Resolves to the engine ({evaluate(request) → response}); rejects with EngineLoadError. */
export function loadEngine() {
  if (!enginePromise) {
    enginePromise = (async () => {
      if (!webAssemblyAvailable()) throw new EngineLoadError('no-wasm');
      try {
        const module = await import('../../engine/actlab.js');
        return await module.default();
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
