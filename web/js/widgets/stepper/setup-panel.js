// The network setup form: preset, shape, activations, inputs, target, loss and initial weights.
// Every edit produces a candidate state that is validated before it is applied.
import { h, uid, clear } from '../../kit/dom.js';
import { ACTIVATIONS, INIT_SCHEMES, LIMITS } from '../../kit/state/stepper-schema.js';
import { activationName } from '../../kit/activations.js';
import { FIELD_RULES, numberInput } from './fields.js';
import {
  PRESETS, presetState, matchingPreset, activationSpec, copyState, layerUnits, layerFanIn, outputIsSigmoid,
} from './model.js';

const range = (low, high) => Array.from({ length: high - low + 1 }, (_, k) => low + k);

/** A state edit that changes the network resets the history of updates and, if needed, the weights. */
function reshaped(state) {
  const next = copyState(state);
  if (next.params.mode === 'explicit') next.params = { mode: 'init', scheme: 'xavier_uniform', seed: 0 };
  next.step = 0;
  return next;
}

function resized(list, length, fill) {
  return Array.from({ length }, (_, k) => (k < list.length ? list[k] : fill));
}

/**
 * createSetupPanel(t, {apply(candidate)}) → {element, noticeSlot, summary, update(state, initial)}
 * `apply` validates and applies a candidate state; it returns an error string or null. A typed
 * number is read and checked by its field first (fields.js); its errors stay next to it.
 */
