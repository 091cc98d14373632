// The stepper's model: presets, the engine requests a state needs, and replaying a trace up to a
// step. Pure functions; no DOM. Every number comes from the engine's responses.
import { layerUnits, layerFanIn, DEFAULT_ALPHA, DEFAULT_SLOPE } from '../../kit/state/stepper-schema.js';
import { STEPPER_DEFAULTS, defaultStepperState } from '../../kit/state/stepper-codec.js';

export { layerUnits, layerFanIn };

/** The article's figure 8 (the links' default example). */
const CHAIN = STEPPER_DEFAULTS;

const TWO_THREE_ONE = {
  inputSize: 2,
  hidden: [3],
  activations: [{ name: 'relu' }, { name: 'sigmoid' }],
  inputs: [0.5, -1],
  target: 1,
  loss: 'bce',
  params: { mode: 'init', scheme: 'kaiming_uniform', seed: 3 },
  lr: 0.5,
  cycles: 0,
  step: 0,
};

export const PRESETS = Object.freeze({ chain: CHAIN, 'two-three-one': TWO_THREE_ONE });

export function copyState(state) { return structuredClone(state); }
export const defaultState = defaultStepperState;
export function presetState(name) { return copyState(PRESETS[name] || CHAIN); }

/** Which preset (if any) has this network shape and activations; otherwise 'custom'. */
export function matchingPreset(state) {
  for (const [name, preset] of Object.entries(PRESETS)) {
    if (preset.inputSize === state.inputSize &&
        JSON.stringify(preset.hidden) === JSON.stringify(state.hidden) &&
        JSON.stringify(preset.activations) === JSON.stringify(state.activations)) return name;
  }
  return 'custom';
}

export function outputIsSigmoid(state) {
  return state.activations[state.activations.length - 1].name === 'sigmoid';
}

/** A fresh activation spec with its default parameter. */
export function activationSpec(name) {
  if (name === 'leaky_relu') return { name, slope: DEFAULT_SLOPE };
  if (name === 'prelu') return { name, alpha: DEFAULT_ALPHA, perUnit: false };
  return { name };
}

function layerRequest(state, l, units, alphaOverride) {
  const spec = state.activations[l];
  const layer = { units: units[l], activation: spec.name };
  if (spec.name === 'leaky_relu') layer.slope = spec.slope;
  if (spec.name === 'prelu') {
    layer.alpha_mode = spec.perUnit ? 'per_unit' : 'shared';
    if (alphaOverride) layer.alpha = spec.perUnit ? alphaOverride : alphaOverride[0];
    else layer.alpha = spec.alpha;
  }
  return layer;
}

/**
 * The protocol request for `state`. `parameters` ({weights, biases, alpha} per layer, as the
 * engine returns them) overrides the state's own initial parameters. `extra` adds trace,
 * gradient_check or update.
 */
export function networkRequest(state, parameters = null, extra = {}) {
  const units = layerUnits(state);
  const request = {
    input_size: state.inputSize,
    layers: units.map((_, l) => layerRequest(state, l, units, parameters && parameters[l].alpha)),
    inputs: [state.inputs.slice()],
    targets: [[state.target]],
    loss: state.loss,
  };
  if (parameters) {
    request.weights = parameters.map((layer) => layer.weights);
    request.biases = parameters.map((layer) => layer.biases);
  } else if (state.params.mode === 'explicit') {
    request.weights = state.params.weights;
    request.biases = state.params.biases;
  } else {
    request.init = { scheme: state.params.scheme, seed: state.params.seed };
  }
  return Object.assign(request, extra);
}

/** The parameters (weights, biases, alpha) a response reports, per layer. */
export function parametersOf(layers) {
  return layers.map((layer) => ({
    weights: layer.weights,
    biases: layer.biases,
    ...(layer.alpha ? { alpha: Array.isArray(layer.alpha) ? layer.alpha : [layer.alpha] } : {}),
  }));
}

/** Index of the last forward step (the loss) + 1, i.e. the step count at the end of the forward pass. */
export function endOfForward(steps) {
  const lossIndex = steps.findIndex((step) => step.kind === 'loss');
  return lossIndex < 0 ? steps.filter((step) => step.phase === 'forward').length : lossIndex + 1;
}

const key = (...parts) => parts.join(':');

/**
 * What the graph shows after `count` steps: a Map from a graph key to
 * {value, role: 'forward' | 'gradient' | 'local', name}. Keys:
 *   z:l:j (s after the weighted sum, z after the bias), a:l:j, L,
 *   ga:l:j, gz:l:j, fp:l:j (local derivative), galpha:l:j, gb:l:j, gw:l:j:i, gx:i
 */
export function replay(steps, count) {
  const shown = new Map();
  for (const step of steps.slice(0, count)) {
    const { kind, layer: l, unit: j } = step;
    const value = step.result;
    switch (kind) {
      case 'weighted_sum': shown.set(key('z', l, j), { value, role: 'forward', name: 's' }); break;
      case 'bias': shown.set(key('z', l, j), { value, role: 'forward', name: 'z' }); break;
      case 'activation': shown.set(key('a', l, j), { value, role: 'forward', name: 'a' }); break;
      case 'loss': shown.set('L', { value, role: 'forward', name: 'L' }); break;
      case 'loss_gradient':
        shown.set(key(isLogitGradient(step) ? 'gz' : 'ga', l, j), { value, role: 'gradient' });
        break;
      case 'activation_derivative':
        shown.set(key('gz', l, j), { value, role: 'gradient' });
        shown.set(key('fp', l, j), { value: step.inputs.local_derivative, role: 'local' });
        break;
      case 'alpha_gradient': shown.set(key('galpha', l, j), { value, role: 'gradient' }); break;
      case 'bias_gradient': shown.set(key('gb', l, j), { value, role: 'gradient' }); break;
      case 'weight_gradient': shown.set(key('gw', l, j, step.source), { value, role: 'gradient' }); break;
      case 'input_gradient':
        shown.set(l === 0 ? key('gx', j) : key('ga', l - 1, j), { value, role: 'gradient' });
        break;
      default: break;
    }
  }
  return shown;
}

/** BCE's loss gradient is taken with respect to the logit z (the step carries pre_activation). */
export function isLogitGradient(step) {
  return step.kind === 'loss_gradient' && step.inputs && 'pre_activation' in step.inputs;
}

/** Graph elements to highlight for one step (keys understood by graph.js). */
export function highlightFor(step) {
  if (!step) return [];
  const { kind, layer: l, unit: j } = step;
  switch (kind) {
    case 'weighted_sum': return [key('node', 'z', l, j), key('edges-in', l, j)];
    case 'bias': return [key('node', 'z', l, j), key('bias', l, j)];
    case 'activation': return [key('node', 'a', l, j), key('za', l, j)];
    case 'loss': return ['node:L', 'node:t', 'edges-loss'];
    case 'loss_gradient':
      return [key('node', isLogitGradient(step) ? 'z' : 'a', l, j), 'node:L'];
    case 'activation_derivative': return [key('node', 'z', l, j), key('za', l, j)];
    case 'alpha_gradient': return [key('node', 'a', l, j)];
    case 'bias_gradient': return [key('bias', l, j)];
    case 'weight_gradient': return [key('edge', l, j, step.source)];
    case 'input_gradient':
      return [l === 0 ? key('node', 'x', j) : key('node', 'a', l - 1, j), key('edges-out', l, j)];
    default: return [];
  }
}
