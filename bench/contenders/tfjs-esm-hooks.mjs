// Node resolve hooks that load TensorFlow.js from its ES-module sources (the "module" entries and
// dist/**/*.js files a bundler uses for a page) instead of its CommonJS Node bundles. Needed because
// tfjs-core's Node bundle leaves out the gradient functions (dist/register_all_gradients.js is ESM
// only) and its ESM files import each other without file extensions, which bundlers accept and
// Node does not. Registered by tfjs-loader.mjs before anything of TensorFlow.js is imported.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../node_modules');
const packageEntry = (name) => {
  const dir = path.join(modules, name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return pathToFileURL(path.join(dir, pkg.module ?? pkg.main)).href;
};

export async function resolve(specifier, context, nextResolve) {
  if (/^@tensorflow\/tfjs-[a-z-]+$/.test(specifier)) return { url: packageEntry(specifier), shortCircuit: true };
  const fromTf = context.parentURL?.includes('/node_modules/@tensorflow/');
  const deep = specifier.match(/^(@tensorflow\/tfjs-[a-z-]+)\/(.+)$/);
  if (deep && !path.extname(specifier)) {
    return { url: pathToFileURL(path.join(modules, deep[1], `${deep[2]}.js`)).href, shortCircuit: true };
  }
  if (fromTf && specifier.startsWith('.') && !path.extname(specifier)) {
    const base = new URL(specifier, context.parentURL);
    const file = fileURLToPath(base);
    const candidate = fs.existsSync(`${file}.js`) ? `${base.href}.js` : `${base.href}/index.js`;
    return { url: candidate, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
