// The sandbox frame's own script: it never runs a cell's code itself. For each run it starts a Worker
// (scratch-worker.js, made from a blob: URL because an opaque origin may start no other), hands it the
// engine's compiled module, passes its messages up to the notebook and ends it when the code is done,
// on Stop, or at the time limit. A worker stuck in an endless loop costs only its own thread.
// Chromium refuses module workers from blob: URLs in an opaque origin, so the worker is a classic one
// whose one line imports the real module, which says {type: 'ready'} when it listens.
//
//   notebook → {type: 'wasm', bytes}                  once: actlab-core.wasm, compiled here
//   notebook → {type: 'run', id, code, limitMs}       ← {type: 'output', id, item}…, {type: 'done', id, …}
//   notebook → {type: 'stop', id}                     ← {type: 'done', id, status: 'stopped'}
//   ← {type: 'ready'} when this script has started; {type: 'refused'} if the frame is not sandboxed

const WORKER_URL = new URL('scratch-worker.js', import.meta.url).href;
const workerSource = URL.createObjectURL(new Blob([`import(${JSON.stringify(WORKER_URL)}).catch((error) => `
  + `postMessage({ type: 'done', status: 'error', error: { name: 'Error', message: String(error) } }));\n`],
{ type: 'text/javascript' }));

let wasmModule = null; // a Promise of the compiled engine
const runs = new Map(); // id → {worker, timer}

const post = (message) => parent.postMessage(message, '*');

function finish(id, outcome) {
  const run = runs.get(id);
  if (!run) return;
  runs.delete(id);
  clearTimeout(run.timer);
  run.worker.terminate();
  post({ type: 'done', id, ...outcome });
}

function start({ id, code, limitMs }) {
  const worker = new Worker(workerSource);
  const timer = setTimeout(() => finish(id, { status: 'timeout' }), limitMs);
  runs.set(id, { worker, timer });
  worker.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'ready') send();
    else if (message.type === 'output') post({ type: 'output', id, item: message.item });
    else if (message.type === 'done') finish(id, { status: message.status === 'ok' ? 'ok' : 'error', error: message.error });
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    finish(id, { status: 'error', error: { name: 'Error', message: event.message || 'the sandbox worker failed to start' } });
  });
  async function send() {
    let module;
    try {
      module = await wasmModule;
    } catch (error) {
      finish(id, { status: 'error', error: { name: 'Error', message: `engine: ${error.message}` } });
      return;
    }
    if (runs.has(id)) worker.postMessage({ type: 'run', code, wasmModule: module });
  }
}

// An opaque origin is what keeps the page's storage and cookies out of reach: opened any other way
// (top-level, or framed without the sandbox attribute) this page runs nothing.
if (self.origin !== 'null') {
  post({ type: 'refused' });
} else {
  addEventListener('message', (event) => {
    if (event.source !== parent) return;
    const message = event.data || {};
    if (message.type === 'wasm' && message.bytes instanceof ArrayBuffer) wasmModule = WebAssembly.compile(message.bytes);
    else if (message.type === 'run' && typeof message.id === 'number' && typeof message.code === 'string') start(message);
    else if (message.type === 'stop') finish(message.id, { status: 'stopped' });
  });
  post({ type: 'ready' });
}
