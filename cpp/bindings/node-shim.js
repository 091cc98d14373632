// Prepended to the Emscripten module (--extern-pre-js). Under Node, an ES module has no
// `require` or `__dirname`; Emscripten's Node code path needs both. Browsers skip this block.
// process.getBuiltinModule (Node ≥ 20.16) instead of `await import(…)`: a module without top-level
// await can also be bundled into a classic worker script (Vite's default format for workers).
var require, __dirname;
if (typeof process === 'object' && typeof process.versions === 'object' && typeof process.versions.node === 'string') {
  const { createRequire } = process.getBuiltinModule('node:module');
  const { fileURLToPath } = process.getBuiltinModule('node:url');
  const { dirname } = process.getBuiltinModule('node:path');
  require = createRequire(import.meta.url);
  __dirname = dirname(fileURLToPath(import.meta.url)); // not new URL('.', …): a bundler would take it for a file
}
