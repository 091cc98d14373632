// The sandbox frame's own script: it never runs a cell's code itself. For each run it starts a Worker
// (scratch-worker.js), hands it the engine's compiled module, passes its messages up to the notebook
// and ends it when the code is done, on Stop, or at the time limit. A worker stuck in an endless loop
// costs only its own thread.
//
// An opaque origin can load nothing that needs CORS, and a static host may send no
// Access-Control-Allow-Origin header: so this is a classic script, and the notebook (same-origin,
// where a fetch needs no CORS) sends the worker's and the engine's module sources, which become
// blob: URLs here, each import and import.meta.url pointed at them. Chromium starts no module worker
// from a blob: URL in an opaque origin, so the worker is a classic one that imports the module.
//
//   notebook → {type: 'setup', bytes, sources: [{url, text}]}   once: actlab-core.wasm and the modules,
//                                                                in import order (the engine's core first)
//   notebook → {type: 'run', id, code, limitMs}       ← {type: 'output', id, item}…, {type: 'done', id, …}
//   notebook → {type: 'stop', id}                     ← {type: 'done', id, status: 'stopped'}
//   ← {type: 'ready'} when this script has started; {type: 'refused'} if the frame is not sandboxed

let wasmModule = null; // a Promise of the compiled engine
let workerSource = null; // the blob: URL a worker starts from
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

const blobUrl = (text) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));

/** The modules as blob: URLs, each relative import replaced by its blob: URL and import.meta.url by its real URL. */
function setup({ bytes, sources }) {
  wasmModule = WebAssembly.compile(bytes);
  const blobs = new Map(); // real URL → blob: URL
  for (const { url, text } of sources) {
    let linked = text.split('import.meta.url').join(JSON.stringify(url));
    linked = linked.replace(/(from\s*|import\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\2/g, (match, lead, quote, specifier) => {
      const target = blobs.get(new URL(specifier, url).href);
      return target ? `${lead}${JSON.stringify(target)}` : match;
    });
    blobs.set(url, blobUrl(linked));
  }
  const worker = blobs.get(sources[sources.length - 1].url);
  workerSource = blobUrl(`import(${JSON.stringify(worker)}).catch((error) => `
    + `postMessage({ type: 'done', status: 'error', error: { name: 'Error', message: String(error) } }));\n`);
}

function start({ id, code, limitMs }) {
  if (!workerSource) {
    post({ type: 'done', id, status: 'error', error: { name: 'Error', message: 'the sandbox has not been set up' } });
    return;
  }
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
    if (message.type === 'setup' && message.bytes instanceof ArrayBuffer && !wasmModule) setup(message);
    else if (message.type === 'run' && typeof message.id === 'number' && typeof message.code === 'string') start(message);
    else if (message.type === 'stop') finish(message.id, { status: 'stopped' });
  });
  post({ type: 'ready' });
}
