// The notebook's page load (issue 11): the real notebook (index.html of the production build) served by the project's
// own server (scripts/serve.mjs, as `npm start` serves it), opened in headless Chromium (Debian's,
// driven by playwright-core), and an embedded widget on a foreign page. Reported as figures, never
// as pass/fail tests.
//
//   node bench/page-load.mjs [--runs 5] [--only cold,warm,throttled,embed] [--root web|dist]
//                            [--serve path/to/serve.mjs] [--readme] [--waterfall]
// --root: the folder served (dist/, the production build users get, by default; web/ for the sources);
// --serve: another server module with the same startServer (to compare server changes).
//
// Cases, each run in a fresh browser context (nothing cached) unless said otherwise:
//   cold       the notebook, first visit;
//   warm       the notebook, a second navigation in the context of a cold visit (the HTTP cache
//              holds everything; what is not fresh is revalidated);
//   throttled  cold, with Chromium's network emulation at 10 Mbit/s down and up, 40 ms latency
//              (CDP Network.emulateNetworkConditions);
//   embed      a foreign page (another origin: a second tiny server on another port) with one
//              <actlab-linear-stack> custom element and the one embed script, cold.
//
// What a run measures (all times in ms after the navigation starts, the page's time origin):
//   first figure   the first engine-computed figure on screen: the first of a widget root turning
//                  data-ready="true" (linear stack, activation plot), a chapter figure turning
//                  data-state="ready" (frame.js: "drawn from engine numbers"), or a stepper getting
//                  its data-step; the time is the start of the next animation frame (the frame that
//                  shows it). Embed: the element's 'actlab-ready' event, then the next frame.
//   first screen   the same for the last of those figures whose box starts inside the first
//                  viewport (1280 × 900), i.e. every widget a reader sees without scrolling (a
//                  figure with no box, hidden in a closed disclosure or behind a prediction, is not);
//                  "–" when the first screen holds none.
//   all ready      <body data-ready="true"> (app.js: the engine loaded and every section's widget
//                  ready), plus a frame.
//   requests, KB   requests started before the first figure, and the bytes they transferred
//                  (encoded body + headers, as on the wire; a 304 counts its headers), page and
//                  workers together;
//   long tasks     main-thread tasks over 50 ms that started before the first figure (Long Tasks
//                  API): their count and summed duration; and Chromium's cumulative main-thread
//                  task and layout time at the first figure (CDP Performance.getMetrics, read
//                  within a frame or two of it).
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { updateReadmeSection } from './readme.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

export const TARGETS = {
  cold: { firstFigure: 1000, firstScreen: 1500, kilobytes: 500, requests: 20 },
  warm: { firstFigure: 500 },
  throttled: { firstFigure: 2500 },
  embed: { firstFigure: 1500, kilobytes: 300 },
};
export const THROTTLE = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };
const VIEWPORT = { width: 1280, height: 900 };
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Runs in the page before any of its scripts: records when each engine-computed figure is shown.
function recorder() {
  const record = { figures: [], longTasks: [], allReady: null, embedReady: null };
  window.__pageLoad = record;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) record.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no Long Tasks API */ }
  const seen = new WeakSet();
  const shown = (element, kind) => {
    seen.add(element);
    const written = performance.now();
    const box = element.getBoundingClientRect();
    requestAnimationFrame(() => record.figures.push({
      kind, section: element.closest('section')?.id ?? null, written, shown: performance.now(),
      top: box.top + window.scrollY, height: box.height,
    }));
  };
  new MutationObserver((mutations) => {
    for (const { target } of mutations) {
      if (target === document.body) {
        if (target.dataset.ready === 'true' && !record.allReady) {
          const written = performance.now();
          record.allReady = { written };
          requestAnimationFrame(() => { record.allReady.shown = performance.now(); });
        }
      } else if (target.nodeType === 1 && !seen.has(target)) {
        const name = [...target.classList].find((c) => c.startsWith('actlab-')) ?? target.className;
        if (target.dataset.ready === 'true') shown(target, name);
        else if (target.dataset.state === 'ready' && target.matches('figure')) shown(target, target.dataset.figure);
        else if (target.matches('.actlab-stepper[data-step]')) shown(target, 'actlab-stepper');
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready', 'data-state', 'data-step'] });
  document.addEventListener('actlab-ready', (event) => {
    const written = performance.now();
    const kind = event.target.localName;
    requestAnimationFrame(() => { record.embedReady ??= { kind, written, shown: performance.now() }; });
  }, true);
}

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const m = sorted.length >> 1;
  return { median: sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2, min: sorted[0], max: sorted[sorted.length - 1] };
};

// The host page of the embed case, on its own origin: one element, the one script tag.
function hostPage(actlabUrl) {
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A tutorial page with one ActLab widget</title>
<script type="module" src="${actlabUrl}embed/actlab-embed.js"></script>
<h1>Why a network needs activation functions</h1>
<p>Stack two linear maps and you get another linear map. An activation function between them bends it.</p>
<actlab-linear-stack layers="3"></actlab-linear-stack>
<p>The rest of the article.</p>
</html>
`;
}

function startHost(actlabUrl) {
  const body = hostPage(actlabUrl);
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    response.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/article.html`,
    close: () => new Promise((done) => { server.close(() => done()); server.closeAllConnections(); }),
  })));
}

