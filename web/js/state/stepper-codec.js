// Stepper state <-> hash parameters. Readable on purpose, e.g.
//   #stepper?v=1&in=1&h=1&act=sigmoid,sigmoid&x=1.5&t=1&loss=mse&w=0.8;-0.5&b=0.1;0.2&lr=0.5&cyc=0&step=7
// Layers are separated by ";", numbers within a layer by "," (weights row-major, rows = units).
import { HashError } from './hash.js';
import { validateStepperState, layerUnits, layerFanIn, ACTIVATIONS } from './stepper-schema.js';

export const CODEC_VERSION = '1';
const KEYS = ['v', 'in', 'h', 'act', 'x', 't', 'loss', 'init', 'seed', 'w', 'b', 'lr', 'cyc', 'step'];
const NUMBER = /^-?(\d{1,20}(\.\d{0,20})?|\.\d{1,20})(e[-+]?\d{1,3})?$/i;
const INTEGER = /^\d{1,10}$/;
const MAX_LIST = 64;

function number(text, field) {
  if (!NUMBER.test(text)) throw new HashError('number', field);
  const value = Number(text);
  if (!Number.isFinite(value)) throw new HashError('number', field);
  return value;
}

function integerText(text, field) {
  if (!INTEGER.test(text)) throw new HashError('integer', field);
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
  if (rest.length > 0) throw new HashError('activation', 'act');
  if (name === 'leaky_relu') {
    return parameter === undefined ? { name } : { name, slope: number(parameter, 'act') };
  }
  if (name === 'prelu' || name === 'prelu_unit') {
    const result = { name: 'prelu', perUnit: name === 'prelu_unit' };
    if (parameter !== undefined) result.alpha = number(parameter, 'act');
    return result;
  }
  if (!ACTIVATIONS.includes(name) || parameter !== undefined) throw new HashError('activation', 'act');
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
  if (layers.length !== units.length) throw new HashError('count', field);
  return layers.map((layerText, l) => {
    const flat = numbers(layerText, field);
    if (flat.length !== units[l] * fanIn[l]) throw new HashError('count', field);
    return Array.from({ length: units[l] }, (_, j) => flat.slice(j * fanIn[l], (j + 1) * fanIn[l]));
  });
}

/** Hash parameters (a Map of strings) → a validated state. Throws HashError. */
export function decodeStepperHash(params) {
  for (const key of params.keys()) {
    if (!KEYS.includes(key)) throw new HashError('unknown-key');
  }
  for (const required of ['in', 'act', 'x', 't']) {
    if (!params.has(required)) throw new HashError('missing', required);
  }
  if (params.has('v') && params.get('v') !== CODEC_VERSION) throw new HashError('version', 'v');
  const get = (key, fallback) => (params.has(key) ? params.get(key) : fallback);
  const inputSize = integerText(params.get('in'), 'in');
  const hiddenText = get('h', '');
  const hidden = hiddenText === '' ? [] : hiddenText.split(',').map((part) => integerText(part, 'h'));
  if (hidden.length > 3) throw new HashError('count', 'h');
  const actTokens = params.get('act').split(',');
  if (actTokens.length > 4) throw new HashError('count', 'act');
  const candidate = {
    inputSize,
    hidden,
    activations: actTokens.map(activation),
    inputs: numbers(params.get('x'), 'x'),
    target: number(params.get('t'), 't'),
    loss: get('loss', 'mse'),
    lr: number(get('lr', '0.5'), 'lr'),
    cycles: integerText(get('cyc', '0'), 'cyc'),
    step: integerText(get('step', '0'), 'step'),
  };
  const hasExplicit = params.has('w') || params.has('b');
  if (hasExplicit) {
    if (!params.has('w') || !params.has('b')) throw new HashError('missing', params.has('w') ? 'b' : 'w');
    if (params.has('init') || params.has('seed')) throw new HashError('format', 'init');
    if (inputSize < 1 || inputSize > 4 || hidden.some((u) => u < 1 || u > 6)) {
      throw new HashError('range', inputSize < 1 || inputSize > 4 ? 'in' : 'h');
    }
    const shape = { inputSize, hidden };
    const units = layerUnits(shape);
    const fanIn = layerFanIn(shape);
    const biasLayers = params.get('b').split(';');
    if (biasLayers.length !== units.length) throw new HashError('count', 'b');
    candidate.params = {
      mode: 'explicit',
      weights: layersOfRows(params.get('w'), units, fanIn, 'w'),
      biases: biasLayers.map((text) => numbers(text, 'b')),
    };
  } else {
    candidate.params = {
      mode: 'init',
      scheme: get('init', 'xavier_uniform'),
      seed: integerText(get('seed', '0'), 'seed'),
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
