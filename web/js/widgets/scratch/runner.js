// Runs a scratch cell's code away from the page (docs/scratch.md): in a worker inside one hidden
// frame per page, web/sandbox/scratch.html, framed with sandbox="allow-scripts". That frame has an
// opaque origin (none of the page's DOM, storage or cookies), a policy of its own that allows eval
// but no network (connect-src 'none'), and starts a worker per run that it ends on Stop or at the
// time limit; the page keeps its strict policy and never evaluates the code itself.
//
//   const run = runCell(code, { onOutput(item) {} });
//   run.stop();                                   // Stop button
//   const { status, error } = await run.done;     // 'ok' | 'error' | 'stopped' | 'timeout'
import { siteUrl } from '../../kit/site.js';
import { checkOutput } from './model.js';

/** How long one run may take before it is ended (the cell says so). */
export const TIME_LIMIT_MS = 15000;
// The frame enforces the limit; the page waits this much longer before giving up on the frame itself.
const GRACE_MS = 3000;

let sandbox = null; // Promise of {frame}
const runs = new Map(); // id → {onOutput, finish}
let nextId = 1;

function onMessage(event) {
  if (!sandbox || event.source !== sandbox.frame.contentWindow) return;
  const message = event.data;
  if (!message || typeof message !== 'object') return;
  if (message.type === 'ready') sandbox.ready();
  else if (message.type === 'refused') sandbox.failed(new Error('the sandbox refused to start'));
  const run = runs.get(message.id);
  if (!run) return;
  if (message.type === 'output') {
    const item = checkOutput(message.item);
    if (item) run.onOutput(item);
  } else if (message.type === 'done') {
    run.finish(message.status, message.error);
  }
}

// What the frame needs and may not fetch itself (no network, and no CORS from an opaque origin): the
// engine's .wasm and the worker's modules, in import order, the engine's core first.
const WASM = 'engine/generated/actlab-core.wasm';
const MODULES = ['engine/generated/actlab-core.js', 'engine/actlab.js', 'sandbox/scratch-worker.js'];

async function fetchOk(path, read) {
  const response = await fetch(siteUrl(path));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return read(response);
}

/** The frame, started once, with the engine and the worker's sources handed to it. */
function startSandbox() {
  if (sandbox) return sandbox.started;
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = 'sandbox';
  frame.className = 'scratch-sandbox';
  frame.src = siteUrl('sandbox/scratch.html');
  sandbox = { frame };
  const loaded = new Promise((resolve, reject) => { sandbox.ready = resolve; sandbox.failed = reject; });
  window.addEventListener('message', onMessage);
  document.body.append(frame);
  sandbox.started = Promise.all([
    loaded,
    fetchOk(WASM, (response) => response.arrayBuffer()),
    ...MODULES.map((path) => fetchOk(path, (response) => response.text()).then((text) => ({ url: siteUrl(path), text }))),
  ]).then(([, bytes, ...sources]) => {
    frame.contentWindow.postMessage({ type: 'setup', bytes, sources }, '*', [bytes]);
  });
  sandbox.started.catch(() => { sandbox = null; frame.remove(); window.removeEventListener('message', onMessage); });
  return sandbox.started;
}

export function runCell(code, { onOutput = () => {}, limitMs = TIME_LIMIT_MS } = {}) {
  const id = nextId++;
  let settle;
  const done = new Promise((resolve) => { settle = resolve; });
  let watchdog = null;
  const finish = (status, error = null) => {
    if (!runs.has(id)) return;
    runs.delete(id);
    clearTimeout(watchdog);
    settle({ status, error });
  };
  runs.set(id, { onOutput, finish });
  startSandbox().then(() => {
    if (!runs.has(id)) return;
    sandbox.frame.contentWindow.postMessage({ type: 'run', id, code, limitMs }, '*');
    watchdog = setTimeout(() => finish('timeout'), limitMs + GRACE_MS);
  }, (error) => finish('error', { name: 'Error', message: error.message }));
  return {
    done,
    stop() {
      if (sandbox && sandbox.frame.contentWindow) sandbox.frame.contentWindow.postMessage({ type: 'stop', id }, '*');
      finish('stopped');
    },
  };
}