// Every request of the context (page and workers), with its timing and size once it is done.
function trackRequests(context) {
  const requests = [];
  const finished = (request, failed) => requests.push({ request, failed });
  context.on('requestfinished', (request) => finished(request, false));
  context.on('requestfailed', (request) => finished(request, true));
  return async () => Promise.all(requests.map(async ({ request, failed }) => {
    const timing = request.timing();
    const response = failed ? null : await request.response().catch(() => null);
    const sizes = failed ? null : await request.sizes().catch(() => null);
    return {
      url: request.url(), type: request.resourceType(), status: response?.status() ?? 0, failed,
      start: timing.startTime, // wall-clock ms
      end: timing.startTime + Math.max(timing.responseEnd, 0),
      bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0,
      body: sizes ? sizes.responseBodySize : 0,
      encoding: response ? (await response.headerValue('content-encoding').catch(() => null)) : null,
    };
  }));
}

async function waitForFigure(page, embed) {
  await page.waitForFunction(embed ? () => window.__pageLoad?.embedReady?.shown !== undefined
    : () => window.__pageLoad?.figures.length > 0, null, { timeout: 120000, polling: 'raf' });
}

async function measureOne(browser, url, { kind, throttle = false, embed = false }) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.addInitScript(recorder);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (throttle) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', THROTTLE);
    }
    let collect = trackRequests(context);
    if (kind === 'warm') {
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 120000 });
      await page.waitForTimeout(500); // let the offline warm-up (fonts, other locale) finish into the cache
      await page.goto('about:blank');
      collect = trackRequests(context); // a new list: only the second visit's requests are counted
    }
    await page.goto(url);
    await waitForFigure(page, embed);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    if (!embed) await page.waitForSelector('body[data-ready="true"]', { timeout: 120000 });
    if (!embed) await page.waitForFunction(() => window.__pageLoad.allReady?.shown !== undefined, null, { polling: 'raf' });
    await page.waitForTimeout(200); // the last frame's records
    const record = await page.evaluate(() => ({ ...window.__pageLoad, timeOrigin: performance.timeOrigin, innerHeight }));
    const requests = await collect();
    return summarise({ record, metrics, requests, embed });
  } finally {
    await context.close();
  }
}

function summarise({ record, metrics, requests, embed }) {
  const figures = [...record.figures].sort((a, b) => a.shown - b.shown);
  const first = embed ? record.embedReady : figures[0];
  // A figure with no box (inside a closed disclosure or a hidden prediction) is not on any screen.
  const onScreen = figures.filter((f) => f.height > 0 && f.top < record.innerHeight);
  const firstScreen = onScreen.length > 0 ? Math.max(...onScreen.map((f) => f.shown)) : null;
  // Requests and tasks that started before the figure was written (not what starts in the frame after).
  const cut = record.timeOrigin + first.written;
  const before = requests.filter((r) => r.start <= cut).map((r) => ({ ...r, start: r.start - record.timeOrigin, end: r.end - record.timeOrigin }));
  const longTasks = record.longTasks.filter((t) => t.start < first.written);
  return {
    firstFigure: first.shown,
    firstFigureKind: first.kind,
    firstFigureSection: first.section ?? null,
    firstScreen,
    firstScreenFigures: onScreen.map((f) => f.kind),
    figures: figures.map((f) => ({ kind: f.kind, section: f.section, shown: Math.round(f.shown), top: Math.round(f.top) })),
    server: Object.fromEntries(['200', '304'].map((status) => [status, requests.filter((r) => String(r.status) === status).length])),
    allReady: record.allReady?.shown ?? null,
    requests: before.length,
    kilobytes: before.reduce((sum, r) => sum + r.bytes, 0) / 1024,
    // Chromium shows most revalidated responses as 200 with the cached headers: no body on the wire.
    revalidated: before.filter((r) => r.status === 304 || r.body === 0).length,
    compressed: before.filter((r) => r.encoding).length,
    longTasks: longTasks.length,
    longTaskMs: longTasks.reduce((sum, t) => sum + t.duration, 0),
    taskMs: (metrics.TaskDuration ?? 0) * 1000,
    layoutMs: (metrics.LayoutDuration ?? 0) * 1000,
    scriptMs: (metrics.ScriptDuration ?? 0) * 1000,
    totalRequests: requests.length,
    totalKilobytes: requests.reduce((sum, r) => sum + r.bytes, 0) / 1024,
    waterfall: before.sort((a, b) => a.start - b.start),
  };
}

