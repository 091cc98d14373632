// ActLab's benchmark: every contender on every workload, alternating, several runs each.
//
//   node bench/run.mjs [--runs 5] [--seconds 1] [--only w1,w2,w3,w4,page,lab] [--contenders a,b] [--no-readme]
//
// 1. installs bench/'s own dependencies (TensorFlow.js) into bench/node_modules when missing, and
//    builds the native driver (build/bench) and, when missing, the wasm module (build/wasm);
// 2. generates the workloads (bench/workloads.mjs) into bench/results/workloads.json;
// 3. cross-checks every contender against ActLab native: a contender whose numbers disagree beyond
//    float32 tolerance is reported as wrong and not timed on that workload;
// 4. times W1–W3: each run is a fresh process per (contender, workload), the contenders taking
//    turns within every run, in a rotating order; the table gives the median and min–max of the runs;
// 5. W4: the bytes a page loads for each engine and the time to its first computed figure in
//    headless Chromium (bench/page/);
// 6. page: the real notebook's load in headless Chromium, cold, warm, throttled, and one embedded
//    widget on a foreign page (bench/page-load.mjs, also runnable alone);
// 6b. lab: the comparison lab at 32 × 256 × 5 through the real runner in headless Chromium, 1 worker
//    vs one per core, steps per second and the load average (bench/parallel-lab.mjs, also runnable alone);
// 7. writes bench/results/latest.{json,md} and copies the tables into bench/README.md.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeWorkloads, W1, W2, W3 } from './workloads.mjs';
import { updateReadmeSection } from './readme.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const results = path.join(here, 'results');
const workloadsFile = path.join(results, 'workloads.json');
const driver = path.join(repo, 'build/bench/bench/actlab_bench');

const option = (name, fallback) => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 ? process.argv[k + 1] : fallback;
};
const runs = Number(option('runs', 5));
const seconds = Number(option('seconds', 1));
const only = option('only', 'w1,w2,w3,w4,page,lab').split(',');
const writeReadme = !process.argv.includes('--no-readme');
const log = (...args) => console.error(...args);

export const CONTENDERS = [
  { id: 'actlab-wasm', label: 'ActLab wasm', precision: 'float64' },
  { id: 'actlab-native', label: 'ActLab native', precision: 'float64' },
  { id: 'tfjs-wasm', label: 'TF.js wasm', precision: 'float32' },
  { id: 'tfjs-cpu', label: 'TF.js CPU', precision: 'float32' },
  { id: 'plain-js', label: 'plain JS', precision: 'float32' },
];
const contenders = CONTENDERS.filter((c) => option('contenders', CONTENDERS.map((x) => x.id).join(',')).split(',').includes(c.id));

// W1 and W3 run once per activation; W2 is one sweep over all four activations.
const CASES = [
  ...W1.activations.map((activation) => ({ workload: 'w1', activation, label: `W1 train, ${activation}`, unit: 'steps/s', higherIsBetter: true })),
  { workload: 'w2', activation: null, label: 'W2 sweep, 4 activations', unit: 'ms/sweep', higherIsBetter: false },
  ...W3.activations.map((activation) => ({ workload: 'w3', activation, label: `W3 probe, ${activation}`, unit: 'ms/probe', higherIsBetter: false })),
].filter((c) => only.includes(c.workload));

// --- setup -----------------------------------------------------------------------------------------
function sh(command, args, options = {}) {
  execFileSync(command, args, { stdio: ['ignore', process.stderr, process.stderr], cwd: repo, ...options });
}

