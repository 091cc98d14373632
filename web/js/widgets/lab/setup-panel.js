// The lab's settings: preset, data, network, activations to compare, training (the panel and its
// common groups are kit/experiment/setup-panel.js). Every edit builds a candidate state that the
// widget validates before applying; a rejected edit shows why and changes nothing.
import { h } from '../../kit/dom.js';
import { ACTIVATIONS } from '../../kit/state/lab-fields.js';
import { activationName } from '../../kit/activations.js';
import { LAB_LIMITS } from '../../kit/state/lab-schema.js';
import { createSetupPanel } from '../../kit/experiment/setup-panel.js';
import { checkField } from '../../kit/experiment/fields.js';
import { defaultActivation } from '../../kit/experiment/labels.js';
import { LAB_PRESETS, matchingPreset } from './model.js';

function networkGroup(panel, t) {
  return panel.group('lab.setup.network',
    panel.row(
      panel.number('depth', 'lab.setup.depth', ['depth'], { min: LAB_LIMITS.depth[0], max: LAB_LIMITS.depth[1], step: 1, width: '5em' }),
      panel.number('width', 'lab.setup.width', ['width'], { min: LAB_LIMITS.width[0], max: LAB_LIMITS.width[1], step: 1, width: '5em' }),
      panel.initFields()),
    panel.bind.text(h('p', { class: 'setup-hint' }), (s) => t('lab.setup.shape', { depth: s.depth, width: s.width })));
}

/** A checkbox per activation (within the allowed count), with its parameter once chosen. */
function activationGroup(panel, t) {
  const { state, edit } = panel;
  const chosen = new Set(state.activations.map((spec) => spec.name));
  const [fewest, most] = LAB_LIMITS.activations;
  const boxes = ACTIVATIONS.map((name) => {
    const checked = chosen.has(name);
    const k = state.activations.findIndex((spec) => spec.name === name);
    return h('span', { class: 'lab-activation-choice' },
      checkField({
        field: `act-${name}`, label: activationName(t, name, 'lab.act'), checked,
        disabled: (checked && chosen.size <= fewest) || (!checked && chosen.size >= most),
        onChange: (on) => edit((s) => {
          if (on) {
            s.activations.push(defaultActivation(name));
            s.activations.sort((a, b) => ACTIVATIONS.indexOf(a.name) - ACTIVATIONS.indexOf(b.name));
          } else {
            s.activations = s.activations.filter((spec) => spec.name !== name);
          }
        }),
      }),
      checked ? panel.parameterField(state.activations[k], ['activations', k]) : null);
  });
  return h('fieldset', { class: 'setup-group lab-activations' }, h('legend', { text: t('lab.setup.activations', { fewest, most }) }),
    h('div', { class: 'lab-activation-list' }, boxes));
}

/**
 * createLabSetup(t, {apply(candidate) → message|null, applyPreset(name)}) → {element, update(state)}
 */
export function createLabSetup(t, actions) {
  return createSetupPanel(t, actions, {
    prefix: 'lab',
    presets: Object.keys(LAB_PRESETS),
    presetKey: 'lab.preset',
    matchingPreset,
    // Only a different set of activations changes the form's structure.
    structureKey: (state) => JSON.stringify(state.activations.map((spec) => spec.name)),
    groups: (panel) => [panel.presetRow(), panel.dataGroup(), networkGroup(panel, t), activationGroup(panel, t), panel.trainingGroup()],
  });
}
