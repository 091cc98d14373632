// The playground's settings: preset, data (kind, size, noise, seed), network (hidden layer sizes,
// activation, initialiser, starting bias, seed) and training (optimiser, learning rate, batch,
// steps). Every edit is a candidate state the widget validates before applying.
import { fieldErrors } from '../../kit/field-error.js';
import { h, uid } from '../../kit/dom.js';
import { ACTIVATIONS, DATASETS, INITS, OPTIMISERS, FIELD_LIMITS } from '../../kit/state/lab-fields.js';
import { PLAYGROUND_LIMITS } from '../../kit/state/playground-schema.js';
import { numberField, selectField, createBinder } from '../../kit/experiment/fields.js';
import { defaultActivation } from '../../kit/experiment/labels.js';
import { PLAYGROUND_PRESETS, matchingPreset } from './model.js';

/** "8, 8, 8" → [8, 8, 8]; a part that is not a whole number stays text, so the validator names it. */
function parseSizes(text) {
  const parts = text.split(/[\s,，]+/).filter((part) => part !== '');
  return parts.map((part) => (/^\d{1,4}$/.test(part) ? Number(part) : part));
}

/**
 * createPlaygroundSetup(t, {apply(candidate) → message|null, applyPreset(name)}) → {element, update(state)}
 */
