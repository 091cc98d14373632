// ActLab's JavaScript API: the WebAssembly engine behind plain objects and Errors.
//
//   import createActLab from 'actlab';          // or './web/engine/actlab.js'
//   const engine = await createActLab();
//   const response = engine.evaluate({ input_size: 1, layers: [...], inputs: [[0.5]], targets: [[1]] });
//
// Works in browsers and in Node 20. Requests and responses are those of docs/protocol.md.
import createActLabCore from './generated/actlab-core.js';

const isNode = typeof process === 'object' && typeof process.versions?.node === 'string' &&
  typeof window === 'undefined';

// JSON has no NaN or Infinity: JSON.stringify would turn them into null and the engine could
// only say "got null". Sending them as strings lets its error message name the real value.
function finiteOrLabel(_key, value) {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

// How deeply a value nests arrays and objects, found without recursion: it is only asked about
// values too deep for JSON.stringify, which gives up near 5,000 levels ("Maximum call stack size
// exceeded"). Each object is visited once.
function nestingDepth(value) {
  let deepest = 0;
  const seen = new Set();
  const pending = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop();
    if (item === null || typeof item !== 'object' || seen.has(item)) continue;
    seen.add(item);
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

// Rows of numbers (number[][]) or an already flat Float64Array, as flat values and the width of the rows
// (0 for a Float64Array). Only a conversion: the engine checks the shape against the network, once.
function flatten(rows, what) {
  if (rows instanceof Float64Array) return { values: rows, width: 0 };
  if (!Array.isArray(rows)) throw new Error(`${what}: expected a list of rows or a Float64Array`);
  const width = Array.isArray(rows[0]) ? rows[0].length : 0;
  const values = new Float64Array(rows.length * width);
  rows.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== width) throw new Error(`${what}[${r}]: expected a list of ${width} numbers`);
    for (let i = 0; i < width; i += 1) {
      if (typeof row[i] !== 'number') throw new Error(`${what}[${r}][${i}]: expected a number`);
      values[r * width + i] = row[i];
    }
  });
  return { values, width };
}

// A session's held examples are named instead of passed: 'training' (its `dataset`) or 'test' (`test_dataset`).
const isHeldSet = (value) => typeof value === 'string';

// The engine runs at most this many steps per call (as in a request's update.steps); train() splits
// longer runs into calls of this size, so no caller needs to know the limit.
const STEPS_PER_CALL = 10000;

/** Where the compiled engine is: beside this file, wherever it is served from. */
export const WASM_URL = new URL('./generated/actlab-core.wasm', import.meta.url);

async function loadWasmBinaryInNode() {
  const { readFile } = await import('node:fs/promises');
  return readFile(WASM_URL);
}

/**
 * Loads the engine. `options.wasmUrl` overrides where the browser fetches actlab-core.wasm;
 * `options.wasmModule` (a compiled WebAssembly.Module, e.g. posted to a worker) skips the fetch and
 * the compile: the page compiles once and every worker instantiates from the same module.
 * @returns {Promise<{evaluate(request: object): object, evaluateJson(text: string): string,
 *   catalogue(): object[], createSession(spec: object): object, heapBytes(): number, heapTop(): number}>}
 */