// Only what the chosen steps need: TF.js for W1–W4, the native driver for W1–W3, the wasm module always.
function setup() {
  const timed = CASES.length > 0;
  if ((timed || only.includes('w4')) && !fs.existsSync(path.join(here, 'node_modules/@tensorflow/tfjs-backend-wasm/package.json'))) {
    log('== bench: installing bench/ dependencies (TensorFlow.js) into bench/node_modules');
    sh('npm', ['--prefix', here, 'install', '--no-audit', '--no-fund']);
  }
  if (timed) {
    log('== bench: building the native driver (build/bench)');
    sh('cmake', ['-S', '.', '-B', 'build/bench', '-DCMAKE_BUILD_TYPE=Release', '-DACTLAB_BENCH=ON', '-DACTLAB_TESTS=OFF'], { stdio: ['ignore', 'ignore', process.stderr] });
    sh('cmake', ['--build', 'build/bench', '--target', 'actlab_bench', '--parallel', String(os.cpus().length)]);
  }
  if (!fs.existsSync(path.join(repo, 'web/engine/generated/actlab-core.wasm'))) {
    log('== bench: building the wasm module (scripts/build.sh wasm)');
    sh('bash', ['scripts/build.sh', 'wasm']);
  }
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(workloadsFile, JSON.stringify(makeWorkloads()));
}