export function createPlaygroundSetup(t, { apply, applyPreset }) {
  const body = h('div', { class: 'pg-setup-body' });
  const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const element = h('section', { class: 'pg-setup', 'aria-label': t('lab.setup.title') },
    h('h3', { class: 'panel-title', text: t('lab.setup.title') }), body, error);
  let state = null;
  let builtKey = null;
  const bind = createBinder();

  // A refused value's message goes next to the field the reader changed (field-error.js).
  const errors = fieldErrors(element, error);
  function commit(candidate) {
    errors.show(apply({ ...candidate, at: 0 }));
  }
  const edit = (change) => { const next = structuredClone(state); change(next); commit(next); };

  function presetRow() {
    const preset = matchingPreset(state);
    const options = [...Object.keys(PLAYGROUND_PRESETS).map((name) => [name, t(`pg.preset.${name}`)]), ['custom', t('lab.preset.custom')]];
    return h('div', { class: 'lab-preset' },
      h('div', { class: 'field-row' },
        bind.field(selectField({
          field: 'preset', label: t('lab.setup.preset'), value: preset, options, disabled: ['custom'],
          onValue: (name) => { if (name !== 'custom') applyPreset(name); },
        }), (s) => matchingPreset(s))),
      bind.text(h('p', { class: 'lab-preset-about' }), (s) => t(`pg.preset.${matchingPreset(s)}.about`)));
  }

  function dataGroup() {
    const d = state.dataset;
    return h('fieldset', { class: 'setup-group' }, h('legend', { text: t('lab.setup.data') }),
      h('div', { class: 'field-row' },
        bind.field(selectField({ field: 'data', label: t('lab.setup.dataset'), value: d.kind, options: DATASETS.map((k) => [k, t(`lab.dataset.${k}`)]), onValue: (v) => edit((s) => { s.dataset.kind = v; }) }), (s) => s.dataset.kind),
        bind.field(numberField({ field: 'n', label: t('lab.setup.size'), value: d.size, min: FIELD_LIMITS.size[0], max: FIELD_LIMITS.size[1], step: 10, onValue: (v) => edit((s) => { s.dataset.size = v; }) }), (s) => s.dataset.size),
        bind.field(numberField({ field: 'noise', label: t('lab.setup.noise'), value: d.noise, min: 0, max: 1, step: 0.05, onValue: (v) => edit((s) => { s.dataset.noise = v; }) }), (s) => s.dataset.noise),
        bind.field(numberField({ field: 'dseed', label: t('lab.setup.dataSeed'), value: d.seed, min: 0, step: 1, width: '7.5em', onValue: (v) => edit((s) => { s.dataset.seed = v; }) }), (s) => s.dataset.seed)),
      h('p', { class: 'setup-hint', text: t('pg.setup.testSet') }));
  }

  function networkGroup() {
    const sizesId = uid('f');
    const sizes = h('input', {
      id: sizesId, type: 'text', inputmode: 'numeric', value: state.hidden.join(', '), 'data-field': 'hidden', autocomplete: 'off', spellcheck: 'false',
      onchange: (event) => {
        const parsed = parseSizes(event.target.value);
        edit((s) => { s.hidden = parsed; });
      },
    });
    const spec = state.activation;
    const row = h('div', { class: 'field-row' },
      bind.field(h('span', { class: 'number-field pg-sizes' }, h('label', { for: sizesId, text: t('pg.setup.hidden') }), sizes), (s) => s.hidden.join(', ')),
      bind.field(selectField({ field: 'act', label: t('pg.setup.activation'), value: spec.name, options: ACTIVATIONS.map((k) => [k, t(`lab.act.${k}`)]), onValue: (v) => edit((s) => { s.activation = defaultActivation(v); }) }), (s) => s.activation.name));
    if (spec.name === 'leaky_relu') {
      row.append(bind.field(numberField({ field: 'slope', label: t('lab.setup.slope'), value: spec.slope, min: 0, max: 1, step: 0.01, width: '5em', onValue: (v) => edit((s) => { s.activation.slope = v; }) }), (s) => s.activation.slope));
    }
    if (spec.name === 'prelu') {
      row.append(bind.field(numberField({ field: 'alpha', label: t('lab.setup.alpha'), value: spec.alpha, min: -1, max: 1, step: 0.05, width: '5em', onValue: (v) => edit((s) => { s.activation.alpha = v; }) }), (s) => s.activation.alpha));
    }
    return h('fieldset', { class: 'setup-group' }, h('legend', { text: t('lab.setup.network') }),
      row,
      h('div', { class: 'field-row' },
        bind.field(selectField({ field: 'init', label: t('lab.setup.init'), value: state.init, options: INITS.map((k) => [k, t(`lab.init.${k}`)]), onValue: (v) => edit((s) => { s.init = v; }) }), (s) => s.init),
        bind.field(numberField({ field: 'bias', label: t('lab.setup.bias'), value: state.bias, min: FIELD_LIMITS.bias[0], max: FIELD_LIMITS.bias[1], step: 0.1, width: '5.5em', onValue: (v) => edit((s) => { s.bias = v; }) }), (s) => s.bias),
        bind.field(numberField({ field: 'seed', label: t('lab.setup.seed'), value: state.seed, min: 0, step: 1, width: '7.5em', onValue: (v) => edit((s) => { s.seed = v; }) }), (s) => s.seed)),
      bind.text(h('p', { class: 'setup-hint' }), (s) => t('pg.setup.shape', {
        shape: ['2', ...s.hidden.map(String), '1'].join(' → '), layers: PLAYGROUND_LIMITS.hiddenLayers[1], units: PLAYGROUND_LIMITS.units[1],
      })));
  }

  function trainingGroup() {
    return h('fieldset', { class: 'setup-group' }, h('legend', { text: t('lab.setup.training') }),
      h('div', { class: 'field-row' },
        bind.field(selectField({ field: 'opt', label: t('lab.setup.optimiser'), value: state.optimiser, options: OPTIMISERS.map((k) => [k, t(`lab.opt.${k}`)]), onValue: (v) => edit((s) => { s.optimiser = v; }) }), (s) => s.optimiser),
        bind.field(numberField({ field: 'lr', label: t('lab.setup.lr'), value: state.lr, min: 0, max: FIELD_LIMITS.learningRate[1], step: 0.001, onValue: (v) => edit((s) => { s.lr = v; }) }), (s) => s.lr),
        bind.field(numberField({ field: 'batch', label: t('lab.setup.batch'), value: state.batch, min: 1, max: FIELD_LIMITS.batch[1], step: 1, width: '5em', onValue: (v) => edit((s) => { s.batch = v; }) }), (s) => s.batch),
        bind.field(numberField({ field: 'steps', label: t('lab.setup.steps'), value: state.steps, min: 1, max: FIELD_LIMITS.steps[1], step: 100, onValue: (v) => edit((s) => { s.steps = v; }) }), (s) => s.steps)));
  }

  function update(next) {
    state = next;
    const focused = element.getRootNode().activeElement;
    // Only another activation (which has its own parameter field) changes the form's structure.
    const key = state.activation.name;
    if (key === builtKey) { bind.refresh(state, focused); return; }
    builtKey = key;
    bind.clear();
    const field = focused && element.contains(focused) ? focused.dataset.field : null;
    body.replaceChildren(presetRow(), dataGroup(), networkGroup(), trainingGroup());
    bind.refresh(state, null);
    if (field) {
      const again = body.querySelector(`[data-field="${field}"]`);
      if (again && !again.disabled) again.focus({ preventScroll: true });
    }
  }

  return { element, update };
}
