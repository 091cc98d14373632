// The comparison lab on every core (issue 11): steps per second of the lab's experiment at
// 32 layers × 256 units × 5 activations, trained through the real runner (web/js/kit/experiment/
// runner.js: module workers, one per group of activations) in headless Chromium, with 1 worker and
// with as many as the machine has cores. Reported as figures, never as pass/fail tests.
//
//   node bench/parallel-lab.mjs [--runs 3] [--steps 20] [--chunk 5] [--readme]
//
// A run opens the experiment (the lab's own spec: widgets/lab/model.js experimentSpec), takes one
// warm-up update, then `steps` steps in updates of `chunk` steps, each update followed by the
// measurement of every network, as the lab's training loop asks for them. Two rates per run:
//   lab rate    steps / wall time of those updates (training and measuring, as the learner waits);
//   train rate  steps / the runner's own trainMs (the training alone; side by side, the slowest
//               worker's time).
// The machine's load average is reported with the figures: on a shared machine it bounds the gain.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { updateReadmeSection } from './readme.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ACTIVATIONS = [{ name: 'sigmoid' }, { name: 'tanh' }, { name: 'relu' }, { name: 'leaky_relu', slope: 0.01 }, { name: 'elu' }];
export const SHAPE = { depth: 32, width: 256, activations: ACTIVATIONS.length };
export const TARGET_SPEEDUP = 1.8;

async function labSpec() {
  const { validateLabState } = await import(pathToFileURL(path.join(repo, 'web/js/kit/state/lab-schema.js')).href);
  const { experimentSpec, presetState } = await import(pathToFileURL(path.join(repo, 'web/js/widgets/lab/model.js')).href);
  const state = { ...presetState('vanishing'), depth: SHAPE.depth, width: SHAPE.width, activations: ACTIVATIONS };
  return experimentSpec(validateLabState(state));
}

// Runs in the page: one experiment through createRunner with at most `maxWorkers` workers.
async function timeInPage({ spec, maxWorkers, steps, chunk }) {
  const { createRunner } = await import('/js/kit/experiment/runner.js');
  const runner = await createRunner({ maxWorkers });
  try {
    await runner.open(spec);
    await runner.advance(1); // warm-up: the first step's allocations
    let trainMs = 0;
    const started = performance.now();
    for (let done = 0; done < steps; done += chunk) trainMs += (await runner.advance(chunk)).trainMs;
    const wallMs = performance.now() - started;
    return { kind: runner.kind, workers: runner.workers, wallMs, trainMs };
  } finally {
    runner.destroy();
  }
}

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = () => os.loadavg().map((value) => value.toFixed(1)).join(', ');

/** {cores, load, cases: [{maxWorkers, workers, labRates, trainRates}]}; runs alternate 1 and N workers. */
export async function measureParallelLab({ runs = 3, steps = 20, chunk = 5, log = console.error } = {}) {
  const { chromium } = createRequire(path.join(repo, 'package.json'))('playwright-core');
  const { startServer } = await import(pathToFileURL(path.join(repo, 'scripts/serve.mjs')).href);
  const server = await startServer({ root: path.join(repo, 'web'), port: 0 }) // the runner's module API: the sources;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const spec = await labSpec();
  const cores = os.cpus().length;
  const cases = [1, cores].map((maxWorkers) => ({ maxWorkers, workers: null, labRates: [], trainRates: [] }));
  const loadBefore = load();
  try {
    const page = await (await browser.newContext()).newPage();
    // Any page of the server's origin will do: the runner and its workers load as modules from it.
    await page.goto(`${server.url}/engine/actlab.js`);
    for (let run = 0; run < runs; run += 1) {
      for (const entry of cases) {
        const result = await page.evaluate(timeInPage, { spec, maxWorkers: entry.maxWorkers, steps, chunk });
        if (result.kind !== 'worker') throw new Error('the runner fell back to the main thread');
        entry.workers = result.workers;
        entry.labRates.push((steps * 1000) / result.wallMs);
        entry.trainRates.push((steps * 1000) / result.trainMs);
        log(`== parallel lab: run ${run + 1}, ${result.workers} worker(s): ${(steps * 1000 / result.wallMs).toFixed(2)} steps/s`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { cores, load: { before: loadBefore, after: load() }, runs, steps, chunk, cases };
}

const figure = (rates) => `${median(rates).toFixed(2)} (${Math.min(...rates).toFixed(2)}–${Math.max(...rates).toFixed(2)})`;

/** The markdown table for bench/README.md. */
export function report(result) {
  const [one, many] = result.cases;
  const speedup = median(many.labRates) / median(one.labRates);
  return [
    `Lab at ${SHAPE.depth} layers × ${SHAPE.width} units × ${SHAPE.activations} activations, headless Chromium, ` +
      `${result.cores} cores, load average ${result.load.before} before and ${result.load.after} after; ` +
      `${result.runs} runs, ${result.steps} steps in updates of ${result.chunk}; median (min–max), steps/s.`,
    '',
    '| workers | lab rate (train + measure) | train rate | speed-up (lab rate) |',
    '|---|--:|--:|--:|',
    `| 1 | ${figure(one.labRates)} | ${figure(one.trainRates)} | 1.00 |`,
    `| ${many.workers} | ${figure(many.labRates)} | ${figure(many.trainRates)} | ${speedup.toFixed(2)} ` +
      `(target ≥ ${TARGET_SPEEDUP}: ${speedup >= TARGET_SPEEDUP ? 'met' : 'not met'}) |`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name, fallback) => {
    const k = process.argv.indexOf(`--${name}`);
    return k > 0 ? Number(process.argv[k + 1]) : fallback;
  };
  const result = await measureParallelLab({ runs: option('runs', 3), steps: option('steps', 20), chunk: option('chunk', 5) });
  const table = report(result);
  console.log(table);
  if (process.argv.includes('--readme')) {
    const updated = updateReadmeSection('parallel-lab', table);
    console.error(updated ? '== bench/README.md updated' : 'bench/README.md has no parallel-lab markers');
  }
}