const FIELDS = ['firstFigure', 'firstScreen', 'allReady', 'requests', 'kilobytes', 'longTasks', 'longTaskMs', 'taskMs', 'layoutMs', 'scriptMs',
  'totalRequests', 'totalKilobytes', 'revalidated', 'compressed'];

export async function measurePageLoad({ runs = 5, only = ['cold', 'warm', 'throttled', 'embed'], root = path.join(repo, 'dist'),
  serve = path.join(repo, 'scripts/serve.mjs'), log = () => {} } = {}) {
  const { chromium } = createRequire(path.join(repo, 'package.json'))('playwright-core');
  const { startServer } = await import(pathToFileURL(path.resolve(serve)).href);
  const server = await startServer({ root: path.resolve(repo, root), port: 0 });
  const host = await startHost(server.url);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const load = { start: os.loadavg() };
  const version = browser.version();
  const samples = Object.fromEntries(only.map((c) => [c, []]));
  try {
    // One untimed visit first: the server compresses on the fly once per file (kept in memory), as
    // a production host serves precompressed files; Chromium's own first start is not counted either.
    await measureOne(browser, server.url, { kind: 'cold' });
    for (let run = 0; run < runs; run += 1) {
      for (let k = 0; k < only.length; k += 1) {
        const kind = only[(k + run) % only.length];
        const sample = await measureOne(browser, kind === 'embed' ? host.url : server.url,
          { kind, throttle: kind === 'throttled', embed: kind === 'embed' });
        samples[kind].push(sample);
        log(`== page load run ${run + 1}/${runs} ${kind}: first figure ${sample.firstFigure.toFixed(0)} ms (${sample.firstFigureKind}), ` +
          `first screen ${sample.firstScreen?.toFixed(0) ?? '–'} ms, all ready ${sample.allReady?.toFixed(0) ?? '–'} ms, ` +
          `${sample.requests} requests / ${sample.kilobytes.toFixed(0)} KB before it; load ${os.loadavg()[0].toFixed(1)}`);
      }
    }
  } finally {
    await browser.close();
    await host.close();
    await server.close();
  }
  load.end = os.loadavg();
  const cases = {};
  for (const [kind, list] of Object.entries(samples)) {
    cases[kind] = Object.fromEntries(FIELDS.map((f) => [f, median(list.map((s) => s[f]))]));
    cases[kind].firstFigureKind = list[0]?.firstFigureKind;
    cases[kind].firstScreenFigures = list[0]?.firstScreenFigures;
    // The waterfall of the run whose first figure is the median one.
    const sorted = [...list].sort((a, b) => a.firstFigure - b.firstFigure);
    cases[kind].waterfall = sorted[sorted.length >> 1]?.waterfall ?? [];
    cases[kind].runs = list.map(({ waterfall, ...rest }) => rest);
  }
  return { date: new Date().toISOString(), runs, load, root: path.relative(repo, path.resolve(repo, root)) || root,
    serve: path.relative(repo, path.resolve(serve)), chromium: version, cases };
}

