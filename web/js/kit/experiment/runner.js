// Runs an experiment (experiment.js) off the main thread in module workers (train-worker.js): its
// networks (the comparison lab's activations) split into groups, a worker each, up to the number of
// cores (activation-groups.js), and the groups' snapshots merged, or, where no worker can start
// (e.g. the widget's script is served from another origin than the page, or Worker is missing), on
// the main thread with the shared engine. Both answer the same calls:
//
//   const runner = await createRunner({ engine, useWorker: true });
//   const { train, test, extent, snapshot } = await runner.open(spec);
//   const { snapshot, trainMs } = await runner.advance(25);   // 25 minibatch steps, then measure
//   runner.destroy();
//
// runner.kind is 'worker' or 'inline'. Inline, the caller keeps each advance small (trainMs tells it
// how long steps take) so the page stays responsive between animation frames. Every worker
// instantiates the engine from the page's one compiled module (engine-loader.js).
import { loadEngine, loadEngineModule } from '../../adapter/engine-loader.js';
import { groupCount, mergeAdvanced, mergeOpened, splitSpec } from './activation-groups.js';
import { openExperiment } from './experiment.js';

const WORKER_START_TIMEOUT = 20000;

/** The worker's first message: the compiled engine module to instantiate, or none (it loads its own). */
function sendEngineModule(worker, wasmModule) {
  try {
    worker.postMessage({ type: 'init', wasmModule });
  } catch {
    worker.postMessage({ type: 'init', wasmModule: null }); // a module that cannot be posted
  }
}

function startWorker() {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(new URL('./train-worker.js', import.meta.url), { type: 'module', name: 'actlab-training' });
    } catch (error) {
      reject(error);
      return;
    }
    // The worker's script loads while the page's module compiles (once, shared by every worker).
    loadEngineModule().then((wasmModule) => sendEngineModule(worker, wasmModule));
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

/** Calls to one worker, answered in order: call(type, payload) → Promise of its result. */
function workerClient(worker) {
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
    call,
    terminate() {
      worker.terminate();
      const stopped = new Error('stopped');
      for (const entry of pending.values()) entry.reject(stopped);
      pending.clear();
    },
  };
}

function cores() {
  return typeof navigator === 'object' && navigator && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 1;
}

/**
 * The experiment's networks on up to `maxWorkers` workers (the first already started; more start
 * when an experiment with more networks opens, and stay for the next). A worker that cannot start
 * leaves its share to the others.
 */
function workerRunner(first, maxWorkers) {
  const clients = [workerClient(first)];
  let used = 0; // how many workers hold the open experiment's groups
  let destroyed = false;

  async function enlist(count) {
    const wanted = count - clients.length;
    if (wanted <= 0) return;
    const started = await Promise.allSettled(Array.from({ length: wanted }, () => startWorker()));
    for (const outcome of started) {
      if (outcome.status !== 'fulfilled') continue;
      if (destroyed) outcome.value.terminate();
      else clients.push(workerClient(outcome.value));
    }
  }

  const inUse = () => clients.slice(0, used);

  return {
    kind: 'worker',
    get workers() { return used; },
    async open(spec) {
      const count = groupCount(spec.networks.length, maxWorkers);
      await enlist(count);
      if (destroyed) throw new Error('stopped');
      const groups = splitSpec(spec, Math.min(count, clients.length));
      // Workers left over from a larger experiment let go of theirs.
      const idle = clients.slice(groups.length, used);
      used = 0;
      for (const client of idle) client.call('close').catch(() => {});
      const opened = await Promise.allSettled(groups.map((group, g) => clients[g].call('open', { spec: group })));
      const failed = opened.find((outcome) => outcome.status === 'rejected');
      if (failed) {
        // No half-open experiment: the groups that did open close again.
        for (const client of clients.slice(0, groups.length)) client.call('close').catch(() => {});
        throw failed.reason;
      }
      used = groups.length;
      return mergeOpened(opened.map((outcome) => outcome.value));
    },
    async advance(steps) {
      if (used === 0) return clients[0].call('advance', { steps }); // the worker's own "no experiment is open"
      return mergeAdvanced(await Promise.all(inUse().map((client) => client.call('advance', { steps }))));
    },
    async close() {
      await Promise.all(clients.map((client) => client.call('close')));
      used = 0;
    },
    destroy() {
      destroyed = true;
      for (const client of clients) client.terminate();
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
 * createRunner({engine, useWorker = true, maxWorkers}) → Promise<runner>. `engine` is used only for
 * the inline fallback (default: the page's shared engine from engine-loader.js); maxWorkers (default:
 * the number of cores) bounds how many workers share an experiment's networks.
 */
export async function createRunner({ engine = null, useWorker = true, maxWorkers = cores() } = {}) {
  if (useWorker && typeof Worker === 'function') {
    try {
      return workerRunner(await startWorker(), maxWorkers);
    } catch { /* fall back to the main thread below */ }
  }
  return inlineRunner(engine || await loadEngine());
}
