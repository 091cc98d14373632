// The engine's activation catalogue, as the build wrote it (web/engine/generated/catalogue.js, from
// the engine's {"catalogue": {}} answer): [{name, parameters: [{name, default, min?, max?, learned?}],
// peak_derivative, peak_at, saturates, gain}] in the engine's order. Read synchronously, so that
// state schemas can validate a URL before the WebAssembly engine has loaded.
import catalogue from '../../engine/generated/catalogue.js';

function frozen(value) {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) frozen(child);
    Object.freeze(value);
  }
  return value;
}

export const ENGINE_CATALOGUE = frozen(catalogue);
