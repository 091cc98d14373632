// <actlab-stepper> attributes ↔ the stepper's state, through its URL-hash codec (the same rules as
// the notebook's links; see docs/web.md for every bound).
import { decodeStepperHash, encodeStepperHash, defaultStepperState } from '../../state/stepper-codec.js';
import { codecAdapter, AttributeError } from '../adapt.js';
import { ACTIVATION_NAMES } from '../../activations.js';

/** [attribute, codec key]: one attribute per key of the notebook's #stepper?… links. */
export const ATTRIBUTES = [
  ['input-size', 'in'],
  ['hidden-layers', 'h'],
  ['activations', 'act'],
  ['inputs', 'x'],
  ['target', 't'],
  ['loss', 'loss'],
  ['init', 'init'],
  ['seed', 'seed'],
  ['weights', 'w'],
  ['biases', 'b'],
  ['learning-rate', 'lr'],
  ['updates', 'cyc'],
  ['step', 'step'],
];

// Every catalogue activation, and PReLU with one α per unit.
const ACTIVATION_TOKEN = new RegExp(`^(${[...ACTIVATION_NAMES, 'prelu_unit'].join('|')})(:[^:]*)?$`);
const hiddenCount = (text) => (text === '' ? 0 : text.split(',').length);

/**
 * Attributes not given keep the default example's values, as long as they still fit:
 *  - changing the shape (input-size, hidden-layers) drops the example's explicit weights and biases for
 *    Xavier-uniform initial weights (seed 0), unless weights/biases (or init/seed) are given; with
 *    the example's shape, `weights` alone keeps its biases and `biases` alone its weights;
 *  - changing input-size drops the example's input values (the codec then puts 1 in every input);
 *  - a new number of layers gets the example's activations (sigmoid) in every layer;
 *  - `activation` sets every hidden layer, `output-activation` the output layer (instead of
 *    `activations`, which lists one per layer).
 */
function prepare(params, given, raw, defaults) {
  const shapeChanged = ['in', 'h'].some((key) => given.has(key) && given.get(key) !== defaults.get(key));
  if (given.has('in') && given.get('in') !== defaults.get('in')) params.delete('x');
  const explicitGiven = given.has('w') || given.has('b');
  const initGiven = given.has('init') || given.has('seed');
  if (initGiven || shapeChanged) {
    params.delete('w'); params.delete('b'); params.delete('init'); params.delete('seed');
    if (!explicitGiven) { params.set('init', 'xavier_uniform'); params.set('seed', '0'); }
  } else if (explicitGiven) {
    params.delete('init'); params.delete('seed'); // the example's other half (weights or biases) stays
  }

  const convenience = raw.has('activation') || raw.has('output-activation');
  if (convenience && given.has('act')) throw new AttributeError('convenience', 'activations', raw.get('activations'));
  const hidden = hiddenCount(given.has('h') ? given.get('h') : defaults.get('h'));
  const defaultActs = defaults.get('act').split(',');
  const hiddenDefault = defaultActs.length > 1 ? defaultActs[0] : 'sigmoid';
  const outputDefault = defaultActs[defaultActs.length - 1];
  if (convenience) {
    if (raw.has('activation') && hidden === 0) throw new AttributeError('count', 'activation', raw.get('activation'));
    for (const attribute of ['activation', 'output-activation']) {
      if (!raw.has(attribute)) continue;
      const value = raw.get(attribute);
      if (value.includes(',')) throw new AttributeError('count', attribute, value);
      if (!ACTIVATION_TOKEN.test(value)) throw new AttributeError('activation', attribute, value);
    }
    const layer = raw.get('activation') || hiddenDefault;
    params.set('act', [...Array(hidden).fill(layer), raw.get('output-activation') || outputDefault].join(','));
  } else if (!given.has('act') && hidden + 1 !== defaultActs.length) {
    params.set('act', [...Array(hidden).fill(hiddenDefault), outputDefault].join(','));
  }
  return params;
}

export const adapter = codecAdapter({
  name: 'stepper',
  decode: decodeStepperHash,
  encode: encodeStepperHash,
  attributes: ATTRIBUTES,
  extra: ['activation', 'output-activation'],
  defaults: defaultStepperState,
  prepare,
});
