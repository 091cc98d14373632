// The playground's settings: preset, data (kind, size, noise, seed), network (hidden layer sizes,
// activation, initialiser, starting bias, seed) and training (optimiser, learning rate, batch,
// steps); the panel and its common groups are kit/experiment/setup-panel.js. Every edit is a
// candidate state the widget validates before applying.
import { h, uid } from '../../kit/dom.js';
import { ACTIVATIONS } from '../../kit/state/lab-fields.js';
import { activationName } from '../../kit/activations.js';
import { PLAYGROUND_LIMITS, MULTICLASS_DATASETS } from '../../kit/state/playground-schema.js';
import { createSetupPanel } from '../../kit/experiment/setup-panel.js';
import { selectField } from '../../kit/experiment/fields.js';
import { defaultActivation } from '../../kit/experiment/labels.js';
import { PLAYGROUND_PRESETS, matchingPreset } from './model.js';

const range = ([low, high]) => Array.from({ length: high - low + 1 }, (_, i) => low + i);

/** "8, 8, 8" → [8, 8, 8]; a part that is not a whole number stays text, so the validator names it. */
function parseSizes(text) {
  const parts = text.split(/[\s,，]+/).filter((part) => part !== '');
  return parts.map((part) => (/^\d{1,4}$/.test(part) ? Number(part) : part));
}

function networkGroup(panel, t) {
  const { state, bind, edit } = panel;
  const sizesId = uid('f');
  const sizes = h('input', {
    id: sizesId, type: 'text', inputmode: 'numeric', value: state.hidden.join(', '), 'data-field': 'hidden',
    autocomplete: 'off', spellcheck: 'false',
    onchange: (event) => {
      const parsed = parseSizes(event.target.value);
      edit((s) => { s.hidden = parsed; });
    },
  });
  return panel.group('lab.setup.network',
    panel.row(
      bind.field(h('span', { class: 'number-field pg-sizes' }, h('label', { for: sizesId, text: t('pg.setup.hidden') }), sizes),
        (s) => s.hidden.join(', ')),
      // Another activation starts from its default parameter.
      bind.field(selectField({
        field: 'act', label: t('pg.setup.activation'), value: state.activation.name,
        options: ACTIVATIONS.map((k) => [k, activationName(t, k, 'lab.act')]),
        onValue: (v) => edit((s) => { s.activation = defaultActivation(v); }),
      }), (s) => s.activation.name),
      panel.parameterField(state.activation, ['activation'])),
    panel.row(panel.initFields()),
    bind.text(h('p', { class: 'setup-hint' }), (s) => t(s.classes > 2 ? 'pgd.setup.shapeSoftmax' : 'pg.setup.shape', {
      shape: ['2', ...s.hidden.map(String), String(s.classes > 2 ? s.classes : 1)].join(' → '),
      layers: PLAYGROUND_LIMITS.hiddenLayers[1], units: PLAYGROUND_LIMITS.units[1],
    })));
}

/**
 * createPlaygroundSetup(t, {apply(candidate) → message|null, applyPreset(name)}) → {element, update(state)}
 */
export function createPlaygroundSetup(t, actions) {
  return createSetupPanel(t, actions, {
    prefix: 'pg',
    presets: Object.keys(PLAYGROUND_PRESETS),
    presetKey: 'pg.preset',
    matchingPreset,
    // Only another activation (which has its own parameter field) changes the form's structure.
    structureKey: (state) => state.activation.name,
    groups: (panel) => [
      panel.presetRow(),
      panel.dataGroup(
        panel.row(panel.bind.field(selectField({
          field: 'classes', label: t('pgd.setup.classes'), value: String(panel.state.classes),
          options: range(PLAYGROUND_LIMITS.classes).map((k) => [String(k), String(k)]),
          // More than two classes need a dataset the engine makes with k classes: spirals unless already k-ready.
          onValue: (v) => panel.edit((s) => {
            s.classes = Number(v);
            if (s.classes > 2 && !MULTICLASS_DATASETS.includes(s.dataset.kind)) s.dataset.kind = 'spirals';
          }),
        }), (s) => String(s.classes))),
        h('p', { class: 'setup-hint', text: t('pgd.setup.classesHint') }),
        h('p', { class: 'setup-hint', text: t('pg.setup.testSet') }),
        // While the learner's own points are in use, these settings wait for a return to generated data.
        panel.bind.text(h('p', { class: 'setup-hint', 'data-role': 'own-data-note' }),
          (s) => (s.points ? t('pgd.setup.ownData', { count: s.points.length }) : ''))),
      networkGroup(panel, t),
      panel.trainingGroup(),
    ],
  });
}
