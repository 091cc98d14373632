// Helpers for the lab and playground browser tests: load the notebook at a widget's hash and wait
// until that widget is idle, wait for a step, read the numbers the page shows (data-value holds
// the engine's number in full; the text is its rounded form), and compute the same experiment in
// Node with the same engine module and the same request-building code, for comparison.
import createActLab from '../../web/engine/actlab.js';
import { openExperiment } from '../../web/js/kit/experiment/experiment.js';
import { formatHash } from '../../web/js/kit/state/hash.js';
import { startHarness } from './helpers.mjs';

/**
 * Registers before/after hooks on `test` for the server + browser and an engine in Node; returns
 * {harness, engine} (filled in once the hooks have run).
 */
export function useHarness(test) {
  const shared = { harness: null, engine: null };
  test.before(async () => {
    shared.harness = await startHarness();
    shared.engine = await createActLab();
  });
  test.after(async () => { await shared.harness.close(); });
  return shared;
}

export const LAB = '.actlab-lab';
export const PLAYGROUND = '.actlab-playground';

/** Loads the notebook at `hash` and waits until the page and the widget `root` are ready and idle. */
export async function gotoWidget(page, url, hash, root) {
  await page.goto(`${url}${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await waitIdle(page, root);
}

export async function waitIdle(page, root, timeout = 60000) {
  await page.waitForFunction((selector) => {
    const element = document.querySelector(selector);
    return element && element.dataset.phase === 'idle';
  }, root, { timeout });
}

/** Wait until the widget has shown step `step` and stopped. */
export async function waitStep(page, root, step, timeout = 60000) {
  await page.waitForFunction(([selector, wanted]) => {
    const element = document.querySelector(selector);
    return element && element.dataset.step === String(wanted) && element.dataset.phase === 'idle';
  }, [root, step], { timeout });
}

export async function currentStep(page, root) {
  return Number(await page.getAttribute(root, 'data-step'));
}

/** data-value of the first element matching `selector` (a number, or null when empty). */
export async function shownValue(page, selector) {
  const text = await page.getAttribute(selector, 'data-value');
  return text === null || text === '' ? null : Number(text);
}

export function hashFor(section, encode, state) {
  return formatHash(section, encode(state));
}

/** The experiment for `state`, run in Node to `steps` steps: the snapshot the page should show. */
export function nodeSnapshot(engine, spec, steps) {
  const experiment = openExperiment(engine, spec);
  try {
    if (steps > 0) experiment.advance(steps);
    return { snapshot: experiment.snapshot(), train: experiment.train, test: experiment.test };
  } finally {
    experiment.close();
  }
}

export const relativeError = (a, b) => Math.abs(a - b) / Math.max(1e-300, Math.abs(a), Math.abs(b));

/** Does the page scroll sideways? */
export async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * The first step whose minibatch loss is not finite, training one step per call in Node (no chunks,
 * no replay: an independent reference for where a run diverged), or null within `maxSteps`.
 */
export function divergenceStep(engine, sessionSpec, datasetSpec, batch, maxSteps) {
  const data = engine.evaluate({ dataset: datasetSpec }).dataset;
  const session = engine.createSession(sessionSpec);
  try {
    session.setTrainingData(data.inputs, data.targets);
    for (let k = 1; k <= maxSteps; k += 1) if (!Number.isFinite(session.train(1, batch))) return k;
    return null;
  } finally {
    session.delete();
  }
}
