// The production build: the static site in dist/, which `npm start` serves and the browser tests
// run against. Run after the wasm and vendor builds (scripts/build.sh dist does).
//
// - web/ is copied as it is (pages, css/, locales/, the engine, KaTeX's fonts and styles), except
//   the JavaScript sources, which esbuild bundles: one module per entry point (the notebook, the
//   training worker, the embed script, the standalone widget page) plus shared chunks, split so a
//   page or an embed loads only what it uses (a chapter's widget comes with the chapter), minified.
//   Bundles and chunks all sit in dist/js/, one folder below the root, like the sources' js/kit/
//   site.js is two: that file is replaced by its one-folder form, and the engine (web/engine/, whose
//   glue finds its .wasm beside itself) stays a file of its own that the bundles import.
// - web/embed/actlab-embed.js and widget.js keep their public URLs as one-line modules that import
//   their bundles.
// - Every text file is written precompressed beside itself (.br, .gz) for scripts/serve.mjs.
//
// esbuild (pinned in package.json) is a well-kept bundler that needs no configuration file and
// builds this site in well under a second; docs/web.md says why it was chosen.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { LANGUAGES, localeFiles, mergeLocaleFiles } from '../web/js/kit/i18n.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(repo, 'web');
const dist = path.join(repo, 'dist');

const required = ['engine/generated/actlab-core.js', 'engine/generated/catalogue.js', 'vendor/katex/katex.mjs',
  'vendor/uplot/uPlot.esm.js', 'vendor/morphdom/morphdom-esm.js', 'vendor/mathjs/expression.mjs', 'vendor/codemirror/codemirror.mjs'];
for (const file of required) {
  if (!fs.existsSync(path.join(web, file))) {
    console.error(`dist: web/${file} is missing; build the wasm and vendor parts first`);
    process.exit(1);
  }
}

const ENTRIES = {
  app: 'js/app.js',
  'train-worker': 'js/kit/experiment/train-worker.js',
  'actlab-embed': 'embed/actlab-embed.js',
  widget: 'embed/widget.js',
};
// Public URLs that stay: a one-line module there imports the bundle.
const STUBS = { 'embed/actlab-embed.js': 'actlab-embed', 'embed/widget.js': 'widget' };
const BUNDLED_SOURCES = /\.m?js$/;  // under js/, embed/ and vendor/: bundled, not copied
const HOST_SCRIPTS = ['embed/frames.js']; // scripts for the host page, on their own: copied as they are

/**
 * The files the embed bundle fetches at run time (stylesheets, locales, KaTeX's woff2 fonts), each
 * as a literal `new URL('../<path>', import.meta.url)`: a bundler that re-bundles the package's
 * embed script (Vite) copies every file so named and rewrites its address, so the elements find
 * their files with no configuration (site.js's FILES).
 */
function runtimeFileTable() {
  const wanted = (relative) => /^css\/[^/]+\.css$/.test(relative) || /^locales\/merged\/[^/]+\.json$/.test(relative) ||
    relative === 'vendor/katex/katex.min.css' || /^vendor\/katex\/fonts\/[^/]+\.woff2$/.test(relative) ||
    relative === 'vendor/uplot/uPlot.min.css';
  const files = fs.readdirSync(dist, { recursive: true }).map((file) => file.split(path.sep).join('/')).filter(wanted).sort();
  return `{\n${files.map((file) => `  ${JSON.stringify(file)}: new URL(${JSON.stringify(`../${file}`)}, import.meta.url).href,`).join('\n')}\n}`;
}

/**
 * The layout the bundles live in: site.js's root one folder up, the engine imported as a file, and
 * in the embed bundle the table of the files it fetches.
 */
const layout = (entry) => ({
  name: 'actlab-layout',
  setup(build) {
    build.onLoad({ filter: /[\\/]js[\\/]kit[\\/]site\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const root = "new URL('../../', import.meta.url)";
      const table = 'const FILES = {};';
      const merged = 'export const LOCALES_MERGED = false;';
      // At the server's root '../../' from js/ still lands on the root, so a missed rewrite would only
      // show on a site served from a folder: stop the build instead.
      for (const text of [root, table, merged]) {
        if (!source.includes(text)) throw new Error(`${args.path} no longer holds ${text}: update scripts/dist.mjs`);
      }
      let contents = source.replace(root, "new URL('../', import.meta.url)");
      if (entry === 'actlab-embed') {
        // The root stays a run-time address (the Share links'): written so that a bundler does not
        // take it for a file to copy, and warn that it cannot.
        contents = source.replace(root, "new URL('../', String(import.meta.url))")
          .replace(table, `const FILES = ${runtimeFileTable()};`);
      }
      contents = contents.replace(merged, 'export const LOCALES_MERGED = true;');
      return { contents, loader: 'js' };
    });
    build.onResolve({ filter: /engine\/actlab\.js$/ }, () => ({ path: '../engine/actlab.js', external: true }));
  },
});

/**
 * Each language's locale files (kit/i18n.js localeFiles) merged into locales/merged/<lang>.json, which
 * the bundles fetch instead: one request instead of eight. A key defined twice stops the build (the
 * same mergeLocaleFiles that would stop the page).
 */
function mergeLocales() {
  fs.mkdirSync(path.join(dist, 'locales', 'merged'), { recursive: true });
  for (const code of LANGUAGES) {
    const files = localeFiles(code).map((name) => ({ name, strings: JSON.parse(fs.readFileSync(path.join(web, name), 'utf8')) }));
    fs.writeFileSync(path.join(dist, 'locales', 'merged', `${code}.json`), JSON.stringify(mergeLocaleFiles(code, files)));
  }
}

