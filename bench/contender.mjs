// One contender, one workload, in a fresh process (so that no contender's JIT state or memory
// affects another's):
//   node bench/contender.mjs CONTENDER MODE WORKLOAD [ACTIVATION] [--seconds S] [--workloads FILE]
// CONTENDER: actlab-wasm | tfjs-cpu | tfjs-wasm | plain-js;  MODE: check | time;  WORKLOAD: w1 | w2 | w3.
// Prints one JSON object: the cross-check numbers (check) or the timing of this run (time).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { W1, W2, sweepPoints } from './workloads.mjs';
import { curveDigest, timeLoop } from './contenders/common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [name, mode, workload, activation] = process.argv.slice(2);
const option = (flag, fallback) => {
  const k = process.argv.indexOf(flag);
  return k > 0 ? process.argv[k + 1] : fallback;
};
const seconds = Number(option('--seconds', 1));
const workloads = JSON.parse(fs.readFileSync(option('--workloads', path.join(here, 'results/workloads.json')), 'utf8'));

async function loadContender() {
  switch (name) {
    case 'actlab-wasm': return (await import('./contenders/actlab-wasm.mjs')).load();
    case 'plain-js': return (await import('./contenders/plain-js.mjs')).load();
    case 'tfjs-cpu': return (await import('./contenders/tfjs.mjs')).load('cpu');
    case 'tfjs-wasm': return (await import('./contenders/tfjs.mjs')).load('wasm');
    default: throw new Error(`unknown contender ${name}`);
  }
}

const contender = await loadContender();
const steps = 50; // W1: train steps per timed call (a page would run a few per animation frame)
let result;
if (workload === 'w1') {
  const run = contender.w1(workloads.w1, activation);
  if (mode === 'check') {
    const stepLosses = run.stepLosses(W1.checkSteps);
    result = { stepLosses, final: run.evaluate() };
  } else {
    const timing = timeLoop(() => run.trainSteps(steps), { warmup: W1.warmupSteps / steps, minSeconds: seconds });
    result = { value: (1000 * steps) / timing.msPerCall, cpu: (1000 * steps) / timing.cpuMsPerCall, unit: 'steps/s', iterations: timing.iterations * steps };
  }
  run.dispose();
} else if (workload === 'w2') {
  const points = sweepPoints();
  const run = contender.w2(points, W2.activations);
  if (mode === 'check') {
    result = run.sweep().map((curve, k) => ({ ...W2.activations[k], ...curveDigest(curve.values, curve.derivatives) }));
  } else {
    const timing = timeLoop(() => run.sweep(), { warmup: 1, minSeconds: seconds, minIterations: 1 });
    result = { value: timing.msPerCall, cpu: timing.cpuMsPerCall, unit: 'ms/sweep', iterations: timing.iterations };
  }
} else if (workload === 'w3') {
  const run = contender.w3(workloads.w3, activation);
  if (mode === 'check') {
    result = run.probe();
  } else {
    const timing = timeLoop(() => run.probe(), { warmup: 3, minSeconds: seconds, minIterations: 3 });
    result = { value: timing.msPerCall, cpu: timing.cpuMsPerCall, unit: 'ms/probe', iterations: timing.iterations };
  }
  run.dispose();
} else {
  throw new Error(`unknown workload ${workload}`);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
