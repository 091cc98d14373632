// Imports TensorFlow.js core (with every gradient registered), the CPU backend and the WASM backend
// from their ES-module builds, through the resolve hooks of tfjs-esm-hooks.mjs.
import { createRequire, register } from 'node:module';

register('./tfjs-esm-hooks.mjs', import.meta.url);
// Under Node, tfjs-core's ESM build reaches for require('util') and friends (bundlers provide it).
globalThis.require ??= createRequire(import.meta.url);
const tf = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
await import('@tensorflow/tfjs-backend-cpu');
const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
export { tf, setWasmPaths };
