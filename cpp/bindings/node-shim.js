// Prepended to the Emscripten module (--extern-pre-js). Under Node, an ES module has no
// `require` or `__dirname`; Emscripten's Node code path needs both. Browsers skip this block.
var require, __dirname;
if (typeof process === 'object' && typeof process.versions === 'object' && typeof process.versions.node === 'string') {
  const { createRequire } = await import('node:module');
  const { fileURLToPath } = await import('node:url');
  require = createRequire(import.meta.url);
  __dirname = fileURLToPath(new URL('.', import.meta.url));
}
