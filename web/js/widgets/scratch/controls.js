// The cell's buttons: Run (also Ctrl/Cmd+Enter in the editor), Stop (only while running) and Reset
// (back to the prepared text; the reset itself can be undone in the editor with Ctrl/Cmd+Z).
import { h } from '../../kit/dom.js';

export function createControls(t, { onRun, onStop, onReset }) {
  const run = h('button', { type: 'button', class: 'scratch-button scratch-run', 'data-action': 'run', onclick: onRun });
  const stop = h('button', { type: 'button', class: 'scratch-button', 'data-action': 'stop', disabled: true, onclick: onStop });
  const reset = h('button', { type: 'button', class: 'scratch-button', 'data-action': 'reset', onclick: onReset });
  const hint = h('span', { class: 'scratch-hint' });
  const element = h('div', { class: 'scratch-controls' }, run, stop, reset, hint);

  function label() {
    run.textContent = t('scratch.run');
    stop.textContent = t('scratch.stop');
    reset.textContent = t('scratch.reset');
    hint.textContent = t('scratch.hint');
  }
  label();
  return {
    element,
    label,
    /** While a run goes, Run is off and Stop on (and back). */
    setRunning(running) {
      // A button that turns disabled loses focus: hand it to the other one.
      const from = running ? run : stop;
      const to = running ? stop : run;
      const moveFocus = from.matches(':focus');
      run.disabled = running;
      stop.disabled = !running;
      if (moveFocus) to.focus();
    },
  };
}
