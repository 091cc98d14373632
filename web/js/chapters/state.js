// Chapter state <-> URL hash. A chapter's state is a few numbers for its figures and, when it holds
// an activation plot, that plot's state:
//   #sigmoid?v=1&y=2&r=6&d=1&seed=5&dep=6&w=1&b=0
// Parsing is as strict as the stepper's: unknown keys, bad numbers and out-of-range values are
// rejected with a HashError naming the field, the value and what it allows, so the app's notice can
// say all three; keys a link leaves out take the chapter's defaults.
import { HashError, decoderWith } from '../kit/state/hash.js';
import { readNumber, readInteger, readWord, checkKeys, checkRange } from '../kit/state/codec-values.js';
import {
  decodeActivationPlotParams, encodeActivationPlotParams, ACTIVATION_PLOT_KEYS,
} from '../kit/state/activation-plot-codec.js';
import { defaultActivationPlotState, validateActivationPlotState } from '../kit/state/activation-plot-schema.js';

const VERSION = '1';

/** What a field accepts, in the form the messages name it. */
function allowedOf(spec) {
  if (spec.type === 'word') return { kind: 'oneOf', options: spec.words };
  return { kind: spec.type === 'integer' ? 'integer' : 'number', min: spec.range[0], max: spec.range[1] };
}

function checkField(spec, value, key) {
  if (spec.type === 'word') {
    if (!spec.words.includes(value)) throw new HashError('format', key, { value, allowed: allowedOf(spec) });
    return value;
  }
  return checkRange(value, spec.range, key, spec.type === 'integer' ? 'integer' : 'number');
}

/**
 * chapterCodec({fields: {key: {type: 'number'|'integer'|'word', range|words, default}},
 *               plot: {activation, fixed = true} | null})
 * → {defaults(), validate(state), decode(params), encode(state)}.
 * State: {plot?: activation-plot state, [key]: value}.
 */
/** A chapter definition's codec: its own `codec`, one made by chapterCodec from its `state`, or null. */
export function codecOf({ codec = null, state = null }) {
  return codec || (state ? chapterCodec(state) : null);
}

export function chapterCodec({ fields = {}, plot = null }) {
  const fieldKeys = Object.keys(fields);
  const plotKeys = plot ? ACTIVATION_PLOT_KEYS.filter((key) => key !== 'v' && (plot.fixed === false || key !== 'act')) : [];
  for (const key of fieldKeys) {
    if (plotKeys.includes(key) || key === 'v') throw new Error(`chapter field ${key} clashes with the plot's keys`);
  }
  const fixed = plot && plot.fixed !== false ? { activation: plot.activation } : {};

  function defaults() {
    const state = {};
    if (plot) state.plot = { ...defaultActivationPlotState(plot.activation), ...(plot.initial || {}) };
    for (const key of fieldKeys) state[key] = fields[key].default;
    return state;
  }

  function validate(candidate) {
    if (candidate === null || typeof candidate !== 'object' || Array.isArray(candidate)) throw new HashError('type', 'state');
    const allowed = [...fieldKeys, ...(plot ? ['plot'] : [])];
    for (const key of Object.keys(candidate)) {
      if (!allowed.includes(key)) throw new HashError('unknown-key', null, { value: key });
    }
    const state = {};
    if (plot) {
      state.plot = validateActivationPlotState(candidate.plot);
      if (fixed.activation && state.plot.activation !== fixed.activation) {
        throw new HashError('activation', 'act', { value: state.plot.activation, allowed: { kind: 'oneOf', options: [fixed.activation] } });
      }
      if (!fixed.activation && plot.choices && !plot.choices.includes(state.plot.activation)) {
        throw new HashError('activation', 'act', { value: state.plot.activation, allowed: { kind: 'oneOf', options: plot.choices } });
      }
    }
    for (const key of fieldKeys) {
      state[key] = checkField(fields[key], candidate[key] === undefined ? fields[key].default : candidate[key], key);
    }
    return state;
  }

  const allowedFields = Object.fromEntries(fieldKeys.map((key) => [key, allowedOf(fields[key])]));

  function decodeParams(params) {
    checkKeys(params, ['v', ...fieldKeys, ...plotKeys]);
    if (params.has('v') && params.get('v') !== VERSION) throw new HashError('version', 'v', { value: params.get('v') });
    const candidate = {};
    if (plot) {
      const plotParams = new Map([...params].filter(([key]) => plotKeys.includes(key)));
      const base = plot.initial || {};
      const decoded = decodeActivationPlotParams(plotParams, fixed.activation ? fixed : {
        activation: plotParams.has('act') ? undefined : plot.activation,
      });
      // Keys the link leaves out keep the chapter's own defaults (e.g. tanh's overlay).
      const merged = { ...decoded };
      for (const [key, field] of [['range', 'r'], ['point', 'y'], ['derivative', 'd'], ['compare', 'cmp']]) {
        if (!plotParams.has(field) && base[key] !== undefined && merged.activation === plot.activation) merged[key] = base[key];
      }
      candidate.plot = validateActivationPlotState(merged);
    }
    for (const key of fieldKeys) {
      if (!params.has(key)) continue;
      const spec = fields[key];
      const text = params.get(key);
      if (spec.type === 'word') candidate[key] = readWord(text, spec.words, key);
      else if (spec.type === 'integer') candidate[key] = readInteger(text, key);
      else candidate[key] = readNumber(text, key);
    }
    return validate(candidate);
  }
  const decode = decoderWith(allowedFields, decodeParams);

  function encode(state) {
    const entries = [['v', VERSION]];
    if (plot) entries.push(...encodeActivationPlotParams(state.plot, fixed).filter(([key]) => key !== 'v'));
    for (const key of fieldKeys) entries.push([key, String(state[key])]);
    return entries;
  }

  return { defaults, validate, decode, encode };
}
