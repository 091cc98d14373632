// The activation-plot widget's state and the bounds on every field. The same rules hold for a URL
// hash, an embed attribute and the state a host hands to mountActivationPlot.
import { HashError } from './hash.js';
import { checkRange } from './codec-values.js';
import { ACTIVATION_NAMES, firstParameter } from '../activations.js';

/** Every activation of the engine's catalogue. */
export const PLOT_ACTIVATIONS = ACTIVATION_NAMES;

// The slider's range for the parameter, where the engine's (often unbounded) range is too wide to explore.
const PARAMETER_RANGES = { leaky_relu: [0, 1], prelu: [-10, 10], elu: [0, 10], softplus: [0.1, 10] };

/**
 * The one parameter the plot lets the reader change (the activation's first, from the engine's
 * catalogue): its protocol name, default and bounds.
 */
export const PLOT_PARAMETERS = Object.freeze(Object.fromEntries(PLOT_ACTIVATIONS.filter(firstParameter).map((activation) => {
  const { name, default: value, min = -10, max = 10 } = firstParameter(activation);
  const range = PARAMETER_RANGES[activation] ?? [Math.max(min, -10), Math.min(max, 10)];
  return [activation, Object.freeze({ name, default: value, range })];
})));

/**
 * Overlays, tanh only: 'tanh-identity' draws 2σ(2y) − 1 (equal to tanh), 'article-tanh' draws the
 * article's (1 − e^(−y)) / (1 + e^(−y)) = 2σ(y) − 1 (equal to tanh(y/2), not tanh).
 */
export const PLOT_COMPARISONS = Object.freeze(['none', 'tanh-identity', 'article-tanh']);

export const PLOT_LIMITS = Object.freeze({ range: [1, 20] });

const STATE_KEYS = ['activation', 'parameter', 'point', 'range', 'derivative', 'compare'];

function fail(reason, field, details) { throw new HashError(reason, field, details); }

const within = checkRange;

export function defaultActivationPlotState(activation = 'sigmoid') {
  const name = PLOT_ACTIVATIONS.includes(activation) ? activation : 'sigmoid';
  return {
    activation: name,
    parameter: PLOT_PARAMETERS[name] ? PLOT_PARAMETERS[name].default : null,
    point: 0,
    range: 6,
    derivative: true,
    compare: 'none',
  };
}

/**
 * A validated copy of `candidate`; throws HashError(reason, field) on the first problem. Missing
 * optional fields take their defaults (parameter, range 6, derivative shown, no overlay).
 */
export function validateActivationPlotState(candidate) {
  if (candidate === null || typeof candidate !== 'object' || Array.isArray(candidate)) fail('type', 'state');
  for (const key of Object.keys(candidate)) {
    if (!STATE_KEYS.includes(key)) fail('unknown-key', null, { value: key });
  }
  if (!PLOT_ACTIVATIONS.includes(candidate.activation)) fail('activation', 'act', { value: candidate.activation });
  const activation = candidate.activation;
  const spec = PLOT_PARAMETERS[activation];
  let parameter = null;
  if (spec) {
    parameter = candidate.parameter === undefined || candidate.parameter === null
      ? spec.default : within(candidate.parameter, spec.range, 'p');
  } else if (candidate.parameter !== undefined && candidate.parameter !== null) {
    fail('format', 'p');
  }
  const range = candidate.range === undefined ? 6 : within(candidate.range, PLOT_LIMITS.range, 'r');
  const point = candidate.point === undefined ? 0 : within(candidate.point, [-range, range], 'y');
  if (candidate.derivative !== undefined && typeof candidate.derivative !== 'boolean') fail('type', 'd');
  const compare = candidate.compare === undefined ? 'none' : candidate.compare;
  if (!PLOT_COMPARISONS.includes(compare)) fail('format', 'cmp', { value: compare, allowed: { kind: 'oneOf', options: PLOT_COMPARISONS } });
  if (compare !== 'none' && activation !== 'tanh') fail('format', 'cmp');
  return { activation, parameter, point, range, derivative: candidate.derivative !== false, compare };
}

/** The activation object of a protocol request (curve or layer) for this state. */
export function activationRequest(state) {
  const request = { activation: state.activation };
  const spec = PLOT_PARAMETERS[state.activation];
  if (spec) request[spec.name] = state.parameter;
  return request;
}
