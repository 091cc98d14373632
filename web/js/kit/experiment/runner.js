// Runs an experiment (experiment.js) off the main thread in a module worker (train-worker.js), or,
// where no worker can start (e.g. the widget's script is served from another origin than the page,
// or Worker is missing), on the main thread with the shared engine. Both answer the same calls:
//
//   const runner = await createRunner({ engine, useWorker: true });
//   const { train, test, extent, snapshot } = await runner.open(spec);
//   const { snapshot, trainMs } = await runner.advance(25);   // 25 minibatch steps, then measure
//   runner.destroy();
//
// runner.kind is 'worker' or 'inline'. Inline, the caller keeps each advance small (trainMs tells it
// how long steps take) so the page stays responsive between animation frames.
import { loadEngine } from '../../adapter/engine-loader.js';
import { openExperiment } from './experiment.js';

const WORKER_START_TIMEOUT = 20000;

function startWorker() {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(new URL('./train-worker.js', import.meta.url), { type: 'module', name: 'actlab-training' });
    } catch (error) {
      reject(error);
      return;
    }
    const timer = setTimeout(() => { cleanup(); worker.terminate(); reject(new Error('worker start timed out')); }, WORKER_START_TIMEOUT);
    function cleanup() {
      clearTimeout(timer);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    }
    function onMessage(event) {
      const message = event.data || {};
      if (message.type === 'ready') { cleanup(); resolve(worker); }
      if (message.type === 'failed') { cleanup(); worker.terminate(); reject(new Error(message.message)); }
    }
    function onError(event) {
      event.preventDefault();
      cleanup();
      worker.terminate();
      reject(new Error(event.message || 'worker failed to load'));
    }
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
}

function workerRunner(worker) {
  let nextId = 1;
  const pending = new Map();
  let broken = null;
  worker.addEventListener('message', (event) => {
    const message = event.data || {};
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    if (message.ok) entry.resolve(message.result);
    else entry.reject(new Error(message.message));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    broken = new Error(event.message || 'the training worker stopped');
    for (const entry of pending.values()) entry.reject(broken);
    pending.clear();
  });
  function call(type, payload = {}) {
    if (broken) return Promise.reject(broken);
    const id = nextId;
    nextId += 1;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, type, ...payload });
    });
  }
  return {
    kind: 'worker',
    open: (spec) => call('open', { spec }),
    advance: (steps) => call('advance', { steps }),
    close: () => call('close'),
    destroy() {
      worker.terminate();
      const stopped = new Error('stopped');
      for (const entry of pending.values()) entry.reject(stopped);
      pending.clear();
    },
  };
}

function inlineRunner(engine) {
  let experiment = null;
  let destroyed = false;
  const guard = () => { if (destroyed) throw new Error('stopped'); };
  return {
    kind: 'inline',
    async open(spec) {
      guard();
      const next = openExperiment(engine, spec);
      if (experiment) experiment.close();
      experiment = next;
      return { train: experiment.train, test: experiment.test, extent: experiment.extent, snapshot: experiment.snapshot() };
    },
    async advance(steps) {
      guard();
      if (!experiment) throw new Error('no experiment is open');
      const started = Date.now();
      experiment.advance(steps);
      const trainMs = Date.now() - started;
      return { snapshot: experiment.snapshot(), trainMs };
    },
    async close() { if (experiment) experiment.close(); experiment = null; },
    destroy() { destroyed = true; if (experiment) experiment.close(); experiment = null; },
  };
}

/**
 * createRunner({engine, useWorker = true}) → Promise<runner>. `engine` is used only for the inline
 * fallback (default: the page's shared engine from engine-loader.js).
 */
export async function createRunner({ engine = null, useWorker = true } = {}) {
  if (useWorker && typeof Worker === 'function') {
    try {
      return workerRunner(await startWorker());
    } catch { /* fall back to the main thread below */ }
  }
  return inlineRunner(engine || await loadEngine());
}
