// Quick parity check for engine changes made for speed: the same network requests through two
// engines, every number compared.
//   node bench/tools/parity.mjs A B [--exact]
// A and B are each a native CLI (path to an `actlab` executable) or a wasm engine (path to an
// actlab.js). Without --exact numbers must agree to 1e-12 relative (native vs wasm); with it, bit
// for bit (old vs new build of the same engine on one platform). The native/wasm comparison allows
// 1e-16 absolute where a value cancelled to almost nothing (glibc and musl differ in a last bit).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Random } from '../workloads.mjs';

const [first, second] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const exact = process.argv.includes('--exact');

async function engine(target) {
  if (target.endsWith('.js')) {
    const { default: createActLab } = await import(pathToFileURL(path.resolve(target)).href);
    const e = await createActLab();
    return (request) => e.evaluate(request);
  }
  return (request) => {
    const r = spawnSync(target, ['eval'], { input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`${target}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
}

// Networks of every activation, odd and even widths (the products work in blocks of 8 columns),
// batches of 1 and more, both losses, PReLU shared and per unit, traces, gradient checks, updates.
function requests() {
  const random = new Random(2024);
  const pick = (list) => list[random.below(list.length)];
  const activations = ['identity', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'prelu', 'elu', 'gelu', 'silu', 'softplus'];
  const out = [];
  for (let n = 0; n < 40; n += 1) {
    const inputSize = 1 + random.below(12);
    const depth = 1 + random.below(4);
    const layers = Array.from({ length: depth }, (_, l) => {
      const last = l === depth - 1;
      const activation = last && n % 2 === 0 ? 'sigmoid' : pick(activations);
      const layer = { units: last ? 1 + random.below(3) : 1 + random.below(37), activation };
      if (activation === 'prelu' && random.below(2)) layer.alpha_mode = 'per_unit';
      return layer;
    });
    const batch = n % 5 === 0 ? 1 : 1 + random.below(40);
    const outputs = layers[depth - 1].units;
    const request = {
      input_size: inputSize,
      layers,
      init: { scheme: pick(['xavier_uniform', 'kaiming_normal', 'uniform']), seed: n, scale: 0.8, bias: 0.05 },
      inputs: Array.from({ length: batch }, () => Array.from({ length: inputSize }, () => random.uniform(-2, 2))),
      targets: Array.from({ length: batch }, () => Array.from({ length: outputs }, () => random.below(2))),
      loss: n % 2 === 0 ? 'bce' : 'mse',
      trace: n % 3 === 0,
      gradient_check: n % 4 === 0,
    };
    if (n % 2 === 0) request.layers[depth - 1].activation = 'sigmoid';
    if (n % 3 === 1) request.update = { optimiser: pick(['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad']), learning_rate: 0.05, steps: 5 };
    out.push(request);
  }
  return out;
}

let worst = 0;
let count = 0;
function compare(a, b, where) {
  if (typeof a === 'number' && typeof b === 'number') {
    count += 1;
    if (exact ? !Object.is(a, b) : false) throw new Error(`${where}: ${a} !== ${b}`);
    const rel = a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    worst = Math.max(worst, rel);
    // 1e-12 relative, or 1e-16 absolute for values that cancelled down to almost nothing.
    if (rel > 1e-12 && Math.abs(a - b) > 1e-16) throw new Error(`${where}: ${a} vs ${b} (relative ${rel})`);
    return;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) throw new Error(`${where}: length differs`);
    a.forEach((v, k) => compare(v, b[k], `${where}[${k}]`));
    return;
  }
  if (a && typeof a === 'object') {
    const keys = Object.keys(a).sort();
    if (JSON.stringify(keys) !== JSON.stringify(Object.keys(b ?? {}).sort())) throw new Error(`${where}: keys differ`);
    keys.forEach((k) => compare(a[k], b[k], `${where}.${k}`));
    return;
  }
  if (a !== b) throw new Error(`${where}: ${a} !== ${b}`);
}

const [evalA, evalB] = [await engine(first), await engine(second)];
const all = requests();
all.forEach((request, k) => {
  // The gradient check's finite differences magnify last-bit differences between the platforms'
  // libm (glibc natively, musl in wasm) about a million times: it is compared on its own, as
  // tests/wasm/parity.test.mjs does (bit for bit between two native builds).
  const { gradient_check: checkA, ...a } = evalA(request);
  const { gradient_check: checkB, ...b } = evalB(request);
  compare(a, b, `request ${k}`);
  if (checkA || checkB) {
    if (exact) compare(checkA, checkB, `request ${k}.gradient_check`);
    else if (Math.abs(checkA.max_relative_error - checkB.max_relative_error) > 1e-5) {
      throw new Error(`request ${k}.gradient_check: ${checkA.max_relative_error} vs ${checkB.max_relative_error}`);
    }
  }
});
console.log(`parity ${exact ? '(bit for bit)' : '(1e-12 relative)'}: ${all.length} requests, ${count} numbers, largest relative difference ${worst}`);
