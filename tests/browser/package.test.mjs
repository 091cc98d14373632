// The npm package (issue 15), as a tutorial author meets it: `npm pack` of this repository, the
// tarball installed into a fresh project beside Vite (pinned, from npm, installed into that project
// only), then
//  - Node 20 imports the engine from the installed package and computes with it;
//  - tsc --noEmit accepts a typed example (tests/package/example.ts), its @ts-expect-error lines included;
//  - Vite builds a page that uses the engine and two elements (tests/package/page/), with no
//    configuration; in Chromium both elements run, the engine computes, attributes changed later
//    fire actlab-change, nothing is logged as an error, print hides the buttons, and the same page
//    without JavaScript shows the fallback links.
// The project folder (build/package-project) is kept between runs, so Vite is installed once; the
// tarball is packed with --ignore-scripts from the dist/ that `npm test` has just built (npm's
// prepack would build it again).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { repo } from './helpers.mjs';

const VITE = '8.3.8';
const project = path.join(repo, 'build', 'package-project');
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const timings = {};
function timed(name, run) {
  const start = Date.now();
  const result = run();
  timings[name] = `${((Date.now() - start) / 1000).toFixed(1)} s`;
  return result;
}

let packed;
before(() => {
  fs.mkdirSync(project, { recursive: true });
  packed = timed('pack', () => JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', project], repo))[0]);
  fs.writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({
    name: 'a-tutorial', private: true, type: 'module',
    devDependencies: { actlab: `file:${packed.filename}`, vite: VITE },
  }, null, 2)}\n`);
  // A fresh copy of the package each run (same version, new contents); Vite stays installed.
  fs.rmSync(path.join(project, 'node_modules', 'actlab'), { recursive: true, force: true });
  fs.rmSync(path.join(project, 'package-lock.json'), { force: true });
  timed('install', () => npm(['install', '--no-audit', '--no-fund', '--prefer-offline'], project));
});

after(() => console.log(`package: ${(packed.size / 1024).toFixed(0)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked, ${packed.entryCount} files; ${JSON.stringify(timings)}`));

test('the tarball holds the built engine, the elements, types and manifest, and nothing else', () => {
  const files = packed.files.map((file) => file.path);
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
    .filter((target) => !target.includes('*')).map((target) => target.replace(/^\.\//, ''));
  for (const target of [...targets, pkg.customElements, 'dist/engine/generated/actlab-core.wasm', 'dist/js/train-worker.js']) {
    assert.ok(files.includes(target), `${target} is in the package`);
  }
  const strays = files.filter((file) => /^(tests?|cpp|scripts|bench|web|docs|build)\//.test(file) || /\.(br|gz|cpp|hpp|map)$/.test(file) ||
    file === 'dist/index.html' || file.startsWith('dist/js/app'));
  assert.deepEqual(strays, []);
  assert.ok(packed.size < 1.5 * 1024 * 1024, `packed size ${packed.size}`);
});

test('Node 20 imports the engine from the installed package', () => {
  const script = "import createActLab from 'actlab'; const e = await createActLab(); " +
    "console.log(JSON.stringify(e.evaluate({ curve: { activation: 'tanh', points: [-2, 0.5] } }).curve.values));";
  const values = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' }));
  [-2, 0.5].forEach((x, i) => assert.ok(Math.abs(values[i] - Math.tanh(x)) < 1e-15, `tanh(${x})`));
});

test('tsc --noEmit accepts the typed example against the installed types', () => {
  const dir = path.join(project, 'typed');
  fs.mkdirSync(dir, { recursive: true });
  for (const file of ['example.ts', 'tsconfig.json']) fs.copyFileSync(path.join(repo, 'tests/package', file), path.join(dir, file));
  const tsc = path.join(repo, 'node_modules/typescript/bin/tsc');
  try {
    timed('tsc', () => execFileSync(process.execPath, [tsc, '--noEmit', '-p', dir], { cwd: dir, encoding: 'utf8' }));
  } catch (error) {
    assert.fail(`tsc: ${error.stdout}${error.stderr}`);
  }
});

function serve(root) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.woff2': 'font/woff2' };
  const server = http.createServer((request, response) => {
    const file = path.join(root, decodeURIComponent(new URL(request.url, 'http://localhost').pathname).replace(/\/$/, '/index.html'));
    if (!file.startsWith(root) || !fs.existsSync(file)) { response.writeHead(404); response.end(); return; }
    response.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    response.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => { server.close(done); server.closeAllConnections(); }),
  })));
}

test('a page built by Vite from the package runs the engine and two elements, with their events', async () => {
  const page = path.join(project, 'page');
  fs.rmSync(page, { recursive: true, force: true });
  fs.cpSync(path.join(repo, 'tests/package/page'), page, { recursive: true });
  const vite = path.join(project, 'node_modules/vite/bin/vite.js');
  timed('vite build', () => execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: page, encoding: 'utf8' }));
  const built = path.join(page, 'dist');
  assert.ok(fs.readdirSync(path.join(built, 'assets')).some((file) => file.endsWith('.wasm')), 'Vite copied the engine');

  const server = await serve(built);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--headless'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const problems = [];
    tab.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    tab.on('pageerror', (error) => problems.push(error.message));
    tab.on('response', (response) => { if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`); });
    const started = Date.now();
    await tab.goto(server.url);
    assert.deepEqual(await tab.evaluate(() => Promise.all(['#plot', '#stepper'].map((id) => document.querySelector(id).ready))), [true, true]);
    timings['page ready'] = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    await tab.waitForFunction(() => document.getElementById('engine').textContent !== '');
    assert.ok(Math.abs(Number(await tab.textContent('#engine')) - Math.tanh(1)) < 1e-15);

    // Rendered in their shadow roots (the plot's value row shows tanh(1)), the fallbacks not shown.
    const plotText = await tab.evaluate(() => document.querySelector('#plot').shadowRoot.textContent);
    assert.match(plotText, /0\.7616/);
    assert.equal(await tab.locator('#plot a').isVisible(), false);
    const stepper = await tab.evaluate(() => document.querySelector('#stepper').getState());
    assert.equal(stepper.step, 3);

    // Attributes set later update the widgets and announce it.
    await tab.evaluate(() => { document.querySelector('#plot').setAttribute('point', '2'); document.querySelector('#stepper').setAttribute('step', '5'); });
    await tab.waitForFunction(() => ['actlab-activation-plot', 'actlab-stepper'].every((tag) => window.actlabEvents.some((event) => event.tag === tag)));
    const events = await tab.evaluate(() => window.actlabEvents);
    const lastOf = (tag) => events.filter((event) => event.tag === tag).at(-1);
    assert.equal(lastOf('actlab-activation-plot').attributes.point, '2');
    assert.equal(lastOf('actlab-activation-plot').widget, 'activation-plot');
    assert.equal(lastOf('actlab-stepper').attributes.step, '5');
    assert.equal(lastOf('actlab-stepper').state.step, 5);

    // Printed: a snapshot without the buttons.
    await tab.emulateMedia({ media: 'print' });
    assert.equal(await tab.evaluate(() => getComputedStyle(document.querySelector('#plot').shadowRoot.querySelector('.actlab-share')).display), 'none');
    assert.deepEqual(problems, []);
    await context.close();

    // Without JavaScript: the links written inside the tags.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await plain.newPage();
    await noScript.goto(server.url);
    assert.equal(await noScript.locator('#plot a').isVisible(), true);
    assert.equal(await noScript.locator('#stepper a').textContent(), 'Open the stepper in ActLab');
    await plain.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
