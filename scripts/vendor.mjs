// Copies the browser libraries the page uses from node_modules into web/vendor/ (gitignored).
// Only files whose content differs are copied, so a second run changes nothing.
//   web/vendor/katex/  katex.mjs, katex.min.css, fonts/, LICENSE
//   web/vendor/uplot/  uPlot.esm.js, uPlot.min.css, LICENSE
//   web/vendor/codemirror/  codemirror.mjs: the parts of CodeMirror 6 the scratch cells use
//                      (scripts/codemirror.entry.mjs), bundled by esbuild into one minified module
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modules = path.join(repo, 'node_modules');
const vendor = path.join(repo, 'web', 'vendor');

const files = {
  katex: ['dist/katex.mjs', 'dist/katex.min.css', 'dist/fonts', 'LICENSE'],
  uplot: ['dist/uPlot.esm.js', 'dist/uPlot.min.css', 'LICENSE'],
};

let copied = 0;
function copy(source, target) {
  const stat = fs.statSync(source);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(source)) copy(path.join(source, name), path.join(target, name));
    return;
  }
  const content = fs.readFileSync(source);
  if (fs.existsSync(target) && content.equals(fs.readFileSync(target))) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
  copied++;
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
// CodeMirror is a dozen packages that import each other by name: the page (unbundled in `npm run dev`)
// gets them as one module, written only when its content changes.
const bundled = await esbuild.build({
  entryPoints: [path.join(repo, 'scripts', 'codemirror.entry.mjs')],
  bundle: true, format: 'esm', minify: true, write: false, legalComments: 'eof',
  target: ['chrome100', 'firefox100', 'safari15'], logLevel: 'warning',
});
const codemirror = path.join(vendor, 'codemirror', 'codemirror.mjs');
const text = Buffer.from(bundled.outputFiles[0].contents);
if (!fs.existsSync(codemirror) || !text.equals(fs.readFileSync(codemirror))) {
  fs.mkdirSync(path.dirname(codemirror), { recursive: true });
  fs.writeFileSync(codemirror, text);
  copied++;
}

console.error(`vendor: web/vendor/ up to date (${copied} file${copied === 1 ? '' : 's'} copied)`);
