// Assembles the static site in dist/: a copy of web/ (with web/vendor/ and the generated engine),
// leaving out tests and dotfiles. Run after the wasm and vendor builds (npm run build does).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(repo, 'web');
const dist = path.join(repo, 'dist');

const required = ['engine/generated/actlab-core.js', 'engine/generated/catalogue.js', 'vendor/katex/katex.mjs',
  'vendor/uplot/uPlot.esm.js'];
for (const file of required) {
  if (!fs.existsSync(path.join(web, file))) {
    console.error(`dist: web/${file} is missing; build the wasm and vendor parts first`);
    process.exit(1);
  }
}

const isTest = (name) => /^(tests?|__tests__)$/.test(name) || /\.(test|spec)\.[cm]?js$/.test(name);
fs.rmSync(dist, { recursive: true, force: true });
fs.cpSync(web, dist, {
  recursive: true,
  filter: (source) => {
    const name = path.basename(source);
    return source === web || !(name.startsWith('.') || isTest(name));
  },
});

let files = 0;
let bytes = 0;
for (const entry of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (entry.isFile()) {
    files++;
    bytes += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
}
console.error(`dist: ${files} files, ${(bytes / 1024).toFixed(0)} KiB in dist/`);