export default async function createActLab(options = {}) {
  if (typeof WebAssembly !== 'object') {
    throw new Error('WebAssembly is not available in this environment');
  }
  const moduleOptions = {};
  let rejectInstance;
  const instanceFailed = new Promise((_, reject) => { rejectInstance = reject; });
  const { wasmModule } = options;
  if (wasmModule) {
    if (!(wasmModule instanceof WebAssembly.Module)) throw new Error('wasmModule: expected a WebAssembly.Module');
    // Emscripten calls this instead of fetching; {} tells it the instance comes later, through `receive`.
    moduleOptions.instantiateWasm = (imports, receive) => {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule), rejectInstance);
      return {};
    };
  } else if (isNode) moduleOptions.wasmBinary = await loadWasmBinaryInNode();
  else if (options.wasmUrl) moduleOptions.locateFile = () => options.wasmUrl;
  const core = await Promise.race([createActLabCore(moduleOptions), instanceFailed]);

  // Every core call records success or an error message; this turns the latter into an Error.
  function check(result) {
    if (!core.lastOk()) throw new Error(core.takeText());
    return result;
  }
  // For the calls that answer with text: the response, or the error message to throw.
  function takeAnswer() {
    const ok = core.lastOk();
    const text = core.takeText();
    if (!ok) throw new Error(text);
    return text;
  }
  function takeJson() {
    return JSON.parse(takeAnswer());
  }

  function evaluateText(text) {
    core.evaluate(text);
    return takeAnswer();
  }

  function createSession(spec) {
    const session = new core.Session();
    if (!session.open(JSON.stringify(spec, finiteOrLabel))) {
      const message = core.takeText();
      session.delete();
      throw new Error(message);
    }
    let deleted = false;
    const live = () => {
      if (deleted) throw new Error('session: already deleted');
      return session;
    };
    const options = (value) => JSON.stringify(value, finiteOrLabel);
    return Object.freeze({
      /** The examples to train on: rows (number[][]) or flat Float64Arrays, row-major. */
      setTrainingData(inputs, targets) {
        const x = flatten(inputs, 'inputs');
        const y = flatten(targets, 'targets');
        check(live().setTrainingData(x.values, x.width, y.values, y.width));
      },
      /**
       * Runs `steps` minibatch steps inside the engine; returns the last minibatch's loss. A loss that is
       * no longer finite stops the run at the end of that call (stepsTaken() says where it stopped).
       */
      train(steps = 1, batchSize = 32) {
        // Embind would wrap −1 to 4294967295 and truncate 1.5: refuse them here, by name.
        if (!Number.isInteger(steps) || steps < 0) throw new Error(`steps: expected a whole number ≥ 0, got ${steps}`);
        if (!Number.isInteger(batchSize) || batchSize < 1) {
          throw new Error(`batch_size: expected a whole number ≥ 1, got ${batchSize}`);
        }
        let loss = check(live().train(Math.min(steps, STEPS_PER_CALL), batchSize));
        for (let done = STEPS_PER_CALL; done < steps && Number.isFinite(loss); done += STEPS_PER_CALL) {
          loss = check(session.train(Math.min(STEPS_PER_CALL, steps - done), batchSize));
        }
        return loss;
      },
      /** The minibatch steps taken so far. */
      stepsTaken() {
        return live().stepsTaken();
      },
      /**
       * Loss and per-layer statistics (and histograms when options.bins is set) on a batch:
       * measure(inputs, targets, options), or measure('training' | 'test', options) on a held set.
       */
      measure(inputs, targets, measureOptions = {}) {
        if (isHeldSet(inputs)) {
          live().measureHeld(inputs, options(targets ?? {}));
          return takeJson();
        }
        const x = flatten(inputs, 'inputs');
        const y = flatten(targets, 'targets');
        live().measure(x.values, x.width, y.values, y.width, options(measureOptions));
        return takeJson();
      },
      /** The network's outputs for `inputs` (rows or 'training' | 'test'), as a new Float64Array (rows × output size). */
      predict(inputs) {
        if (isHeldSet(inputs)) return check(live().predictHeld(inputs)).slice();
        const x = flatten(inputs, 'inputs');
        return check(live().predict(x.values, x.width)).slice();
      },
      /** A held set's examples ('training' or 'test'), copied out: {inputs, targets} as flat Float64Arrays. */
      data(set = 'training') {
        const inputs = check(live().held(set, 'inputs')).slice();
        return { inputs, targets: check(session.held(set, 'targets')).slice() };
      },
      /** {steps_taken, layers: [{weights, biases, alpha}]}: usable as a request's weights and biases. */
      parameters() {
        live().parameters();
        return takeJson();
      },
      /** Frees the engine's memory for this session. */
      delete() {
        if (!deleted) session.delete();
        deleted = true;
      },
    });
  }

  return Object.freeze({
    /** Evaluates one request (a plain object) and returns the response as a plain object. */
    evaluate(request) {
      if (request === null || typeof request !== 'object' || Array.isArray(request)) {
        throw new Error('request: expected an object');
      }
      let text;
      try {
        text = JSON.stringify(request, finiteOrLabel);
      } catch (error) {
        if (error instanceof RangeError) {
          // Too deep to write: let the engine refuse text of that depth, with its own message and limit.
          const depth = nestingDepth(request);
          evaluateText('['.repeat(depth) + ']'.repeat(depth));
        }
        throw new Error(`request: cannot be written as JSON (${error.message})`);
      }
      return JSON.parse(evaluateText(text));
    },
    /**
     * A network to train step by step: spec = {input_size, layers, weights + biases or init, loss,
     * optimiser: {optimiser, learning_rate, …}, shuffle_seed, dataset?, test_dataset?}; a dataset
     * ({kind, size, noise, seed, classes}) is made inside the engine. Call delete() when done.
     */
    createSession(spec) {
      if (spec === null || typeof spec !== 'object' || !Array.isArray(spec.layers) || spec.layers.length === 0) {
        throw new Error('spec: expected an object with input_size and a non-empty list of layers');
      }
      return createSession(spec);
    },
    /**
     * Every activation the engine knows, in its order: [{name, parameters: [{name, default, min?, max?,
     * learned?}], peak_derivative, peak_at (null when f' peaks on a whole interval), saturates, gain}].
     */
    catalogue() {
      return JSON.parse(evaluateText('{"catalogue": {}}')).catalogue;
    },
    /** The same on JSON text, for callers that already hold it (the CLI-parity tests). */
    evaluateJson(text) {
      if (typeof text !== 'string') throw new Error('request: expected JSON text');
      return evaluateText(text);
    },
    /** Size of the WebAssembly memory in bytes (grows, never shrinks). */
    heapBytes() {
      return core.HEAP8.length;
    },
    /** The top of the engine's malloc heap in bytes: it rises only if the engine leaks. */
    heapTop() {
      return core.heapTop();
    },
  });
}
