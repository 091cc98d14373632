// What every JavaScript contender shares: the timing loop and the workload helpers.
import { W1, trainerOrder } from '../workloads.mjs';

/**
 * Calls `work()` `warmup` times, then repeatedly until at least `minSeconds` have passed and
 * `minIterations` calls were made. Returns milliseconds per call (the mean of this run).
 */
export function timeLoop(work, { warmup = 2, minSeconds = 1, minIterations = 3 } = {}) {
  for (let k = 0; k < warmup; k += 1) work();
  let iterations = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  do {
    work();
    iterations += 1;
    elapsed = performance.now() - start;
  } while (elapsed < minSeconds * 1000 || iterations < minIterations);
  const cpu = process.cpuUsage(cpuStart);
  // Process CPU time (all threads): steadier than wall time on a busy machine, for A/B comparisons.
  const cpuMsPerCall = (cpu.user + cpu.system) / 1000 / iterations;
  return { msPerCall: elapsed / iterations, cpuMsPerCall, iterations, seconds: elapsed / 1000 };
}

/** The minibatch order of the W1 cross-check (ActLab's Trainer order), reused cyclically when timing. */
let cachedOrder;
export function w1Order() {
  cachedOrder ??= trainerOrder(W1.points, W1.checkSteps, W1.batchSize, W1.shuffleSeed);
  return cachedOrder;
}

/** Fills x (batch × 2) and t (batch) with minibatch `step` of the W1 order. */
export function gatherBatch(work, step, x, t) {
  const order = w1Order();
  const steps = order.length / W1.batchSize;
  const base = (step % steps) * W1.batchSize;
  for (let r = 0; r < W1.batchSize; r += 1) {
    const k = order[base + r];
    x[2 * r] = work.inputs[2 * k];
    x[2 * r + 1] = work.inputs[2 * k + 1];
    t[r] = work.targets[k];
  }
}

/** A digest of a curve for the cross-check: sums and every 997th point. */
export function curveDigest(values, derivatives) {
  let sumValues = 0;
  let sumDerivatives = 0;
  const sampleValues = [];
  const sampleDerivatives = [];
  for (let k = 0; k < values.length; k += 1) {
    sumValues += values[k];
    sumDerivatives += derivatives[k];
    if (k % 997 === 0) {
      sampleValues.push(values[k]);
      sampleDerivatives.push(derivatives[k]);
    }
  }
  return { sumValues, sumDerivatives, sampleValues, sampleDerivatives };
}
