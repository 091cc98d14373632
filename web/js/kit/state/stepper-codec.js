// Stepper state <-> hash parameters. Readable on purpose, e.g.
//   #stepper?v=1&in=1&h=1&act=sigmoid,sigmoid&x=1.5&t=1&loss=mse&w=0.8;-0.5&b=0.1;0.2&lr=0.5&cyc=0&step=7
// Layers are separated by ";", numbers within a layer by "," (weights row-major, rows = units).
// Every key may be left out: it takes the default example's value (STEPPER_DEFAULTS, the article's
// 1 → 1 → 1 sigmoid chain), or, where the link changes the network's shape, a value that fits it
// (sigmoid in every layer, inputs of 1, initialised weights). Explicit weights need both w and b.
import { HashError, decoderWith } from './hash.js';
import { validateStepperState, layerUnits, layerFanIn, ACTIVATIONS, STEPPER_ALLOWED } from './stepper-schema.js';

export const CODEC_VERSION = '1';
const KEYS = ['v', 'in', 'h', 'act', 'x', 't', 'loss', 'init', 'seed', 'w', 'b', 'lr', 'cyc', 'step'];
const NUMBER = /^-?(\d{1,20}(\.\d{0,20})?|\.\d{1,20})(e[-+]?\d{1,3})?$/i;
const INTEGER = /^\d{1,10}$/;
const MAX_LIST = 64;

/**
 * The default example, the article's figure 8: x → (w1, b1, sigmoid) → (w2, b2, sigmoid) → L. The
 * stepper's first preset and state, the embed's default, and what a key left out of a link means.
 */
export const STEPPER_DEFAULTS = Object.freeze({
  inputSize: 1,
  hidden: Object.freeze([1]),
  activations: Object.freeze([Object.freeze({ name: 'sigmoid' }), Object.freeze({ name: 'sigmoid' })]),
  inputs: Object.freeze([1.5]),
  target: 1,
  loss: 'mse',
  params: Object.freeze({ mode: 'explicit', weights: [[[0.8]], [[-0.5]]], biases: [[0.1], [0.2]] }),
  lr: 0.5,
  cycles: 0,
  step: 0,
});

/** A fresh, editable copy of the default example. */
export const defaultStepperState = () => structuredClone(STEPPER_DEFAULTS);
const DEFAULT_INIT = Object.freeze({ scheme: 'xavier_uniform', seed: 0 });

function number(text, field) {
  if (!NUMBER.test(text)) throw new HashError('number', field, { value: text });
  const value = Number(text);
  if (!Number.isFinite(value)) throw new HashError('number', field, { value: text });
  return value;
}

function integerText(text, field) {
  if (!INTEGER.test(text)) throw new HashError('integer', field, { value: text });
  return Number(text);
}

function numbers(text, field) {
  if (text === '') return [];
  const parts = text.split(',');
  if (parts.length > MAX_LIST) throw new HashError('count', field);
  return parts.map((part) => number(part, field));
}

function activation(token) {
  const [name, parameter, ...rest] = token.split(':');
  if (rest.length > 0) throw new HashError('activation', 'act', { value: token });
  if (name === 'leaky_relu') {
    return parameter === undefined ? { name } : { name, slope: number(parameter, 'act') };
  }
  if (name === 'prelu' || name === 'prelu_unit') {
    const result = { name: 'prelu', perUnit: name === 'prelu_unit' };
    if (parameter !== undefined) result.alpha = number(parameter, 'act');
    return result;
  }
  if (!ACTIVATIONS.includes(name) || parameter !== undefined) throw new HashError('activation', 'act', { value: token });
  return { name };
}

function activationToken(spec) {
  if (spec.name === 'leaky_relu') return `leaky_relu:${spec.slope}`;
  if (spec.name === 'prelu') return `${spec.perUnit ? 'prelu_unit' : 'prelu'}:${spec.alpha}`;
  return spec.name;
}

/** Split "1,2,3,4;5,6" into layers and reshape each into rows of `fanIn[l]` numbers. */
function layersOfRows(text, units, fanIn, field) {
  const layers = text.split(';');
  if (layers.length !== units.length) {
    throw new HashError('count', field, { value: text, allowed: { kind: 'layers', min: units.length, max: units.length } });
  }
  return layers.map((layerText, l) => {
    const flat = numbers(layerText, field);
    const n = units[l] * fanIn[l];
    if (flat.length !== n) throw new HashError('count', field, { value: layerText, allowed: { kind: 'length', n } });
    return Array.from({ length: units[l] }, (_, j) => flat.slice(j * fanIn[l], (j + 1) * fanIn[l]));
  });
}

const sameShape = (inputSize, hidden) => inputSize === STEPPER_DEFAULTS.inputSize &&
  hidden.length === STEPPER_DEFAULTS.hidden.length && hidden.every((units, k) => units === STEPPER_DEFAULTS.hidden[k]);

