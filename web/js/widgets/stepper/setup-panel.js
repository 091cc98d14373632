// The network setup form: preset, shape, activations, inputs, target, loss and initial weights.
// Every edit produces a candidate state that is validated before it is applied.
import { h, uid, clear } from '../../dom.js';
import { ACTIVATIONS, INIT_SCHEMES, LIMITS } from '../../state/stepper-schema.js';
import {
  PRESETS, presetState, matchingPreset, activationSpec, copyState, layerUnits, layerFanIn, outputIsSigmoid,
} from './model.js';

const range = (low, high) => Array.from({ length: high - low + 1 }, (_, k) => low + k);

/** A state edit that changes the network resets the history of updates and, if needed, the weights. */
function reshaped(state) {
  const next = copyState(state);
  if (next.params.mode === 'explicit') next.params = { mode: 'init', scheme: 'xavier_uniform', seed: 0 };
  next.cycles = 0;
  next.step = 0;
  return next;
}

function resized(list, length, fill) {
  return Array.from({ length }, (_, k) => (k < list.length ? list[k] : fill));
}

/**
 * createSetupPanel(t, {apply(candidate, field), }) → {element, update(state, initial)}
 * `apply` validates and applies a candidate state; it returns an error string or null.
 */
export function createSetupPanel(t, { apply }) {
  const body = h('div', { class: 'setup-body' });
  const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const summaryText = h('span', { class: 'setup-summary' });
  const element = h('details', { class: 'stepper-setup' },
    h('summary', {}, h('span', { class: 'setup-title', text: t('setup.title') }), summaryText), body, error);
  let current = null;

  function commit(candidate, field) {
    const message = apply(candidate, field);
    error.hidden = !message;
    error.textContent = message || '';
  }

  /** An editable number; applies on change, keeps the typed text on error. */
  function numberField(field, label, value, onValue, { step = 'any', min, max, className = 'number-field' } = {}) {
    const id = uid('f');
    const input = h('input', {
      id, type: 'number', inputmode: 'decimal', step, min, max, value: String(value), 'data-field': field,
      onchange: (event) => {
        const text = event.target.value.trim();
        const parsed = text === '' ? NaN : Number(text);
        onValue(parsed);
      },
    });
    return h('span', { class: className }, h('label', { for: id, text: label }), input);
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
        selectField('hiddenCount', t('setup.hiddenCount'), state.hidden.length, range(...LIMITS.hiddenLayers).map((k) => [k, String(k)]), (value) => {
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
      row.append(selectField(`units-${l}`, t('setup.units'), state.hidden[l], range(...LIMITS.units).map((k) => [k, String(k)]), (value) => {
        const next = reshaped(state);
        next.hidden[l] = Number(value);
        commit(next, 'h');
      }));
    }
    row.append(selectField(`act-${l}`, t('setup.activation'), spec.name, ACTIVATIONS.map((name) => [name, t(`activation.${name}`)]), (name) => {
      const next = copyState(state);
      next.activations[l] = activationSpec(name);
      next.cycles = 0;
      if (last && name !== 'sigmoid' && next.loss === 'bce') next.loss = 'mse';
      commit(next, 'act');
    }));
    if (spec.name === 'leaky_relu') {
      row.append(numberField(`slope-${l}`, t('setup.slope'), spec.slope, (value) => {
        const next = copyState(state);
        next.activations[l].slope = value;
        next.cycles = 0;
        commit(next, 'act');
      }, { step: 0.01, min: LIMITS.slope[0], max: LIMITS.slope[1] }));
    }
    if (spec.name === 'prelu') {
      row.append(numberField(`alpha-${l}`, t('setup.alpha'), spec.alpha, (value) => {
        const next = copyState(state);
        next.activations[l].alpha = value;
        next.cycles = 0;
        commit(next, 'act');
      }, { step: 0.05, min: LIMITS.alpha[0], max: LIMITS.alpha[1] }));
      const id = uid('f');
      row.append(h('span', { class: 'check-field' },
        h('input', {
          id, type: 'checkbox', checked: spec.perUnit, 'data-field': `alphaMode-${l}`,
          onchange: (event) => {
            const next = copyState(state);
            next.activations[l].perUnit = event.target.checked;
            next.cycles = 0;
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
      state.inputs.map((x, i) => numberField(`x-${i}`, `x${i + 1}`, x, (value) => {
        const next = copyState(state);
        next.inputs[i] = value;
        next.cycles = 0;
        commit(next, 'x');
      }, { step: 0.1 })),
      numberField('target', t('setup.target'), state.target, (value) => {
        const next = copyState(state);
        next.target = value;
        next.cycles = 0;
        commit(next, 't');
      }, { step: 0.1 }),
      selectField('loss', t('setup.loss'), state.loss, [['mse', t('loss.mse.name')], ['bce', t('loss.bce.name')]], (loss) => {
        const next = copyState(state);
        next.loss = loss;
        next.cycles = 0;
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
            next.cycles = 0;
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
          next.cycles = 0;
          commit(next, 'init');
        }),
        numberField('seed', t('setup.seed'), state.params.seed, (value) => {
          const next = copyState(state);
          next.params.seed = value;
          next.cycles = 0;
          commit(next, 'seed');
        }, { step: 1, min: 0 })));
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

  /** One small table per layer: a row per neuron with b and w_j1…w_jn as number inputs. */
  function weightTables(state, initial) {
    const units = layerUnits(state);
    const fanIn = layerFanIn(state);
    const edit = (l, j, i, value) => {
      const next = copyState(state);
      next.params = explicitFrom(initial);
      if (i === null) next.params.biases[l][j] = value;
      else next.params.weights[l][j][i] = value;
      next.cycles = 0;
      commit(next, i === null ? 'b' : 'w');
    };
    return h('div', { class: 'weight-tables' }, units.map((count, l) => {
      const inputName = l === 0 ? 'x' : 'a';
      return h('div', { class: 'table-scroll' }, h('table', { class: 'weight-table' },
        h('caption', { text: l === units.length - 1 ? t('setup.outputLayer') : t('setup.hiddenLayer', { n: l + 1 }) }),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('setup.neuron') }), h('th', { scope: 'col', text: 'b' }),
          range(1, fanIn[l]).map((i) => h('th', { scope: 'col', text: `w·${i} (${inputName}${i})` })))),
        h('tbody', {}, range(0, count - 1).map((j) => h('tr', {},
          h('th', { scope: 'row', text: String(j + 1) }),
          h('td', {}, weightInput(`b-${l}-${j}`, t('setup.biasLabel', { layer: l + 1, unit: j + 1 }), initial[l].biases[j], (v) => edit(l, j, null, v))),
          range(0, fanIn[l] - 1).map((i) => h('td', {}, weightInput(`w-${l}-${j}-${i}`,
            t('setup.weightLabel', { layer: l + 1, unit: j + 1, source: i + 1 }), initial[l].weights[j][i], (v) => edit(l, j, i, v)))))))));
    }));
  }

  function weightInput(field, label, value, onValue) {
    return h('input', {
      type: 'number', step: 'any', inputmode: 'decimal', 'aria-label': label, 'data-field': field,
      value: String(Number(value.toPrecision(6))), title: String(value),
      onchange: (event) => {
        const text = event.target.value.trim();
        onValue(text === '' ? NaN : Number(text));
      },
    });
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

  return { element, summary: summaryText, update, showError(message) { error.hidden = !message; error.textContent = message || ''; }, get state() { return current; } };
}
