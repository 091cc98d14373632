// The settings panel the lab and the playground share: a preset, the data, the initialisation, the
// training, and each activation's own parameter. Every edit builds a candidate state that the widget
// validates before applying; a rejected edit shows why, next to the field, and changes nothing.
// Each widget lays out its groups (and adds its network and activation fields) in `layout.groups`.
import { fieldErrors } from '../field-error.js';
import { h } from '../dom.js';
import { DATASETS, INITS, OPTIMISERS, FIELD_LIMITS } from '../state/lab-fields.js';
import { numberField, selectField, createBinder } from './fields.js';

/** The parameter field each parametrised activation shows next to its name. */
const PARAMETERS = Object.freeze({
  leaky_relu: { key: 'slope', min: 0, max: 1, step: 0.01 },
  prelu: { key: 'alpha', min: -1, max: 1, step: 0.05 },
});

const read = (state, path) => path.reduce((value, key) => value[key], state);
function write(state, path, value) { read(state, path.slice(0, -1))[path[path.length - 1]] = value; }

/**
 * createSetupPanel(t, {apply(candidate) → message|null, applyPreset(name)}, layout) → {element, update(state)}
 * layout: {prefix ('lab' | 'pg': class names), presets (names), presetKey (locale prefix),
 *   matchingPreset(state), structureKey(state) (a change rebuilds the form), groups(panel) → elements}
 */
export function createSetupPanel(t, { apply, applyPreset }, layout) {
  const body = h('div', { class: `${layout.prefix}-setup-body` });
  const error = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const element = h('section', { class: `${layout.prefix}-setup`, 'aria-label': t('lab.setup.title') },
    h('h3', { class: 'panel-title', text: t('lab.setup.title') }), body, error);
  let state = null;
  let builtKey = null;
  const bind = createBinder();

  // A refused value's message goes next to the field the reader changed (field-error.js).
  const errors = fieldErrors(element, error);
  const edit = (change) => {
    const next = structuredClone(state);
    change(next);
    errors.show(apply({ ...next, at: 0 }));
  };

  const panel = {
    get state() { return state; },
    bind,
    edit,
    /** A number input bound to the value at `path` in the state, e.g. ['dataset', 'size']. */
    number(field, labelKey, path, options) {
      return bind.field(numberField({
        field, label: t(labelKey), value: read(state, path), ...options, onValue: (v) => edit((s) => write(s, path, v)),
      }), (s) => read(s, path));
    },
    /** A select over `values` (option text from `${optionKey}.${value}`) bound to the value at `path`. */
    select(field, labelKey, path, values, optionKey) {
      return bind.field(selectField({
        field, label: t(labelKey), value: read(state, path), options: values.map((k) => [k, t(`${optionKey}.${k}`)]),
        onValue: (v) => edit((s) => write(s, path, v)),
      }), (s) => read(s, path));
    },
    row: (...fields) => h('div', { class: 'field-row' }, ...fields),
    group: (legendKey, ...children) => h('fieldset', { class: 'setup-group' }, h('legend', { text: t(legendKey) }), ...children),

    presetRow() {
      const preset = layout.matchingPreset(state);
      const about = (name) => t(`${layout.presetKey}.${name}.about`);
      const options = [...layout.presets.map((name) => [name, t(`${layout.presetKey}.${name}`)]), ['custom', t('lab.preset.custom')]];
      return h('div', { class: 'lab-preset' },
        panel.row(bind.field(selectField({
          field: 'preset', label: t('lab.setup.preset'), value: preset, options, disabled: ['custom'],
          onValue: (name) => { if (name !== 'custom') applyPreset(name); },
        }), (s) => layout.matchingPreset(s))),
        bind.text(h('p', { class: 'lab-preset-about', text: about(preset) }), (s) => about(layout.matchingPreset(s))));
    },
    dataGroup(...extra) {
      return panel.group('lab.setup.data',
        panel.row(
          panel.select('data', 'lab.setup.dataset', ['dataset', 'kind'], DATASETS, 'lab.dataset'),
          panel.number('n', 'lab.setup.size', ['dataset', 'size'], { min: FIELD_LIMITS.size[0], max: FIELD_LIMITS.size[1], step: 10 }),
          panel.number('noise', 'lab.setup.noise', ['dataset', 'noise'], { min: 0, max: 1, step: 0.05 }),
          panel.number('dseed', 'lab.setup.dataSeed', ['dataset', 'seed'], { min: 0, step: 1, width: '7.5em' })),
        ...extra);
    },
    /** Initialiser, starting bias and seed. */
    initFields() {
      return [
        panel.select('init', 'lab.setup.init', ['init'], INITS, 'lab.init'),
        panel.number('bias', 'lab.setup.bias', ['bias'],
          { min: FIELD_LIMITS.bias[0], max: FIELD_LIMITS.bias[1], step: 0.1, width: '5.5em' }),
        panel.number('seed', 'lab.setup.seed', ['seed'], { min: 0, step: 1, width: '7.5em' }),
      ];
    },
    /** The field of `spec`'s parameter (null if it has none); `path` leads to the spec in the state. */
    parameterField(spec, path) {
      const parameter = PARAMETERS[spec.name];
      if (!parameter) return null;
      const { key, ...limits } = parameter;
      return panel.number(key, `lab.setup.${key}`, [...path, key], { ...limits, width: '5em' });
    },
    trainingGroup() {
      return panel.group('lab.setup.training',
        panel.row(
          panel.select('opt', 'lab.setup.optimiser', ['optimiser'], OPTIMISERS, 'lab.opt'),
          panel.number('lr', 'lab.setup.lr', ['lr'], { min: 0, max: FIELD_LIMITS.learningRate[1], step: 0.001 }),
          panel.number('batch', 'lab.setup.batch', ['batch'], { min: 1, max: FIELD_LIMITS.batch[1], step: 1, width: '5em' }),
          panel.number('steps', 'lab.setup.steps', ['steps'], { min: 1, max: FIELD_LIMITS.steps[1], step: 100 })));
    },
  };

  function update(next) {
    state = next;
    const focused = element.getRootNode().activeElement;
    // Only a change of structure (layout.structureKey) rebuilds the form; otherwise it updates in place.
    const key = layout.structureKey(state);
    if (key === builtKey) { bind.refresh(state, focused); return; }
    builtKey = key;
    bind.clear();
    const field = focused && element.contains(focused) ? focused.dataset.field : null;
    body.replaceChildren(...layout.groups(panel));
    bind.refresh(state, null);
    if (field) {
      const again = body.querySelector(`[data-field="${field}"]`);
      if (again && !again.disabled) again.focus({ preventScroll: true });
    }
  }

  return { element, update };
}
