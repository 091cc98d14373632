// Asks the engine for everything the stepper shows for one state: the trace of the current
// forward/backward pass and, after update cycles, the loss history and the last update.
import { networkRequest, parametersOf } from './model.js';

function evaluator(engine) {
  return (request) => {
    const response = engine.evaluate(request);
    return typeof response === 'string' ? JSON.parse(response) : response;
  };
}

const sgd = (learningRate, steps) => ({ update: { optimiser: 'sgd', learning_rate: learningRate, steps } });

/**
 * {response, steps, losses, initial, current, lastUpdate} for `state`:
 *   initial     parameters before any update (what the weight editor shows)
 *   current     parameters of the pass being stepped through (after `state.cycles` SGD steps)
 *   losses      loss before each update and the current loss (cycles + 1 numbers)
 *   lastUpdate  {before, gradients, after} for the most recent update, or null
 */
export function computeSession(engine, state) {
  const evaluate = evaluator(engine);
  const k = state.cycles;
  if (k === 0) {
    const response = evaluate(networkRequest(state, null, { trace: true }));
    const initial = parametersOf(response.layers);
    return { response, steps: response.trace.steps, losses: [response.loss], initial, current: initial, lastUpdate: null };
  }
  const history = evaluate(networkRequest(state, null, k > 1 ? sgd(state.lr, k - 1) : {}));
  const initial = parametersOf(history.layers);
  const before = k > 1 ? parametersOf(history.update.layers) : initial;
  const earlierLosses = k > 1 ? history.update.losses : [history.loss];
  const last = evaluate(networkRequest(state, before, sgd(state.lr, 1)));
  const current = parametersOf(last.update.layers);
  const response = evaluate(networkRequest(state, current, { trace: true }));
  return {
    response,
    steps: response.trace.steps,
    losses: [...earlierLosses, last.update.losses[1]],
    initial,
    current,
    lastUpdate: { before, gradients: last.layers, after: current },
  };
}

/** The engine's finite-difference check at the current parameters. */
export function checkGradients(engine, state, current) {
  return evaluator(engine)(networkRequest(state, current, { gradient_check: true })).gradient_check;
}
