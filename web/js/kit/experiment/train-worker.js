// The training worker (a module worker): owns its own engine instance and one experiment (the
// comparison lab's activations, or its share of them when several workers train side by side), and
// answers the main thread's requests one at a time, in order, so the page never waits on training.
//
//   → {type: 'init', wasmModule}      first: the page's compiled engine module, or null to load its own
//   → {id, type: 'open', spec}        ← {id, ok, result: {train, test, extent, snapshot}}
//   → {id, type: 'advance', steps}    ← {id, ok, result: {snapshot, trainMs}}
//   → {id, type: 'close'}             ← {id, ok}
//   ← {type: 'ready'} once the engine has loaded, or {type: 'failed', message}
// A request that fails answers {id, ok: false, message} (the engine's message) and changes nothing.
import createActLab from '../../../engine/actlab.js';
import { openExperiment, transferables } from './experiment.js';

let experiment = null;
let enginePromise = null;

/** Instantiates the engine from the page's module (no fetch, no compile) or, without one, loads it. */
function startEngine(wasmModule) {
  enginePromise = createActLab(wasmModule ? { wasmModule } : {});
  enginePromise.then(
    () => self.postMessage({ type: 'ready' }),
    (error) => self.postMessage({ type: 'failed', message: String(error && error.message ? error.message : error) }));
}

function handle(engine, message) {
  switch (message.type) {
    case 'open': {
      const next = openExperiment(engine, message.spec);
      if (experiment) experiment.close();
      experiment = next;
      const snapshot = experiment.snapshot();
      const { train, test, extent } = experiment;
      return { result: { train, test, extent, snapshot }, transfer: transferables(snapshot) };
    }
    case 'advance': {
      if (!experiment) throw new Error('no experiment is open');
      const started = Date.now();
      experiment.advance(message.steps);
      const trainMs = Date.now() - started;
      const snapshot = experiment.snapshot();
      return { result: { snapshot, trainMs }, transfer: transferables(snapshot) };
    }
    case 'close':
      if (experiment) experiment.close();
      experiment = null;
      return { result: null, transfer: [] };
    default:
      throw new Error(`unknown request ${message.type}`);
  }
}

self.addEventListener('message', async (event) => {
  const message = event.data || {};
  if (message.type === 'init') {
    if (!enginePromise) startEngine(message.wasmModule);
    return;
  }
  if (!enginePromise) startEngine(null); // a caller that sent no 'init'
  let engine;
  try {
    engine = await enginePromise;
  } catch (error) {
    self.postMessage({ id: message.id, ok: false, message: String(error && error.message ? error.message : error) });
    return;
  }
  try {
    const { result, transfer } = handle(engine, message);
    self.postMessage({ id: message.id, ok: true, result }, transfer);
  } catch (error) {
    self.postMessage({ id: message.id, ok: false, message: String(error && error.message ? error.message : error) });
  }
});