export function createSetupPanel(t, { apply }) {
  const body = h('div', { class: 'setup-body' });
  const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const summaryText = h('span', { class: 'setup-summary' });
  const noticeSlot = h('div', { class: 'notice-slot' });
  const element = h('details', { class: 'stepper-setup' },
    h('summary', {}, h('span', { class: 'setup-title', text: t('setup.title') }), summaryText), body, error, noticeSlot);
  let current = null;

  function commit(candidate, field) {
    const message = apply(candidate, field);
    error.hidden = !message;
    error.textContent = message || '';
  }

  /** A typed number: `candidateFor(value)` is the state it asks for; problems show next to it. */
  function numberField(field, label, value, rule, candidateFor, { className = 'number-field' } = {}) {
    const wrapper = h('span', { class: className });
    const input = numberInput(t, {
      label, value, rule, field, slot: () => wrapper, onValue: (parsed) => apply(candidateFor(parsed)),
    });
    wrapper.append(h('label', { for: input.id, text: label }), input);
    return wrapper;
  }

  function selectField(field, label, value, options, onValue, { disabled = [] } = {}) {
    const id = uid('f');
    const select = h('select', { id, 'data-field': field, onchange: (event) => onValue(event.target.value) },
      options.map(([optionValue, text]) => h('option', {
        value: optionValue, text, selected: String(optionValue) === String(value), disabled: disabled.includes(optionValue),
      })));
    return h('span', { class: 'select-field' }, h('label', { for: id, text: label }), select);
  }

  function shapeSection(state) {
    const preset = matchingPreset(state);
    const presetOptions = [...Object.keys(PRESETS).map((name) => [name, t(`preset.${name}`)]), ['custom', t('preset.custom')]];
    return h('fieldset', { class: 'setup-group' }, h('legend', { text: t('setup.network') }),
      h('div', { class: 'field-row' },
        selectField('preset', t('setup.preset'), preset, presetOptions, (name) => {
          if (name !== 'custom') commit(presetState(name), 'preset');
        }, { disabled: ['custom'] }),
        selectField('inputSize', t('setup.inputSize'), state.inputSize, range(...LIMITS.inputSize).map((k) => [k, String(k)]), (value) => {
          const next = reshaped(state);
          next.inputSize = Number(value);
          next.inputs = resized(state.inputs, next.inputSize, 1);
          commit(next, 'in');
        }),
        selectField('hiddenCount', t('setup.hiddenCount'), state.hidden.length,
          range(...LIMITS.hiddenLayers).map((k) => [k, String(k)]), (value) => {
            const next = reshaped(state);
            const count = Number(value);
            next.hidden = resized(state.hidden, count, 3);
            const hiddenActs = resized(state.activations.slice(0, -1), count, activationSpec('tanh'));
            next.activations = [...hiddenActs, state.activations[state.activations.length - 1]];
            commit(next, 'h');
          })),
      h('p', { class: 'setup-shape', text: t('setup.shape', { shape: [state.inputSize, ...layerUnits(state)].join(' → ') }) }));
  }

  function layerRow(state, l) {
    const last = l === state.activations.length - 1;
    const spec = state.activations[l];
    const row = h('div', { class: 'field-row layer-row' },
      h('span', { class: 'layer-name', text: last ? t('setup.outputLayer') : t('setup.hiddenLayer', { n: l + 1 }) }));
    if (!last) {
      row.append(selectField(`units-${l}`, t('setup.units'), state.hidden[l],
        range(...LIMITS.units).map((k) => [k, String(k)]), (value) => {
          const next = reshaped(state);
          next.hidden[l] = Number(value);
          commit(next, 'h');
        }));
    }
    row.append(selectField(`act-${l}`, t('setup.activation'), spec.name,
      ACTIVATIONS.map((name) => [name, activationName(t, name)]), (name) => {
        const next = copyState(state);
        next.activations[l] = activationSpec(name);
        if (last && name !== 'sigmoid' && next.loss === 'bce') next.loss = 'mse';
        commit(next, 'act');
      }));
    if (spec.name === 'leaky_relu') {
      row.append(numberField(`slope-${l}`, t('setup.slope'), spec.slope, FIELD_RULES.slope, (value) => {
        const next = copyState(state);
        next.activations[l].slope = value;
        return next;
      }));
    }
    if (spec.name === 'prelu') {
      row.append(numberField(`alpha-${l}`, t('setup.alpha'), spec.alpha, FIELD_RULES.alpha, (value) => {
        const next = copyState(state);
        next.activations[l].alpha = value;
        return next;
      }));
      const id = uid('f');
      row.append(h('span', { class: 'check-field' },
        h('input', {
          id, type: 'checkbox', checked: spec.perUnit, 'data-field': `alphaMode-${l}`,
          onchange: (event) => {
            const next = copyState(state);
            next.activations[l].perUnit = event.target.checked;
            commit(next, 'act');
          },
        }),
        h('label', { for: id, text: t('setup.alphaPerUnit') })));
    }
    return row;
  }

  function dataSection(state) {
    const bceAllowed = outputIsSigmoid(state);
    const inputs = h('div', { class: 'field-row' },
      state.inputs.map((x, i) => numberField(`x-${i}`, t('setup.inputLabel', { i: i + 1 }), x, FIELD_RULES.x, (value) => {
        const next = copyState(state);
        next.inputs[i] = value;
        return next;
      })),
      numberField('target', t('setup.target'), state.target, state.loss === 'bce' ? FIELD_RULES.tBce : FIELD_RULES.t, (value) => {
        const next = copyState(state);
        next.target = value;
        return next;
      }),
      selectField('loss', t('setup.loss'), state.loss, [['mse', t('loss.mse.name')], ['bce', t('loss.bce.name')]], (loss) => {
        const next = copyState(state);
        next.loss = loss;
        commit(next, 'loss');
      }, { disabled: bceAllowed ? [] : ['bce'] }));
    return h('fieldset', { class: 'setup-group' }, h('legend', { text: t('setup.data') }), inputs,
      h('p', { class: 'setup-hint', text: bceAllowed ? t('setup.bceNote') : t('setup.bceDisabled') }));
  }

  function weightsSection(state, initial) {
    const mode = state.params.mode;
    const radioName = uid('mode');
    const radio = (value, label) => {
      const id = uid('f');
      return h('span', { class: 'check-field' },
        h('input', {
          id, type: 'radio', name: radioName, value, checked: mode === value, 'data-field': `mode-${value}`,
          onchange: () => {
            const next = copyState(state);
            next.params = value === 'init'
              ? { mode: 'init', scheme: 'xavier_uniform', seed: 0 }
              : explicitFrom(initial);
            commit(next, 'init');
          },
        }),
        h('label', { for: id, text: label }));
    };
    const group = h('fieldset', { class: 'setup-group' }, h('legend', { text: t('setup.weights') }),
      h('div', { class: 'field-row', role: 'radiogroup', 'aria-label': t('setup.weightsMode') },
        radio('init', t('setup.modeInit')), radio('explicit', t('setup.modeExplicit'))));
    if (mode === 'init') {
      group.append(h('div', { class: 'field-row' },
        selectField('scheme', t('setup.scheme'), state.params.scheme, INIT_SCHEMES.map((name) => [name, t(`scheme.${name}`)]), (scheme) => {
          const next = copyState(state);
          next.params.scheme = scheme;
          commit(next, 'init');
        }),
        numberField('seed', t('setup.seed'), state.params.seed, FIELD_RULES.seed, (value) => {
          const next = copyState(state);
          next.params.seed = value;
          return next;
        })));
    }
    group.append(h('p', { class: 'setup-hint', text: t(mode === 'init' ? 'setup.weightsHintInit' : 'setup.weightsHintExplicit') }));
    if (initial) group.append(weightTables(state, initial));
    return group;
  }

  function explicitFrom(initial) {
    return {
      mode: 'explicit',
      weights: initial.map((layer) => layer.weights.map((row) => row.slice())),
      biases: initial.map((layer) => layer.biases.slice()),
    };
  }

  /** One small table per layer: a row per neuron with b and w_j1…w_jn as typed numbers. */
  function weightTables(state, initial) {
    const units = layerUnits(state);
    const fanIn = layerFanIn(state);
    const errorSlot = h('div', { class: 'field-error-slot' });
    const candidateFor = (l, j, i) => (value) => {
      const next = copyState(state);
      next.params = explicitFrom(initial);
      if (i === null) next.params.biases[l][j] = value;
      else next.params.weights[l][j][i] = value;
      return next;
    };
    const weightInput = (field, label, value, candidate) => numberInput(t, {
      label, value: Number(value.toPrecision(6)), rule: FIELD_RULES.parameter, field, slot: () => errorSlot,
      onValue: (parsed) => apply(candidate(parsed)), attributes: { 'aria-label': label, title: String(value) },
    });
    return h('div', { class: 'weight-tables' }, units.map((count, l) => {
      const inputName = l === 0 ? 'x' : 'a';
      return h('div', { class: 'table-scroll' }, h('table', { class: 'weight-table' },
        h('caption', { text: l === units.length - 1 ? t('setup.outputLayer') : t('setup.hiddenLayer', { n: l + 1 }) }),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('setup.neuron') }), h('th', { scope: 'col', text: 'b' }),
          range(1, fanIn[l]).map((i) => h('th', { scope: 'col', text: `w·${i} (${inputName}${i})` })))),
        h('tbody', {}, range(0, count - 1).map((j) => h('tr', {},
          h('th', { scope: 'row', text: String(j + 1) }),
          h('td', {}, weightInput(`b-${l}-${j}`,
            t('setup.biasLabel', { layer: l + 1, unit: j + 1 }), initial[l].biases[j], candidateFor(l, j, null))),
          range(0, fanIn[l] - 1).map((i) => h('td', {}, weightInput(`w-${l}-${j}-${i}`,
            t('setup.weightLabel', { layer: l + 1, unit: j + 1, source: i + 1 }), initial[l].weights[j][i], candidateFor(l, j, i)))))))));
    }), errorSlot);
  }

  function update(state, initial) {
    const active = element.getRootNode().activeElement; // the document's, or the shadow root's when embedded
    const focusedField = active && element.contains(active) ? active.dataset.field : null;
    current = state;
    clear(body);
    body.append(shapeSection(state), h('fieldset', { class: 'setup-group' }, h('legend', { text: t('setup.activations') }),
      state.activations.map((_, l) => layerRow(state, l))), dataSection(state), weightsSection(state, initial));
    if (focusedField) {
      const again = body.querySelector(`[data-field="${focusedField}"]`);
      if (again) again.focus();
    }
  }

  return { element, noticeSlot, summary: summaryText, update, get state() { return current; } };
}