// --- running one contender on one case -------------------------------------------------------------
function runContender(contender, mode, c) {
  const extra = [...(c.activation ? [c.activation] : []), '--workloads', workloadsFile, '--seconds', String(seconds)];
  const [command, args] = contender.id === 'actlab-native'
    ? [driver, [mode, c.workload, ...extra]]
    : [process.execPath, [path.join(here, 'contender.mjs'), contender.id, mode, c.workload, ...extra]];
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, cwd: repo });
  const last = r.stdout.trim().split('\n').pop();
  if (r.status !== 0 || !last) {
    throw new Error(`${contender.id} ${mode} ${c.workload} ${c.activation ?? ''} failed (${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  return JSON.parse(last);
}

// --- cross-check --------------------------------------------------------------------------------------
// float32 contenders against the double-precision reference: W1 and W3 numbers within 1e-3 relative
// (observed: about 1e-6), W2 curve samples within 1e-5 absolute (values are at most 10) and the
// curves' means (sum / points) within 1e-6. ActLab wasm must also match ActLab native to 1e-12.
const TOLERANCE = { relative: 1e-3, curveAbsolute: 1e-5, curveMean: 1e-6, parity: 1e-12 };

function relative(a, b) {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);
}

function checkNumbers(workload, got, want) {
  const pairs = []; // [got, want, kind]
  if (workload === 'w1') {
    got.stepLosses.forEach((v, k) => pairs.push([v, want.stepLosses[k], 'rel']));
    pairs.push([got.final.loss, want.final.loss, 'rel']);
    got.final.norms.forEach((v, k) => pairs.push([v, want.final.norms[k], 'rel']));
  } else if (workload === 'w3') {
    pairs.push([got.loss, want.loss, 'rel']);
    got.norms.forEach((v, k) => pairs.push([v, want.norms[k], 'rel']));
  } else {
    got.forEach((curve, a) => {
      pairs.push([curve.sumValues, want[a].sumValues, 'sum'], [curve.sumDerivatives, want[a].sumDerivatives, 'sum']);
      curve.sampleValues.forEach((v, k) => pairs.push([v, want[a].sampleValues[k], 'abs']));
      curve.sampleDerivatives.forEach((v, k) => pairs.push([v, want[a].sampleDerivatives[k], 'abs']));
    });
  }
  let worstRelative = 0;
  let worstScaled = 0; // difference / tolerance: ≤ 1 passes
  let count = 0;
  for (const [a, b, kind] of pairs) {
    if (typeof a !== 'number' || !Number.isFinite(a)) return { ok: false, worstRelative: Infinity, count, reason: `non-finite ${a}` };
    count += 1;
    const rel = relative(a, b);
    worstRelative = Math.max(worstRelative, kind === 'abs' ? Math.abs(a - b) : kind === 'sum' ? Math.abs(a - b) / W2.points : rel);
    // A curve's sum is compared as a mean over its points: an odd function (tanh) sums to ~0.
    const scaled = kind === 'abs' ? Math.abs(a - b) / TOLERANCE.curveAbsolute
      : kind === 'sum' ? Math.abs(a - b) / W2.points / TOLERANCE.curveMean : rel / TOLERANCE.relative;
    worstScaled = Math.max(worstScaled, scaled);
  }
  return { ok: worstScaled <= 1, worstRelative, count };
}

function crossCheck() {
  const checks = {};
  for (const c of CASES) {
    const key = caseKey(c);
    checks[key] = {};
    log(`== check ${c.label}`);
    const reference = runContender(CONTENDERS[1], 'check', c);
    for (const contender of contenders) {
      let verdict;
      try {
        const got = contender.id === 'actlab-native' ? reference : runContender(contender, 'check', c);
        verdict = checkNumbers(c.workload, got, reference);
        if (contender.id === 'actlab-wasm') {
          verdict.parity = verdict.worstRelative <= TOLERANCE.parity;
          if (!verdict.parity) verdict.ok = false;
        }
      } catch (error) {
        verdict = { ok: false, error: error.message };
      }
      checks[key][contender.id] = verdict;
      log(`   ${contender.label.padEnd(14)} ${verdict.ok ? 'agrees' : 'WRONG'}${verdict.worstRelative !== undefined ? ` (largest difference ${verdict.worstRelative.toExponential(1)})` : ` ${verdict.error ?? ''}`}`);
    }
  }
  return checks;
}

const caseKey = (c) => (c.activation ? `${c.workload}-${c.activation}` : c.workload);

// --- timing ----------------------------------------------------------------------------------------------
function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeAll(checks) {
  const samples = {};
  for (const c of CASES) samples[caseKey(c)] = Object.fromEntries(contenders.map((x) => [x.id, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const c of CASES) {
      // Rotate who goes first, so that no contender always runs right after the same neighbour.
      const order = contenders.map((_, k) => contenders[(k + run) % contenders.length]);
      for (const contender of order) {
        if (!checks[caseKey(c)][contender.id]?.ok) continue;
        const r = runContender(contender, 'time', c);
        samples[caseKey(c)][contender.id].push(r.value);
      }
      log(`== run ${run + 1}/${runs} ${c.label}: ${order.filter((x) => samples[caseKey(c)][x.id].length > run)
        .map((x) => `${x.label} ${format(samples[caseKey(c)][x.id][run])}`).join(', ')}`);
    }
  }
  const timings = {};
  for (const c of CASES) {
    timings[caseKey(c)] = {};
    for (const contender of contenders) {
      const values = samples[caseKey(c)][contender.id];
      if (values.length === 0) continue;
      timings[caseKey(c)][contender.id] = { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values, unit: c.unit };
    }
  }
  return timings;
}

function format(value) {
  if (value >= 1000) return value.toFixed(0);
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

// --- targets ---------------------------------------------------------------------------------------------
// Ratios in the sense "how many times better ActLab wasm is" (speed ratio, > 1 is faster).
function ratios(timings) {
  const speed = (key, id) => {
    const t = timings[key]?.[id];
    if (!t) return null;
    return t.unit === 'steps/s' ? t.median : 1 / t.median;
  };
  const rows = [];
  const add = (workload, target, goal, values, meaning) => {
    const present = values.filter((v) => v !== null);
    if (present.length === 0) return;
    const worst = Math.min(...present);
    rows.push({ workload, target, goal, values, worst, met: worst >= goal, meaning });
  };
  const acts = (w) => CASES.filter((c) => c.workload === w).map(caseKey);
  for (const key of acts('w1')) {
    const wasm = speed(key, 'actlab-wasm');
    if (wasm === null) continue;
    const bestTf = Math.max(speed(key, 'tfjs-wasm') ?? 0, speed(key, 'tfjs-cpu') ?? 0) || null;
    const plain = speed(key, 'plain-js');
    const native = speed(key, 'actlab-native');
    add(key, 'ActLab wasm ÷ faster TF.js backend', 5, [bestTf && wasm / bestTf], '≥ 5×');
    add(key, 'ActLab wasm ÷ plain JS', 5, [plain && wasm / plain], '≥ 5×');
    add(key, 'ActLab wasm ÷ ActLab native', 0.75, [native && wasm / native], '≥ 0.75×');
  }
  for (const key of acts('w3')) {
    const wasm = speed(key, 'actlab-wasm');
    if (wasm === null) continue;
    const tfWasm = speed(key, 'tfjs-wasm');
    const native = speed(key, 'actlab-native');
    add(key, 'ActLab wasm ÷ TF.js wasm (speed)', 4, [tfWasm && wasm / tfWasm], '≥ 4×');
    // "≤ 1.5× native time" is the same as speed ratio ≥ 1/1.5.
    add(key, 'ActLab wasm time ÷ ActLab native time', 1 / 1.5, [native && wasm / native], '≤ 1.5× (time)');
  }
  return rows;
}

// --- machine ---------------------------------------------------------------------------------------------
function firstLine(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } }).split('\n')[0].trim();
  } catch {
    return 'unknown';
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    native_compiler: firstLine('c++', ['--version']),
    emscripten: firstLine('em++', ['--version']),
    chromium: firstLine('/usr/bin/chromium', ['--version']),
    tfjs: (() => {
      try {
        return JSON.parse(fs.readFileSync(path.join(here, 'node_modules/@tensorflow/tfjs-core/package.json'), 'utf8')).version;
      } catch {
        return 'not installed'; // only the page-load step was asked for
      }
    })(),
    load_average_at_start: os.loadavg().map((v) => v.toFixed(2)).join(' '),
    date: new Date().toISOString(),
  };
}

// --- report ----------------------------------------------------------------------------------------------
function markdown(report) {
  const lines = [];
  const m = report.machine;
  lines.push(`Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpu}, ${m.memory}, ${m.os}; Node ${m.node}, ` +
    `${m.chromium}, ${m.native_compiler}, ${m.emscripten}, TensorFlow.js ${m.tfjs}. ` +
    `${report.runs} runs per cell (fresh process each, contenders alternating), each run ≥ ${report.seconds} s after warm-up; ` +
    `median (min–max). Load average at start: ${m.load_average_at_start}.`);
  lines.push('');
  if (Object.keys(report.timings).length > 0) {
    const shown = contenders;
    lines.push(`| workload | unit | ${shown.map((c) => c.label).join(' | ')} |`);
    lines.push(`|---|---|${shown.map(() => '--:').join('|')}|`);
    for (const c of CASES) {
      const key = caseKey(c);
      const cells = shown.map((x) => {
        const check = report.checks[key]?.[x.id];
        if (check && !check.ok) return '**wrong**';
        const t = report.timings[key]?.[x.id];
        return t ? `${format(t.median)} (${format(t.min)}–${format(t.max)})` : '–';
      });
      lines.push(`| ${c.label} | ${c.unit}${c.higherIsBetter ? ' ↑' : ' ↓'} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  if (report.w4) {
    const w4 = report.w4;
    lines.push('| W4 engine budget (minimal page, not the notebook) | JS raw | JS gzip | wasm raw | wasm gzip | total gzip | minimal page: first figure after navigation, ms ↓ |');
    lines.push('|---|--:|--:|--:|--:|--:|--:|');
    for (const e of w4.engines) {
      const kb = (b) => (b === 0 ? '–' : `${(b / 1024).toFixed(1)} KB`);
      const f = e.firstFigure;
      const figure = f ? (f.error ? `failed: ${f.error}` : `${format(f.median)} (${format(f.min)}–${format(f.max)})`) : '–';
      lines.push(`| ${e.label} | ${kb(e.js.raw)} | ${kb(e.js.gzip)} | ${kb(e.wasm.raw)} | ${kb(e.wasm.gzip)} | **${kb(e.js.gzip + e.wasm.gzip)}** | ${figure} |`);
    }
    lines.push('');
  }
  if (report.ratios.length > 0 || report.w4) {
    lines.push('| target | case | goal | measured | met |');
    lines.push('|---|---|--:|--:|:-:|');
    for (const r of report.ratios) {
      const shown = r.target.includes('time ÷') ? `${(1 / r.worst).toFixed(2)}× time` : `${r.worst.toFixed(2)}×`;
      lines.push(`| ${r.target} | ${r.workload} | ${r.meaning} | ${shown} | ${r.met ? 'yes' : 'no'} |`);
    }
    if (report.w4) {
      const a = report.w4.engines.find((e) => e.id === 'actlab');
      const gz = a.js.gzip + a.wasm.gzip;
      lines.push(`| engine JS + wasm, gzip | W4 | ≤ 40 KB | ${(gz / 1024).toFixed(1)} KB | ${gz <= 40 * 1024 ? 'yes' : 'no'} |`);
      if (a.firstFigure && !a.firstFigure.error) {
        lines.push(`| engine alone on a minimal page: first figure (the notebook's own: see page load) | W4 | ≤ 1000 ms | ${format(a.firstFigure.median)} ms | ${a.firstFigure.median <= 1000 ? 'yes' : 'no'} |`);
      }
    }
    lines.push('');
  }
  const checkLines = [];
  for (const c of CASES) {
    const key = caseKey(c);
    const cells = contenders.map((x) => {
      const v = report.checks[key]?.[x.id];
      if (!v) return '–';
      if (x.id === 'actlab-native') return 'reference';
      if (!v.ok) return `**wrong** ${v.error ? '(failed to run)' : v.worstRelative.toExponential(1)}`;
      return v.worstRelative.toExponential(1);
    });
    checkLines.push(`| ${c.label} | ${cells.join(' | ')} |`);
  }
  if (checkLines.length > 0) {
    lines.push(`Cross-check, largest difference from ActLab native (relative for W1/W3, absolute for W2): ` +
      `tolerance ${TOLERANCE.relative} relative for W1/W3, ${TOLERANCE.curveAbsolute} absolute on the W2 samples and ` +
      `${TOLERANCE.curveMean} on the W2 curve means, ${TOLERANCE.parity} for ActLab wasm (parity).`);
    lines.push('');
    lines.push(`| case | ${contenders.map((c) => c.label).join(' | ')} |`);
    lines.push(`|---|${contenders.map(() => '--:').join('|')}|`);
    lines.push(...checkLines);
    lines.push('');
  }
  return lines.join('\n');
}

