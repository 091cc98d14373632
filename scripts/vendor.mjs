// Copies the browser libraries the page uses from node_modules into web/vendor/ (gitignored).
// Only files whose content differs are copied, so a second run changes nothing.
//   web/vendor/katex/  katex.mjs, katex.min.css, fonts/, LICENSE
//   web/vendor/uplot/  uPlot.esm.js, uPlot.min.css, LICENSE
//   web/vendor/morphdom/  morphdom-esm.js, LICENSE
//   web/vendor/mathjs/ expression.mjs (math.js's parser, bundled by esbuild from scripts/mathjs-expression.mjs), LICENSE
//   web/vendor/codemirror/  codemirror.mjs: the parts of CodeMirror 6 the scratch cells use
//                      (scripts/codemirror.entry.mjs), bundled by esbuild into one minified module
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modules = path.join(repo, 'node_modules');
const vendor = path.join(repo, 'web', 'vendor');

const files = {
  katex: ['dist/katex.mjs', 'dist/katex.min.css', 'dist/fonts', 'LICENSE'],
  uplot: ['dist/uPlot.esm.js', 'dist/uPlot.min.css', 'LICENSE'],
  morphdom: ['dist/morphdom-esm.js', 'LICENSE'],
  mathjs: ['LICENSE'],
};

let copied = 0;
function write(target, content) {
  if (fs.existsSync(target) && content.equals(fs.readFileSync(target))) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
  copied++;
}

function copy(source, target) {
  const stat = fs.statSync(source);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(source)) copy(path.join(source, name), path.join(target, name));
    return;
  }
  write(target, fs.readFileSync(source));
}

for (const [library, paths] of Object.entries(files)) {
  const root = path.join(modules, library);
  if (!fs.existsSync(root)) {
    console.error(`vendor: node_modules/${library} is missing; run npm ci`);
    process.exit(1);
  }
  for (const file of paths) {
    copy(path.join(root, file), path.join(vendor, library, path.basename(file)));
  }
}
// Libraries that ship no single browser ES module, bundled into one each: math.js's parser and a few
// of its functions; CodeMirror, a dozen packages that import each other by name (the page,
// unbundled in `npm run dev`, gets them as one module).
function bundleInto(entry, target) {
  const bundled = buildSync({
    entryPoints: [path.join(repo, 'scripts', entry)],
    bundle: true, format: 'esm', minify: true, write: false, legalComments: 'eof',
    target: ['chrome100', 'firefox100', 'safari15'], logLevel: 'error',
  });
  write(path.join(vendor, target), Buffer.from(bundled.outputFiles[0].contents));
}
bundleInto('mathjs-expression.mjs', 'mathjs/expression.mjs');
bundleInto('codemirror.entry.mjs', 'codemirror/codemirror.mjs');

console.error(`vendor: web/vendor/ up to date (${copied} file${copied === 1 ? '' : 's'} copied)`);