/** Hash parameters (a Map of strings) → a validated state; missing keys take defaults. Throws HashError. */
export const decodeStepperHash = decoderWith(STEPPER_ALLOWED, decode);

function decode(params) {
  for (const key of params.keys()) {
    if (!KEYS.includes(key)) throw new HashError('unknown-key', null, { value: key });
  }
  if (params.has('v') && params.get('v') !== CODEC_VERSION) throw new HashError('version', 'v', { value: params.get('v') });
  const get = (key, fallback) => (params.has(key) ? params.get(key) : fallback);
  const inputSize = params.has('in') ? integerText(params.get('in'), 'in') : STEPPER_DEFAULTS.inputSize;
  const hiddenText = get('h', STEPPER_DEFAULTS.hidden.join(','));
  const hidden = hiddenText === '' ? [] : hiddenText.split(',').map((part) => integerText(part, 'h'));
  if (hidden.length > 3) throw new HashError('count', 'h', { value: hiddenText, allowed: { kind: 'layers', min: 0, max: 3 } });
  const defaultShape = sameShape(inputSize, hidden);
  const layers = hidden.length + 1;
  const actTokens = params.has('act') ? params.get('act').split(',') : null;
  if (actTokens && actTokens.length > 4) {
    throw new HashError('count', 'act', { value: params.get('act'), allowed: { kind: 'length', n: layers } });
  }
  const candidate = {
    inputSize,
    hidden,
    activations: actTokens ? actTokens.map(activation)
      : (defaultShape ? structuredClone(STEPPER_DEFAULTS.activations) : Array.from({ length: layers }, () => ({ name: 'sigmoid' }))),
    inputs: params.has('x') ? numbers(params.get('x'), 'x')
      : (inputSize === STEPPER_DEFAULTS.inputSize ? [...STEPPER_DEFAULTS.inputs] : Array(inputSize).fill(1)),
    target: number(get('t', String(STEPPER_DEFAULTS.target)), 't'),
    loss: get('loss', STEPPER_DEFAULTS.loss),
    lr: number(get('lr', String(STEPPER_DEFAULTS.lr)), 'lr'),
    cycles: integerText(get('cyc', String(STEPPER_DEFAULTS.cycles)), 'cyc'),
    step: integerText(get('step', String(STEPPER_DEFAULTS.step)), 'step'),
  };
  const hasExplicit = params.has('w') || params.has('b');
  const hasInit = params.has('init') || params.has('seed');
  if (hasExplicit) {
    if (!params.has('w') || !params.has('b')) throw new HashError('missing', params.has('w') ? 'b' : 'w');
    if (hasInit) throw new HashError('format', 'init');
    if (inputSize < 1 || inputSize > 4 || hidden.some((u) => u < 1 || u > 6)) {
      const field = inputSize < 1 || inputSize > 4 ? 'in' : 'h';
      throw new HashError('range', field, { value: field === 'in' ? inputSize : hiddenText });
    }
    const shape = { inputSize, hidden };
    const units = layerUnits(shape);
    const fanIn = layerFanIn(shape);
    const biasLayers = params.get('b').split(';');
    if (biasLayers.length !== units.length) {
      throw new HashError('count', 'b', { value: params.get('b'), allowed: { kind: 'layers', min: units.length, max: units.length } });
    }
    candidate.params = {
      mode: 'explicit',
      weights: layersOfRows(params.get('w'), units, fanIn, 'w'),
      biases: biasLayers.map((text) => numbers(text, 'b')),
    };
  } else if (!hasInit && defaultShape) {
    candidate.params = structuredClone(STEPPER_DEFAULTS.params);
  } else {
    candidate.params = {
      mode: 'init',
      scheme: get('init', DEFAULT_INIT.scheme),
      seed: integerText(get('seed', String(DEFAULT_INIT.seed)), 'seed'),
    };
  }
  return validateStepperState(candidate);
}

/** State → [[key, value], …] for formatHash. */
export function encodeStepperHash(state) {
  const entries = [
    ['v', CODEC_VERSION],
    ['in', String(state.inputSize)],
    ['h', state.hidden.join(',')],
    ['act', state.activations.map(activationToken).join(',')],
    ['x', state.inputs.map(String).join(',')],
    ['t', String(state.target)],
    ['loss', state.loss],
  ];
  if (state.params.mode === 'init') {
    entries.push(['init', state.params.scheme], ['seed', String(state.params.seed)]);
  } else {
    entries.push(['w', state.params.weights.map((rows) => rows.flat().map(String).join(',')).join(';')]);
    entries.push(['b', state.params.biases.map((row) => row.map(String).join(',')).join(';')]);
  }
  entries.push(['lr', String(state.lr)], ['cyc', String(state.cycles)], ['step', String(state.step)]);
  return entries;
}
