// The lab's settings: preset, data, network, activations to compare, training. Every edit builds a
// candidate state that the widget validates before applying; a rejected edit shows why and changes
// nothing.
import { fieldErrors } from '../../kit/field-error.js';
import { h } from '../../kit/dom.js';
import { ACTIVATIONS, DATASETS, INITS, OPTIMISERS, FIELD_LIMITS } from '../../kit/state/lab-fields.js';
import { LAB_LIMITS } from '../../kit/state/lab-schema.js';
import { LAB_PRESETS, matchingPreset } from './model.js';
import { numberField, selectField, checkField, createBinder } from '../../kit/experiment/fields.js';
import { defaultActivation } from '../../kit/experiment/labels.js';

/**
 * createLabSetup(t, {apply(candidate) → message|null, applyPreset(name)}) → {element, update(state)}
 */
export function createLabSetup(t, { apply, applyPreset }) {
  const body = h('div', { class: 'lab-setup-body' });
  const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const element = h('section', { class: 'lab-setup', 'aria-label': t('lab.setup.title') },
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
    const options = [...Object.keys(LAB_PRESETS).map((name) => [name, t(`lab.preset.${name}`)]), ['custom', t('lab.preset.custom')]];
    return h('div', { class: 'lab-preset' },
      h('div', { class: 'field-row' },
        bind.field(selectField({
          field: 'preset', label: t('lab.setup.preset'), value: preset, options, disabled: ['custom'],
          onValue: (name) => { if (name !== 'custom') applyPreset(name); },
        }), (s) => matchingPreset(s))),
      bind.text(h('p', { class: 'lab-preset-about', text: t(`lab.preset.${preset}.about`) }), (s) => t(`lab.preset.${matchingPreset(s)}.about`)));
  }

  function dataGroup() {
    const d = state.dataset;
    return h('fieldset', { class: 'setup-group' }, h('legend', { text: t('lab.setup.data') }),
      h('div', { class: 'field-row' },
        bind.field(selectField({ field: 'data', label: t('lab.setup.dataset'), value: d.kind, options: DATASETS.map((k) => [k, t(`lab.dataset.${k}`)]), onValue: (v) => edit((s) => { s.dataset.kind = v; }) }), (s) => s.dataset.kind),
        bind.field(numberField({ field: 'n', label: t('lab.setup.size'), value: d.size, min: FIELD_LIMITS.size[0], max: FIELD_LIMITS.size[1], step: 10, onValue: (v) => edit((s) => { s.dataset.size = v; }) }), (s) => s.dataset.size),
        bind.field(numberField({ field: 'noise', label: t('lab.setup.noise'), value: d.noise, min: 0, max: 1, step: 0.05, onValue: (v) => edit((s) => { s.dataset.noise = v; }) }), (s) => s.dataset.noise),
        bind.field(numberField({ field: 'dseed', label: t('lab.setup.dataSeed'), value: d.seed, min: 0, step: 1, width: '7.5em', onValue: (v) => edit((s) => { s.dataset.seed = v; }) }), (s) => s.dataset.seed)));
  }

  function networkGroup() {
    return h('fieldset', { class: 'setup-group' }, h('legend', { text: t('lab.setup.network') }),
      h('div', { class: 'field-row' },
        bind.field(numberField({ field: 'depth', label: t('lab.setup.depth'), value: state.depth, min: LAB_LIMITS.depth[0], max: LAB_LIMITS.depth[1], step: 1, width: '5em', onValue: (v) => edit((s) => { s.depth = v; }) }), (s) => s.depth),
        bind.field(numberField({ field: 'width', label: t('lab.setup.width'), value: state.width, min: LAB_LIMITS.width[0], max: LAB_LIMITS.width[1], step: 1, width: '5em', onValue: (v) => edit((s) => { s.width = v; }) }), (s) => s.width),
        bind.field(selectField({ field: 'init', label: t('lab.setup.init'), value: state.init, options: INITS.map((k) => [k, t(`lab.init.${k}`)]), onValue: (v) => edit((s) => { s.init = v; }) }), (s) => s.init),
        bind.field(numberField({ field: 'bias', label: t('lab.setup.bias'), value: state.bias, min: FIELD_LIMITS.bias[0], max: FIELD_LIMITS.bias[1], step: 0.1, width: '5.5em', onValue: (v) => edit((s) => { s.bias = v; }) }), (s) => s.bias),
        bind.field(numberField({ field: 'seed', label: t('lab.setup.seed'), value: state.seed, min: 0, step: 1, width: '7.5em', onValue: (v) => edit((s) => { s.seed = v; }) }), (s) => s.seed)),
      bind.text(h('p', { class: 'setup-hint' }), (s) => t('lab.setup.shape', { depth: s.depth, width: s.width })));
  }

  function activationGroup() {
    const chosen = new Map(state.activations.map((spec) => [spec.name, spec]));
    const [fewest, most] = LAB_LIMITS.activations;
    const boxes = ACTIVATIONS.map((name) => {
      const checked = chosen.has(name);
      const item = h('span', { class: 'lab-activation-choice' },
        checkField({
          field: `act-${name}`, label: t(`lab.act.${name}`), checked,
          disabled: (checked && chosen.size <= fewest) || (!checked && chosen.size >= most),
          onChange: (on) => edit((s) => {
            if (on) {
              s.activations.push(defaultActivation(name));
              s.activations.sort((a, b) => ACTIVATIONS.indexOf(a.name) - ACTIVATIONS.indexOf(b.name));
            } else {
              s.activations = s.activations.filter((spec) => spec.name !== name);
            }
          }),
        }));
      if (checked && name === 'leaky_relu') {
        item.append(bind.field(numberField({ field: 'slope', label: t('lab.setup.slope'), value: chosen.get(name).slope, min: 0, max: 1, step: 0.01, width: '5em',
          onValue: (v) => edit((s) => { s.activations.find((spec) => spec.name === name).slope = v; }) }),
          (s) => s.activations.find((spec) => spec.name === name).slope));
      }
      if (checked && name === 'prelu') {
        item.append(bind.field(numberField({ field: 'alpha', label: t('lab.setup.alpha'), value: chosen.get(name).alpha, min: -1, max: 1, step: 0.05, width: '5em',
          onValue: (v) => edit((s) => { s.activations.find((spec) => spec.name === name).alpha = v; }) }),
          (s) => s.activations.find((spec) => spec.name === name).alpha));
      }
      return item;
    });
    return h('fieldset', { class: 'setup-group lab-activations' }, h('legend', { text: t('lab.setup.activations', { fewest, most }) }),
      h('div', { class: 'lab-activation-list' }, boxes));
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
    // Only a different set of activations changes the form's structure; otherwise update in place.
    const key = JSON.stringify(state.activations.map((spec) => spec.name));
    if (key === builtKey) { bind.refresh(state, focused); return; }
    builtKey = key;
    bind.clear();
    const field = focused && element.contains(focused) ? focused.dataset.field : null;
    body.replaceChildren(presetRow(), dataGroup(), networkGroup(), activationGroup(), trainingGroup());
    bind.refresh(state, null);
    if (field) {
      const again = body.querySelector(`[data-field="${field}"]`);
      if (again && !again.disabled) again.focus({ preventScroll: true });
    }
  }

  return { element, update, clearError: () => errors.clear() };
}
