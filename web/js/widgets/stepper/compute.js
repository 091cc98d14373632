// Asks the engine for everything the stepper shows for one state: the trace of the current
// forward/backward pass and, after update cycles, the loss history and the last update.
// A widget that is already running keeps its session and advances it from the current
// parameters (advanceSession); only a state that arrives from outside (a link, a host page)
// is computed from the initial parameters (computeSession), in one engine call for the history.
import { networkRequest, parametersOf } from './model.js';

const sgd = (learningRate, steps) => ({ update: { optimiser: 'sgd', learning_rate: learningRate, steps } });

/** The traced pass at `current` (null: the state's own initial parameters). */
function tracedPass(engine, state, current) {
  const response = engine.evaluate(networkRequest(state, current, { trace: true }));
  return { response, steps: response.trace.steps, loss: response.loss };
}

/**
 * `n` ≥ 1 SGD steps from `start` (null: the state's initial parameters):
 * {start, losses (n + 1: at start, after each step), lastUpdate {before, gradients, after}}.
 * The first n − 1 steps are one engine call; the last one is separate so that its gradients
 * and the parameters before it can be shown.
 */
function sgdSteps(engine, state, start, n) {
  const history = n > 1 ? engine.evaluate(networkRequest(state, start, sgd(state.lr, n - 1))) : null;
  const before = history ? parametersOf(history.update.layers) : start;
  const last = engine.evaluate(networkRequest(state, before, sgd(state.lr, 1)));
  const from = history ? parametersOf(history.layers) : parametersOf(last.layers);
  const losses = history ? [...history.update.losses, last.update.losses[1]] : last.update.losses.slice();
  const after = parametersOf(last.update.layers);
  return { start: from, losses, lastUpdate: { before: before || from, gradients: last.layers, after } };
}

/** The session after `lastUpdate` (none: at the state's initial parameters, read from the pass). */
function sessionAt(engine, state, { initial, losses, lastUpdate = null }) {
  const pass = tracedPass(engine, state, lastUpdate ? lastUpdate.after : null);
  const { response, steps } = pass;
  if (!lastUpdate) {
    const start = parametersOf(response.layers);
    return { response, steps, losses: [pass.loss], initial: start, current: start, lastUpdate };
  }
  return { response, steps, losses, initial, current: lastUpdate.after, lastUpdate };
}

/**
 * {response, steps, losses, initial, current, lastUpdate} for `state`:
 *   initial     parameters before any update (what the weight editor shows)
 *   current     parameters of the pass being stepped through (after `state.cycles` SGD steps)
 *   losses      loss before each update and the current loss (cycles + 1 numbers)
 *   lastUpdate  {before, gradients, after} for the most recent update, or null
 */
export function computeSession(engine, state) {
  if (state.cycles === 0) return sessionAt(engine, state, {});
  const run = sgdSteps(engine, state, null, state.cycles);
  return sessionAt(engine, state, { initial: run.start, losses: run.losses, lastUpdate: run.lastUpdate });
}

/**
 * `session` (for `state`, whose cycles it reflects) advanced by `n` more SGD steps from its
 * current parameters: the engine never replays the earlier updates.
 */
export function advanceSession(engine, state, session, n) {
  const run = sgdSteps(engine, state, session.current, n);
  return sessionAt(engine, state, {
    initial: session.initial,
    losses: [...session.losses, ...run.losses.slice(1)],
    lastUpdate: run.lastUpdate,
  });
}

/** The engine's finite-difference check at the current parameters. */
export function checkGradients(engine, state, current) {
  return engine.evaluate(networkRequest(state, current, { gradient_check: true })).gradient_check;
}