const isTest = (name) => /^(tests?|__tests__)$/.test(name) || /\.(test|spec)\.[cm]?js$/.test(name);

function copySite() {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.cpSync(web, dist, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(web, source).split(path.sep).join('/');
      const name = path.basename(source);
      if (source === web) return true;
      if (name.startsWith('.') || isTest(name)) return false;
      if (relative === 'js' || relative.startsWith('js/')) return false;
      if (relative.startsWith('vendor/') && BUNDLED_SOURCES.test(name)) return false;
      if (relative.startsWith('embed/') && BUNDLED_SOURCES.test(name) && !HOST_SCRIPTS.includes(relative)) return false;
      return true;
    },
  });
}

/**
 * One esbuild run per entry point: a page loads one of them (the notebook, the embed script or the
 * standalone widget page; the training worker runs beside them), so code they share is better
 * repeated in each than cut into chunks for every combination of entries (one run for all four
 * made 48 files, 73 requests before the notebook's first figure). Within a run, splitting still
 * puts what is imported dynamically (a widget the embed loads by name, KaTeX) in chunks of its own.
 */
async function bundle() {
  const outputs = {};
  for (const [name, source] of Object.entries(ENTRIES)) {
    const result = await esbuild.build({
      entryPoints: { [name]: path.join(web, source) },
      outdir: path.join(dist, 'js'),
      entryNames: '[name]',
      chunkNames: `${name}-[hash]`,
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: ['chrome100', 'firefox100', 'safari15'],
      legalComments: 'linked',
      metafile: true,
      logLevel: 'warning',
      plugins: [layout(name)],
    });
    Object.assign(outputs, result.metafile.outputs);
  }
  for (const [stub, entry] of Object.entries(STUBS)) {
    fs.writeFileSync(path.join(dist, stub), `import '../js/${entry}.js';\n`);
  }
  return { outputs };
}

/**
 * index.html's own stylesheets, and those its sections add (the lab's and the playground's), in one
 * minified file: one request instead of ten. The link names what it holds (data-includes), so a
 * section that adds a stylesheet when it mounts (kit/stylesheets.js) sees it is already there.
 * KaTeX's stylesheet stays apart: its fonts are found relative to it.
 */
const NOTEBOOK_EXTRA_CSS = ['vendor/uplot/uPlot.min.css', 'css/lab.css', 'css/playground.css', 'css/scratch.css'];
async function bundleNotebookCss() {
  const page = path.join(dist, 'index.html');
  const html = fs.readFileSync(page, 'utf8');
  const linkPattern = /^[ \t]*<link rel="stylesheet" href="(css\/[^"]+)">\n/gm;
  const linked = [...html.matchAll(linkPattern)].map((match) => match[1]);
  const included = [...linked, ...NOTEBOOK_EXTRA_CSS.filter((file) => !linked.includes(file))];
  const source = included.map((file) => fs.readFileSync(path.join(web, file), 'utf8')).join('\n');
  const { code } = await esbuild.transform(source, { loader: 'css', minify: true });
  fs.writeFileSync(path.join(dist, 'css', 'notebook.bundle.css'), code);
  let first = true;
  const rewritten = html.replace(linkPattern, () => {
    if (!first) return '';
    first = false;
    return `  <link rel="stylesheet" href="css/notebook.bundle.css" data-includes="${included.join(' ')}">\n`;
  });
  fs.writeFileSync(page, rewritten);
}

/**
 * The chunks app.js imports statically are only found once app.js has arrived and been parsed: name
 * them in index.html beside it (modulepreload), so they come in the same round trip.
 */
function preloadStaticChunks({ outputs }) {
  const entry = path.relative(process.cwd(), path.join(dist, 'js', 'app.js')).split(path.sep).join('/'); // esbuild's keys
  const found = new Set();
  const visit = (output) => {
    for (const { path: chunk, kind } of outputs[output]?.imports ?? []) {
      if (kind === 'import-statement' && !found.has(chunk) && outputs[chunk]) { found.add(chunk); visit(chunk); }
    }
  };
  visit(entry);
  const page = path.join(dist, 'index.html');
  const html = fs.readFileSync(page, 'utf8');
  const anchor = '  <link rel="modulepreload" href="js/app.js">\n';
  if (!html.includes(anchor)) throw new Error(`dist.mjs: index.html no longer has ${anchor.trim()}`);
  const links = [...found].map((chunk) => `  <link rel="modulepreload" href="js/${path.basename(chunk)}">\n`).join('');
  fs.writeFileSync(page, html.replace(anchor, anchor + links));
}

const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|wasm|txt|map)$/;
function precompress() {
  for (const entry of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const content = fs.readFileSync(file);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
  }
}

copySite();
mergeLocales();
const metafile = await bundle();
await bundleNotebookCss();
preloadStaticChunks(metafile);
precompress();

let files = 0;
let bytes = 0;
for (const entry of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (entry.isFile() && !/\.(br|gz)$/.test(entry.name)) {
    files++;
    bytes += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
}
const js = Object.entries(metafile.outputs).filter(([name]) => name.endsWith('.js'));
console.error(`dist: ${files} files, ${(bytes / 1024).toFixed(0)} KiB in dist/ (${js.length} JavaScript bundles and chunks)`);
