// Shared by the tests in this folder: the WebAssembly engine, the native CLI, a seeded random
// number generator and a recursive numeric comparison.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// ACTLAB_CLI picks another build of the CLI (npm run test:sanitize uses build/sanitize/actlab).
export const cliPath = path.resolve(repo, process.env.ACTLAB_CLI ?? 'build/native/actlab');

/** The engine through the package's main export (web/engine/actlab.js), created once per test file. */
let enginePromise;
export function loadEngine() {
  enginePromise ??= import(pathToFileURL(path.join(repo, 'web/engine/actlab.js')).href)
    .then(({ default: createActLab }) => createActLab());
  return enginePromise;
}

/** Runs `actlab eval` on a request (an object, sent as JSON, or raw text). */
export function runCli(request) {
  if (!fs.existsSync(cliPath)) throw new Error(`${cliPath} is missing: run scripts/build.sh native first`);
  const input = typeof request === 'string' ? request : JSON.stringify(request);
  const result = spawnSync(cliPath, ['eval'], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI's response to a request that must succeed. */
export function cliEvaluate(request) {
  const { status, stdout, stderr } = runCli(request);
  if (status !== 0) throw new Error(`actlab eval exited with ${status}: ${stderr.trim()}`);
  return JSON.parse(stdout);
}

/** mulberry32: a small seeded PRNG with helpers, so every run generates the same requests. */
export function makeRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = {
    next,
    chance: (p) => next() < p,
    uniform: (low, high) => low + (high - low) * next(),
    integer: (low, high) => low + Math.floor(next() * (high - low + 1)), // inclusive
    pick: (list) => list[Math.floor(next() * list.length)],
    list: (n, make) => Array.from({ length: n }, (_, k) => make(k)),
  };
  return random;
}

/**
 * Compares two JSON values: identical structure (keys, lengths, types, strings, booleans) and numbers
 * equal within a relative tolerance. Returns {maxRelative, where, numbers}; throws on the first mismatch.
 * `toleranceFor(path)` may return a looser tolerance for some paths.
 */
export function compareResponses(actual, expected, { tolerance = 1e-12, floor = 1e-300, toleranceFor } = {}) {
  const stats = { maxRelative: 0, where: '', numbers: 0 };
  const walk = (a, b, where) => {
    const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
    if (kind(a) !== kind(b)) throw new Error(`${where || 'response'}: ${kind(a)} vs ${kind(b)}`);
    if (Array.isArray(a)) {
      if (a.length !== b.length) throw new Error(`${where}: length ${a.length} vs ${b.length}`);
      a.forEach((item, k) => walk(item, b[k], `${where}[${k}]`));
    } else if (kind(a) === 'object') {
      const keys = Object.keys(a).sort();
      const otherKeys = Object.keys(b).sort();
      if (keys.join() !== otherKeys.join()) throw new Error(`${where || 'response'}: keys ${keys} vs ${otherKeys}`);
      for (const key of keys) walk(a[key], b[key], where ? `${where}.${key}` : key);
    } else if (typeof a === 'number') {
      stats.numbers++;
      if (a === b) return;
      const relative = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
      if (relative > stats.maxRelative) Object.assign(stats, { maxRelative: relative, where });
      const allowed = toleranceFor?.(where) ?? tolerance;
      if (!(relative <= allowed)) throw new Error(`${where}: ${a} vs ${b} (relative difference ${relative.toExponential(2)} > ${allowed})`);
    } else if (a !== b) {
      throw new Error(`${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
  };
  walk(actual, expected, '');
  return stats;
}
