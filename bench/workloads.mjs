// The benchmark workloads W1–W3, defined once and generated identically for every contender
// (see bench/README.md for the prose definition). Every number a contender reads — data, targets,
// starting weights, sweep points — is a float32 value, so the float32 contenders (TensorFlow.js,
// plain JavaScript) start from exactly the same numbers as the double-precision engine.

// --- ActLab's own generator, reproduced in JavaScript ----------------------------------------
// xoshiro256** seeded through SplitMix64 (cpp/engine/random.cpp). BigInt is slow, but it only runs
// while the workloads are generated, never while anything is timed.
const MASK = (1n << 64n) - 1n;
const rotl = (x, k) => ((x << k) | (x >> (64n - k))) & MASK;

export class Random {
  constructor(seed) {
    let x = BigInt(seed);
    const splitmix64 = () => {
      x = (x + 0x9e3779b97f4a7c15n) & MASK;
      let z = x;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
      return z ^ (z >> 31n);
    };
    this.state = [splitmix64(), splitmix64(), splitmix64(), splitmix64()];
    this.spare = null;
  }
  nextU64() {
    const s = this.state;
    const result = (rotl((s[1] * 5n) & MASK, 7n) * 9n) & MASK;
    const t = (s[1] << 17n) & MASK;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45n);
    return result;
  }
  uniform(low = 0, high = 1) {
    return low + (high - low) * (Number(this.nextU64() >> 11n) * 2 ** -53);
  }
  normal(mean = 0, std = 1) { // Box–Muller with a spare, as Random::normal
    if (this.spare !== null) {
      const spare = this.spare;
      this.spare = null;
      return mean + std * spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spare = radius * Math.sin(angle);
    return mean + std * radius * Math.cos(angle);
  }
  below(n) { // uniform integer in [0, n), rejection sampling as Random::below
    const bn = BigInt(n);
    const limit = MASK - (MASK % bn);
    let x;
    do x = this.nextU64(); while (x >= limit);
    return Number(x % bn);
  }
}

const f32 = Math.fround;

// Xavier-uniform weights (units × fan_in, row j = weights into unit j), drawn layer by layer,
// row by row, rounded to float32; biases 0.
function xavierLayers(random, inputSize, units) {
  const layers = [];
  let fanIn = inputSize;
  for (const u of units) {
    const bound = Math.sqrt(6 / (fanIn + u));
    const weights = Array.from({ length: u }, () => Array.from({ length: fanIn }, () => f32(random.uniform(-bound, bound))));
    layers.push({ weights, biases: new Array(u).fill(0) });
    fanIn = u;
  }
  return layers;
}

// --- W1: train steps on two spirals ---------------------------------------------------------------
export const W1 = {
  activations: ['tanh', 'relu', 'sigmoid'],
  inputSize: 2,
  units: [64, 64, 64, 1],
  points: 1024,
  noise: 0.1,
  dataSeed: 1,
  weightSeed: 42,
  shuffleSeed: 1,
  learningRate: 0.03,
  batchSize: 32,
  checkSteps: 300, // the cross-check trains this many steps from the starting weights
  warmupSteps: 200,
};

// Two interleaved spirals, exactly as ActLab's {"dataset": {"kind": "spirals", "size": 1024,
// "noise": 0.1, "seed": 1}} (cpp/engine/dataset.cpp), each coordinate rounded to float32.
function spirals(size, noise, seed) {
  const random = new Random(seed);
  const inputs = new Float64Array(size * 2);
  const targets = new Float64Array(size);
  for (let k = 0; k < size; k += 1) {
    const label = k % 2;
    const t = random.uniform(0.05, 1.0);
    const angle = 3.5 * Math.PI * t + label * Math.PI;
    const x = t * Math.cos(angle);
    const y = t * Math.sin(angle);
    inputs[2 * k] = f32(x + random.normal(0, noise));
    inputs[2 * k + 1] = f32(y + random.normal(0, noise));
    targets[k] = label;
  }
  return { inputs, targets };
}

/**
 * The example order of ActLab's Trainer for `steps` minibatches (cpp/engine/trainer.cpp): the
 * examples in a Fisher–Yates order drawn from Random(shuffleSeed), reshuffled at every epoch.
 * The other contenders train on exactly these minibatches.
 */
export function trainerOrder(rows, steps, batchSize, seed) {
  const random = new Random(seed);
  const order = Array.from({ length: rows }, (_, k) => k);
  const batch = Math.min(batchSize, rows);
  const out = new Int32Array(steps * batch);
  let cursor = rows;
  for (let n = 0; n < out.length; n += 1) {
    if (cursor === rows) {
      for (let k = rows; k > 1; k -= 1) {
        const j = random.below(k);
        [order[k - 1], order[j]] = [order[j], order[k - 1]];
      }
      cursor = 0;
    }
    out[n] = order[cursor++];
  }
  return out;
}

// --- W2: activation sweep ------------------------------------------------------------------------
export const W2 = {
  activations: [
    { activation: 'sigmoid' },
    { activation: 'tanh' },
    { activation: 'relu' },
    { activation: 'leaky_relu', slope: 0.01 },
  ],
  points: 1_000_000,
  low: -10,
  high: 10,
};

/** x_k = fround(−10 + 20·k/(N−1)), k = 0 … N−1 (0 itself is not among them). */
export function sweepPoints() {
  const { points, low, high } = W2;
  const x = new Float64Array(points);
  for (let k = 0; k < points; k += 1) x[k] = f32(low + ((high - low) * k) / (points - 1));
  return x;
}

// --- W3: deep probe --------------------------------------------------------------------------------
export const W3 = {
  activations: ['sigmoid', 'tanh', 'relu'],
  inputSize: 100,
  depth: 20,
  width: 100,
  batch: 256,
  seed: 7,
};

/** Everything W1 and W3 need, as plain JSON (also read by the native driver). */
export function makeWorkloads() {
  const w1Data = spirals(W1.points, W1.noise, W1.dataSeed);
  const w1 = {
    ...W1,
    inputs: Array.from(w1Data.inputs),
    targets: Array.from(w1Data.targets),
    layers: xavierLayers(new Random(W1.weightSeed), W1.inputSize, W1.units),
  };
  const random = new Random(W3.seed);
  const w3Layers = xavierLayers(random, W3.inputSize, new Array(W3.depth).fill(W3.width));
  const w3 = {
    ...W3,
    layers: w3Layers,
    inputs: Array.from({ length: W3.batch * W3.inputSize }, () => f32(random.uniform(-1, 1))),
    targets: Array.from({ length: W3.batch * W3.width }, () => f32(random.uniform(0, 1))),
  };
  return { w1, w2: W2, w3 };
}

/** W1's network as ActLab layer specs for one hidden activation. */
export function w1LayerSpecs(activation) {
  return W1.units.map((units, l) => ({ units, activation: l === W1.units.length - 1 ? 'sigmoid' : activation }));
}
