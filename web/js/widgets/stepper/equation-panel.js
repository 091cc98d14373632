// The equation of the current step, typeset with its numbers, a note on what it means, and a
// live region that reads the same equation in words.
import { h, clear } from '../../kit/dom.js';
import { renderTex } from '../../kit/math.js';
import { describeStep, CHAIN_RULE_TEX } from './equation.js';

/** createEquationPanel(t) → {element, liveRegion, update({step, index, total, context}, announce)} */
export function createEquationPanel(t) {
  const heading = h('h3', { class: 'panel-title' });
  const formula = h('div', { class: 'equation', 'data-role': 'equation' });
  const local = h('div', { class: 'equation equation--local', hidden: true });
  const note = h('p', { class: 'equation-note' });
  const element = h('section', { class: 'stepper-equation', 'aria-label': t('equation.title') }, heading, formula, local, note);
  const liveRegion = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-role': 'live' });

  function update({ step, index, total, context, phase }, announce = true) {
    if (!step) {
      heading.textContent = t('equation.startKind');
      renderTex(formula, CHAIN_RULE_TEX);
      local.hidden = true;
      clear(local);
      note.textContent = t('equation.startNote');
      formula.dataset.kind = 'start';
      element.dataset.phase = 'start';
      if (announce) liveRegion.textContent = t('words.start', { total });
      return;
    }
    const description = describeStep(step, context, t);
    heading.textContent = t(`kind.${step.kind}`);
    renderTex(formula, description.tex);
    formula.dataset.kind = step.kind;
    if (description.localTex) {
      local.hidden = false;
      // Separate pieces, so a narrow screen wraps between them rather than inside a formula.
      local.replaceChildren(...description.localTex.map((tex) => renderTex(h('span', { class: 'tex-part' }), tex)));
    } else {
      local.hidden = true;
      clear(local);
    }
    note.textContent = description.note;
    element.dataset.phase = phase;
    if (announce) {
      liveRegion.textContent = `${t('words.prefix', { step: index, total, phase: t(`phase.${phase}`) })} ${description.words}`;
    }
  }

  return { element, liveRegion, update };
}
