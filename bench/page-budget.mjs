// W4, the page budget: the bytes of JS + wasm each engine makes a page load (raw and gzip -9), and
// the time from navigation to the first engine-computed figure on a minimal page (bench/page/) in
// headless Chromium, served from localhost by the project's own server (scripts/serve.mjs, with its
// Content-Security-Policy). Every load is a fresh browser context: nothing cached.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const tf = (p) => `bench/node_modules/@tensorflow/${p}`;

// The files each page loads for its engine (the page's own few lines are not counted).
export const ENGINES = [
  { id: 'actlab', label: 'ActLab (actlab.js + actlab-core.js + .wasm)', page: 'actlab.html',
    js: ['web/engine/actlab.js', 'web/engine/generated/actlab-core.js'], wasm: ['web/engine/generated/actlab-core.wasm'] },
  { id: 'tfjs-wasm', label: 'TF.js core + wasm backend (SIMD)', page: 'tfjs-wasm.html',
    js: [tf('tfjs-core/dist/tf-core.min.js'), tf('tfjs-backend-wasm/dist/tf-backend-wasm.min.js')],
    wasm: [tf('tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm')] },
  { id: 'tfjs-cpu', label: 'TF.js core + CPU backend', page: 'tfjs-cpu.html',
    js: [tf('tfjs-core/dist/tf-core.min.js'), tf('tfjs-backend-cpu/dist/tf-backend-cpu.min.js')], wasm: [] },
  { id: 'plain-js', label: 'plain JS (bench/plain-js/mlp.mjs, unminified)', page: 'plain-js.html',
    js: ['bench/plain-js/mlp.mjs'], wasm: [] },
];

export function bytes(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const data = fs.readFileSync(path.join(repo, file));
    raw += data.length;
    gzip += zlib.gzipSync(data, { level: 9 }).length;
  }
  return { raw, gzip };
}

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function firstFigure(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__figure !== undefined, null, { timeout: 30000 });
    return await page.evaluate(() => window.__figure);
  } finally {
    await context.close();
  }
}

export async function measurePageBudget({ runs = 5, log = () => {}, engines = ENGINES } = {}) {
  const result = { engines: engines.map((e) => ({ id: e.id, label: e.label, js: bytes(e.js), wasm: bytes(e.wasm), files: [...e.js, ...e.wasm] })) };
  const { chromium } = createRequire(path.join(repo, 'package.json'))('playwright-core');
  const { startServer } = await import(pathToFileURL(path.join(repo, 'scripts/serve.mjs')).href);
  const server = await startServer({ root: repo, port: 0 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    const samples = Object.fromEntries(engines.map((e) => [e.id, []]));
    const errors = {};
    for (let run = 0; run < runs; run += 1) {
      for (let k = 0; k < engines.length; k += 1) {
        const engine = engines[(k + run) % engines.length];
        if (errors[engine.id]) continue;
        const figure = await firstFigure(browser, `${server.url}bench/page/${engine.page}`);
        if (figure.error) errors[engine.id] = figure.error;
        else samples[engine.id].push(figure.ms);
      }
      log(`== run ${run + 1}/${runs} W4 first figure: ${engines.map((e) => `${e.id} ${errors[e.id] ? 'failed' : samples[e.id][run]?.toFixed(0)}`).join(', ')}`);
    }
    for (const entry of result.engines) {
      const values = samples[entry.id];
      if (errors[entry.id]) entry.firstFigure = { error: errors[entry.id] };
      else {
        const sorted = [...values].sort((a, b) => a - b);
        const m = sorted.length >> 1;
        entry.firstFigure = { median: sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2,
          min: sorted[0], max: sorted[sorted.length - 1], runs: values, unit: 'ms' };
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return result;
}

// Standalone: node bench/page-budget.mjs [runs]
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const r = await measurePageBudget({ runs: Number(process.argv[2] ?? 3), log: console.error });
  console.log(JSON.stringify(r, null, 2));
}