function updateReadme(table) {
  log(updateReadmeSection('results', table) ? '== bench/README.md updated' : 'bench/README.md has no results markers: not updated');
}

// --- main ------------------------------------------------------------------------------------------------
setup();
const report = { machine: machine(), runs, seconds, tolerance: TOLERANCE, checks: {}, timings: {}, ratios: [], w4: null };
if (CASES.length > 0) {
  report.checks = crossCheck();
  report.timings = timeAll(report.checks);
  report.ratios = ratios(report.timings);
}
if (only.includes('w4')) {
  const { measurePageBudget } = await import('./page-budget.mjs');
  report.w4 = await measurePageBudget({ runs, log });
}
let pageLoad = null;
if (only.includes('page')) {
  const pages = await import('./page-load.mjs');
  report.pageLoad = await pages.measurePageLoad({ runs, log });
  pageLoad = pages.report(report.pageLoad);
  fs.writeFileSync(path.join(results, 'page-load.json'), `${JSON.stringify(report.pageLoad, null, 2)}\n`);
  if (writeReadme) log(updateReadmeSection('page-load', pageLoad) ? '== bench/README.md: page load updated' : 'bench/README.md has no page-load markers');
}
let parallelLab = null;
if (only.includes('lab')) {
  const lab = await import('./parallel-lab.mjs');
  report.parallelLab = await lab.measureParallelLab({ runs: Math.min(runs, 3), log });
  parallelLab = lab.report(report.parallelLab);
  if (writeReadme) {
    const updated = updateReadmeSection('parallel-lab', parallelLab);
    log(updated ? '== bench/README.md: parallel lab updated' : 'bench/README.md has no parallel-lab markers');
  }
}
const table = markdown(report);
fs.writeFileSync(path.join(results, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
const extraTables = [pageLoad, parallelLab].filter(Boolean).map((text) => `\n${text}`).join('');
fs.writeFileSync(path.join(results, 'latest.md'), `${table}\n${extraTables}`);
console.log(table);
if (pageLoad) console.log(pageLoad);
if (parallelLab) console.log(parallelLab);
if (writeReadme && ['w1', 'w2', 'w3', 'w4'].every((w) => only.includes(w))) updateReadme(table);
