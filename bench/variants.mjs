// Size and speed of the wasm module under different optimisation choices (the W4 trade-off):
//
//   node bench/variants.mjs [--runs 3] [--seconds 1] [--no-build] [--no-readme]
//
// Builds each variant of the module with the project's CMake (build/bench-wasm-NAME →
// bench/results/variants/NAME/generated, next to a copy of web/engine/actlab.js), then measures its
// bytes and, alternating between variants, ActLab wasm on W1 (tanh, ReLU) and W3 (sigmoid) through
// bench/contender.mjs. Writes bench/results/variants.{md,json} and the table in bench/README.md.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { makeWorkloads } from './workloads.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const results = path.join(here, 'results');
const option = (name, fallback) => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 ? process.argv[k + 1] : fallback;
};
const runs = Number(option('runs', 3));
const seconds = Number(option('seconds', 1));

// Each variant: the CMake arguments that make it, on top of the Release defaults.
// link-oz changes last bits of results (wasm-opt -Oz), so it breaks native/wasm parity.
export const VARIANTS = [
  { name: 'o3', label: 'everything -O3 (SIMD)', args: ['-DACTLAB_WASM_SIZE=OFF'] },
  { name: 'oz', label: 'everything -Oz', args: ['-DACTLAB_WASM_SIZE=OFF', '-DCMAKE_CXX_FLAGS_RELEASE=-Oz -DNDEBUG'] },
  { name: 'link-oz', label: 'engine -O3, protocol + bindings -Oz, link -Oz (breaks parity)', args: ['-DCMAKE_EXE_LINKER_FLAGS=-Oz'] },
  { name: 'final', label: 'engine -O3, protocol + bindings -Oz, link -O3 (the project\'s build)', args: [] },
];

const CASES = [
  { workload: 'w1', activation: 'tanh', label: 'W1 tanh, steps/s ↑' },
  { workload: 'w1', activation: 'relu', label: 'W1 ReLU, steps/s ↑' },
  { workload: 'w3', activation: 'sigmoid', label: 'W3 sigmoid, ms/probe ↓' },
];

function build(variant) {
  const out = path.join(results, 'variants', variant.name);
  fs.mkdirSync(out, { recursive: true });
  fs.copyFileSync(path.join(repo, 'web/engine/actlab.js'), path.join(out, 'actlab.js'));
  const env = { ...process.env, NODE_PATH: `/usr/share/nodejs${process.env.NODE_PATH ? `:${process.env.NODE_PATH}` : ''}` };
  const dir = `build/bench-wasm-${variant.name}`;
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: repo, env, stdio: ['ignore', 'ignore', process.stderr] });
  console.error(`== variants: building ${variant.name} (${dir})`);
  run('emcmake', ['cmake', '-S', '.', '-B', dir, '-DCMAKE_BUILD_TYPE=Release', `-DCMAKE_CROSSCOMPILING_EMULATOR=${process.execPath}`,
    `-DACTLAB_WASM_OUTPUT_DIR=${path.join(out, 'generated')}`, '-DACTLAB_WASM_SIZE=ON', '-DCMAKE_EXE_LINKER_FLAGS=',
    '-DCMAKE_CXX_FLAGS_RELEASE=-O3 -DNDEBUG', ...variant.args]);
  run('cmake', ['--build', dir, '--parallel', String(os.cpus().length)]);
  return out;
}

function sizes(out) {
  const measure = (file) => {
    const data = fs.readFileSync(file);
    return { raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
  };
  const api = measure(path.join(out, 'actlab.js'));
  const glue = measure(path.join(out, 'generated/actlab-core.js'));
  return { js: { raw: api.raw + glue.raw, gzip: api.gzip + glue.gzip }, wasm: measure(path.join(out, 'generated/actlab-core.wasm')) };
}

function time(out, c) {
  const r = spawnSync(process.execPath, [path.join(here, 'contender.mjs'), 'actlab-wasm', 'time', c.workload, c.activation,
    '--seconds', String(seconds)], { cwd: repo, encoding: 'utf8', env: { ...process.env, ACTLAB_ENGINE: path.join(out, 'actlab.js') } });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

fs.mkdirSync(results, { recursive: true });
if (!fs.existsSync(path.join(results, 'workloads.json'))) fs.writeFileSync(path.join(results, 'workloads.json'), JSON.stringify(makeWorkloads()));
const outs = VARIANTS.map((v) => (process.argv.includes('--no-build') ? path.join(results, 'variants', v.name) : build(v)));
const samples = VARIANTS.map(() => CASES.map(() => ({ wall: [], cpu: [] })));
for (let run = 0; run < runs; run += 1) {
  for (let c = 0; c < CASES.length; c += 1) {
    for (let k = 0; k < VARIANTS.length; k += 1) {
      const v = (k + run) % VARIANTS.length;
      const r = time(outs[v], CASES[c]);
      samples[v][c].wall.push(r.value);
      samples[v][c].cpu.push(r.cpu);
    }
  }
  console.error(`== variants: run ${run + 1}/${runs} done`);
}
const report = VARIANTS.map((v, k) => ({ ...v, ...sizes(outs[k]),
  cases: CASES.map((c, i) => ({ ...c, wall: median(samples[k][i].wall), cpu: median(samples[k][i].cpu), runs: samples[k][i] })) }));

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const lines = [
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus()[0]?.model} × ${os.cpus().length}, ` +
  `load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${runs} alternating runs, median; ` +
  'speed as wall-clock (process CPU time in brackets). JS = actlab.js + actlab-core.js.',
  '',
  `| variant | JS raw / gzip | wasm raw / gzip | total gzip | ${CASES.map((c) => c.label).join(' | ')} |`,
  `|---|--:|--:|--:|${CASES.map(() => '--:').join('|')}|`,
  ...report.map((r) => {
    const speed = r.cases.map((c) => `${f(c.wall)} (${f(c.cpu)})`);
    return `| ${r.label} | ${kb(r.js.raw)} / ${kb(r.js.gzip)} | ${kb(r.wasm.raw)} / ${kb(r.wasm.gzip)} | ${kb(r.js.gzip + r.wasm.gzip)} | ${speed.join(' | ')} |`;
  }),
];
const table = lines.join('\n');
fs.writeFileSync(path.join(results, 'variants.json'), `${JSON.stringify(report, null, 2)}\n`);
fs.writeFileSync(path.join(results, 'variants.md'), `${table}\n`);
console.log(table);
if (!process.argv.includes('--no-readme')) {
  const readme = path.join(here, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const [start, end] = ['<!-- variants:start -->', '<!-- variants:end -->'];
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a >= 0 && b > a) fs.writeFileSync(readme, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
}