// --- report ------------------------------------------------------------------------------------------
const ms = (s) => (s ? `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : '–');
const kb = (s) => (s ? `${s.median.toFixed(0)} KB` : '–');
const n = (s) => (s ? `${s.median.toFixed(0)}` : '–');
const LABELS = {
  cold: 'notebook, cold cache',
  warm: 'notebook, second visit (warm cache)',
  throttled: 'notebook, cold, 10 Mbit/s + 40 ms RTT',
  embed: 'one embedded widget on a foreign page, cold',
};

export function markdown(result) {
  const lines = [];
  const load = (l) => l.map((v) => v.toFixed(1)).join(' ');
  lines.push(`Measured ${result.date.slice(0, 16).replace('T', ' ')} UTC on ${os.cpus()[0]?.model.trim() ?? 'cpu'} × ${os.cpus().length}, ` +
    `\`${result.root}/\` served by \`${result.serve}\`, headless Chromium ${result.chromium ?? ''} at 1280 × 900; ${result.runs} runs per case, median (min–max), ms after navigation. ` +
    `Load average at start: ${load(result.load.start)}; at end: ${load(result.load.end)}.`);
  lines.push('');
  lines.push('| case | first figure, ms ↓ | first screen ready, ms ↓ | all widgets ready, ms ↓ | requests before first figure | transferred before it | long tasks before it (count, ms) | main-thread tasks / layout by then, ms | by all ready (+0.2 s): requests, KB |');
  lines.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const [kind, c] of Object.entries(result.cases)) {
    lines.push(`| ${LABELS[kind]} (first: ${c.firstFigureKind}) | ${ms(c.firstFigure)} | ${ms(c.firstScreen)} | ${ms(c.allReady)} | ${n(c.requests)}` +
      `${c.revalidated?.median ? ` (${n(c.revalidated)} revalidated)` : ''} | ${kb(c.kilobytes)} | ${n(c.longTasks)}, ${n(c.longTaskMs)} | ${n(c.taskMs)} / ${n(c.layoutMs)} | ` +
      `${n(c.totalRequests)}, ${kb(c.totalKilobytes)} |`);
  }
  lines.push('');
  lines.push('| target | goal | measured (median) | met |');
  lines.push('|---|--:|--:|:-:|');
  const row = (label, goal, s, unit) => {
    if (!s) return;
    lines.push(`| ${label} | ≤ ${goal} ${unit} | ${s.median.toFixed(0)} ${unit} | ${s.median <= goal ? 'yes' : '**no**'} |`);
  };
  const { cold, warm, throttled, embed } = result.cases;
  if (cold) {
    row('cold: first engine-computed figure', TARGETS.cold.firstFigure, cold.firstFigure, 'ms');
    row('cold: bytes before it', TARGETS.cold.kilobytes, cold.kilobytes, 'KB');
    row('cold: requests before it', TARGETS.cold.requests, cold.requests, '');
    if (cold.firstScreen) row('cold: every widget on the first screen ready', TARGETS.cold.firstScreen, cold.firstScreen, 'ms');
    else if (cold.firstFigure) {
      // Nothing on the first screen waits for the engine: it is ready when it is drawn. The nearest
      // figure, just below it, is the first figure.
      const met = cold.firstFigure.median <= TARGETS.cold.firstScreen ? 'yes' : '**no**';
      lines.push(`| cold: every widget on the first screen ready | ≤ ${TARGETS.cold.firstScreen} ms | no figure on it; the first, just below, ${cold.firstFigure.median.toFixed(0)} ms | ${met} |`);
    }
  }
  if (throttled) row('10 Mbit/s, 40 ms: first figure', TARGETS.throttled.firstFigure, throttled.firstFigure, 'ms');
  if (warm) row('second visit: first figure', TARGETS.warm.firstFigure, warm.firstFigure, 'ms');
  if (embed) {
    row('embedded widget: first figure', TARGETS.embed.firstFigure, embed.firstFigure, 'ms');
    row('embedded widget: bytes before it', TARGETS.embed.kilobytes, embed.kilobytes, 'KB');
  }
  lines.push('');
  return lines.join('\n');
}

/** What loads before the first figure, grouped by folder, biggest first (the median cold run). */
export function waterfall(result, kind = 'cold') {
  const c = result.cases[kind];
  if (!c) return '';
  const groups = new Map();
  for (const r of c.waterfall) {
    const p = new URL(r.url).pathname;
    const key = p.replace(/^\/(engine\/generated|vendor\/[^/]+|js\/[^/]+|locales|css|embed|engine)\/.*$/, '/$1/…');
    const g = groups.get(key) ?? { requests: 0, bytes: 0, first: Infinity, last: 0 };
    g.requests += 1; g.bytes += r.bytes; g.first = Math.min(g.first, r.start); g.last = Math.max(g.last, r.end);
    groups.set(key, g);
  }
  const lines = [`| ${kind}: before the first figure | requests | transferred | starts at, ms | last ends at, ms |`, '|---|--:|--:|--:|--:|'];
  for (const [key, g] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes)) {
    lines.push(`| \`${key}\` | ${g.requests} | ${(g.bytes / 1024).toFixed(1)} KB | ${g.first.toFixed(0)} | ${g.last.toFixed(0)} |`);
  }
  return lines.join('\n');
}

export function report(result) {
  return `${markdown(result)}\n${waterfall(result, 'cold')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const option = (name, fallback) => {
    const k = process.argv.indexOf(`--${name}`);
    return k > 0 ? process.argv[k + 1] : fallback;
  };
  const result = await measurePageLoad({
    runs: Number(option('runs', 5)),
    only: option('only', 'cold,warm,throttled,embed').split(','),
    serve: option('serve', path.join(repo, 'scripts/serve.mjs')),
    root: option('root', 'dist'),
    log: console.error,
  });
  fs.mkdirSync(path.join(here, 'results'), { recursive: true });
  fs.writeFileSync(path.join(here, 'results', 'page-load.json'), `${JSON.stringify(result, null, 2)}\n`);
  const text = report(result);
  console.log(text);
  if (process.argv.includes('--waterfall')) for (const kind of Object.keys(result.cases)) if (kind !== 'cold') console.log(`\n${waterfall(result, kind)}`);
  if (process.argv.includes('--readme')) console.error(updateReadmeSection('page-load', text) ? '== bench/README.md updated' : 'bench/README.md has no page-load markers');
}
