// The line under every exercise: how many of the catalogue's exercises this browser has solved and
// tried, with Export (a JSON file, made in the page) and Clear (asks once more before clearing).
import { h } from '../../kit/dom.js';
import { EXERCISE_IDS } from '../../kit/exercises/catalogue.js';
import { progressSummary, exportProgress, clearProgress, onProgress } from '../../kit/exercises/progress.js';

/** progressLine(t) → {element, setLang(t), destroy()}; it redraws itself after any change in this page. */
export function progressLine(translate) {
  let t = translate;
  const text = h('span', { class: 'exercise-progress-text' });
  let confirming = false;
  const clearButton = h('button', { type: 'button', class: 'exercise-clear' });
  const exportButton = h('button', {
    type: 'button', class: 'exercise-export',
    onclick: () => {
      const url = URL.createObjectURL(new Blob([exportProgress()], { type: 'application/json' }));
      const link = h('a', { href: url, download: 'actlab-exercise-progress.json', hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  });
  clearButton.addEventListener('click', () => {
    if (!confirming) { confirming = true; render(); return; }
    confirming = false;
    clearProgress();
  });
  clearButton.addEventListener('blur', () => { if (confirming) { confirming = false; render(); } });
  function render() {
    const { solved, attempted } = progressSummary(EXERCISE_IDS);
    text.textContent = t('exercise.progress.summary', {
      solved: String(solved), attempted: String(attempted), total: String(EXERCISE_IDS.length),
    });
    clearButton.textContent = t(confirming ? 'exercise.progress.confirmClear' : 'exercise.progress.clear');
    exportButton.textContent = t('exercise.progress.export');
  }
  render();
  const stop = onProgress(render);
  const element = h('p', { class: 'exercise-progress' }, text, ' ', exportButton, ' ', clearButton);
  return { element, setLang(next) { t = next; render(); }, destroy: stop };
}
