// Train / pause / resume, one batch at a time, back to step 0, and a progress bar with the step
// count in words. Shared by the lab and the playground.
import { h } from '../dom.js';
import { duration, stepRate } from './labels.js';

/**
 * createRunControls(t, {toggle(), step(), reset()}) → {element, update(view)}
 * view: {phase, step, steps, playing, diverged, empty, rate, remainingMs}: diverged means every network
 * diverged and training stopped at `step`; empty, that there is no data to train on (the learner's
 * own points, all erased); rate (steps/s) and remainingMs are shown while training.
 */
export function createRunControls(t, actions, { extra = [] } = {}) {
  const toggle = h('button', { type: 'button', class: 'action action--primary', 'data-action': 'train', onclick: actions.toggle });
  const stepButton = h('button', {
    type: 'button', class: 'action', 'data-action': 'step', onclick: actions.step, text: t('lab.run.step'),
  });
  const reset = h('button', { type: 'button', class: 'action', 'data-action': 'reset', onclick: actions.reset, text: t('lab.run.reset') });
  const progress = h('progress', { class: 'lab-progress', max: 1, value: 0 });
  const progressText = h('p', { class: 'lab-progress-text', 'aria-live': 'off' });
  const phaseText = h('p', { class: 'lab-phase', 'data-role': 'phase' });
  const element = h('div', { class: 'lab-run' },
    h('div', { class: 'lab-run-buttons', role: 'group', 'aria-label': t('lab.run.label') }, toggle, stepButton, reset, extra),
    h('div', { class: 'lab-progress-row' }, progress, progressText),
    phaseText);

  function update({ phase, step, steps, playing, diverged = false, empty = false, rate = null, remainingMs = null }) {
    const done = step >= steps || diverged;
    let label = 'lab.run.train';
    if (playing) label = 'lab.run.pause';
    else if (done) label = 'lab.run.again';
    else if (step > 0) label = 'lab.run.resume';
    toggle.textContent = t(label, { steps });
    toggle.dataset.mode = playing ? 'pause' : done ? 'again' : step > 0 ? 'resume' : 'train';
    const busy = phase === 'restoring' || phase === 'opening' || phase === 'pausing';
    toggle.disabled = busy || phase === 'error' || empty;
    stepButton.disabled = playing || busy || done || phase === 'error' || empty;
    reset.disabled = busy || (step === 0 && !playing);
    progress.max = steps;
    progress.value = Math.min(step, steps);
    const text = t('lab.run.progress', { step, steps });
    progress.setAttribute('aria-label', text);
    progressText.textContent = text;
    let phaseKey = null;
    if (phase === 'restoring') phaseKey = 'lab.run.restoring';
    else if (phase === 'opening') phaseKey = 'lab.run.opening';
    else if (playing) phaseKey = rate ? 'lab.run.trainingRate' : 'lab.run.training';
    else if (diverged) phaseKey = 'lab.run.diverged';
    else if (empty) phaseKey = 'lab.run.empty';
    else if (done) phaseKey = 'lab.run.done';
    else if (step > 0) phaseKey = 'lab.run.paused';
    phaseText.textContent = phaseKey
      ? t(phaseKey, { step, rate: rate ? stepRate(rate) : '', time: remainingMs !== null ? duration(remainingMs, t) : '' })
      : t('lab.run.ready');
    phaseText.dataset.kind = diverged && !playing ? 'diverged' : '';
    element.dataset.phase = playing ? 'training' : phase;
    element.dataset.diverged = String(diverged);
    element.dataset.rate = rate ? String(rate) : '';
  }

  return { element, update };
}
