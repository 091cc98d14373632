// The controls of the learner's own data, beside the plane (point-editor.js): which class a tap adds,
// the eraser, clear all, back to generated data, and CSV (pasted or from a file). A CSV is loaded
// all or nothing: its unusable rows are listed by line number and the points stay as they were.
import { h, uid } from '../../kit/dom.js';
import { parsePointsCsv, CsvError, CSV_LIMITS } from '../../kit/state/points-csv.js';
import { OWN_DATA_LIMITS } from '../../kit/state/own-data.js';
import { CLASS_SHAPES, classColour } from '../../kit/plots/classes.js';

const GLYPHS = Object.freeze({
  square: '■', circle: '●', triangle: '▲', diamond: '◆', cross: '✖', star: '★', hexagon: '⬢', plus: '✚',
});

/** A class's key: its shape in its colour (two classes: the map's own circle and square keys). */
export function classSwatch(k, classes) {
  const shape = CLASS_SHAPES[k % CLASS_SHAPES.length];
  if (classes <= 2) return h('span', { class: `pg-key pg-key--${shape}`, 'data-class': String(k), 'aria-hidden': 'true' });
  return h('span', {
    class: 'pg-glyph', style: `color:${classColour(null, k, classes)}`, 'data-class': String(k), 'aria-hidden': 'true', text: GLYPHS[shape],
  });
}

/** One refused row in words: "line 3: expected 3 fields, found 2". */
function problemText(problem, t, classes) {
  const details = { line: problem.line, value: problem.value, max: classes - 1 };
  if (problem.line === 0) return t(`pgd.csv.reason.${problem.reason}`, { ...details, rows: CSV_LIMITS.rows, kb: CSV_LIMITS.bytes / 1024 });
  return t('pgd.csv.line', { line: problem.line, reason: t(`pgd.csv.reason.${problem.reason}`, details) });
}

/**
 * createDataPanel(t, {classes, onClass(k), onErasing(on), onPoints(points) → message|null, onGenerated()})
 *   → {element, update({points, own}), selectClass(k), message(text, kind)}
 * points: the training points shown (own or generated, as [[x₁, x₂, label]]); own: whether they are the learner's.
 */
export function createDataPanel(t, { classes, onClass, onErasing, onPoints, onGenerated }) {
  const name = uid('class');
  let selected = 1;
  const classInputs = Array.from({ length: classes }, (_, k) => h('input', {
    type: 'radio', name, value: String(k), checked: k === selected, 'data-field': `class-${k}`,
    onchange: () => { selected = k; onClass(k); eraser.checked = false; onErasing(false); },
  }));
  const classPicker = h('fieldset', { class: 'pg-class-picker' },
    h('legend', { text: t('pgd.tools.class') }),
    classInputs.map((input, k) => h('label', { class: 'pg-class-option', 'data-class': String(k) },
      input, classSwatch(k, classes), t('pgd.class.name', { k }))));
  const eraserId = uid('f');
  const eraser = h('input', { type: 'checkbox', id: eraserId, 'data-field': 'eraser', onchange: (e) => onErasing(e.target.checked) });
  const clearButton = h('button', { type: 'button', class: 'action', 'data-action': 'clear-points', text: t('pgd.tools.clear'),
    onclick: () => report(onPoints([]), t('pgd.done.cleared')) });
  const generatedButton = h('button', { type: 'button', class: 'action', 'data-action': 'generated', text: t('pgd.tools.generated'),
    onclick: () => onGenerated() });
  const status = h('p', { class: 'setup-hint pg-data-status', 'data-role': 'data-status' });
  const message = h('p', { class: 'pg-data-message', 'data-role': 'data-message', hidden: true });

  // CSV: pasted text or a file, both through the same all-or-nothing parser.
  const csvId = uid('f');
  const csvText = h('textarea', {
    id: csvId, class: 'pg-csv-text', rows: '4', spellcheck: 'false', 'data-field': 'csv',
    placeholder: 'x1,x2,label\n0.5,-1.2,1\n-0.3,0.8,0',
  });
  const fileInput = h('input', { type: 'file', accept: '.csv,.tsv,.txt,text/csv,text/plain', class: 'pg-csv-file', 'data-field': 'csv-file',
    onchange: (event) => readFile(event.target) });
  const csvPanel = h('details', { class: 'pg-csv' },
    h('summary', { text: t('pgd.csv.title') }),
    h('p', { class: 'setup-hint', text: t('pgd.csv.about', { rows: CSV_LIMITS.rows, kb: CSV_LIMITS.bytes / 1024, max: classes - 1 }) }),
    h('label', { for: csvId, text: t('pgd.csv.paste') }), csvText,
    h('div', { class: 'pg-csv-actions' },
      h('button', {
        type: 'button', class: 'action', 'data-action': 'load-csv', text: t('pgd.csv.load'), onclick: () => load(csvText.value),
      }),
      h('label', { class: 'action pg-csv-file-label' }, t('pgd.csv.file'), fileInput)));

  const element = h('div', { class: 'pg-data' },
    classPicker,
    h('div', { class: 'pg-data-tools' },
      h('span', { class: 'check-field' }, eraser, h('label', { for: eraserId, text: t('pgd.tools.eraser') })),
      clearButton, generatedButton),
    h('p', { class: 'setup-hint', text: t('pgd.tools.hint') }),
    status, message, csvPanel);

  function show(text, kind) {
    message.hidden = !text;
    message.textContent = text || '';
    message.dataset.kind = kind || '';
    message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  }
  function report(problem, success) { show(problem || success, problem ? 'error' : 'done'); }

  function load(text) {
    let points;
    try {
      points = parsePointsCsv(text, classes);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const listed = error.problems.map((problem) => problemText(problem, t, classes)).join(t('pgd.csv.separator'));
      const more = error.count > error.problems.length ? t('pgd.csv.more', { count: error.count - error.problems.length }) : '';
      show(t('pgd.csv.refused', { problems: listed + more }), 'error');
      return;
    }
    report(onPoints(points), t('pgd.done.loaded', { count: points.length }));
  }

  function readFile(input) {
    const file = input.files && input.files[0];
    input.value = '';
    if (!file) return;
    if (file.size > CSV_LIMITS.bytes) {
      show(t('pgd.csv.refused', { problems: problemText({ line: 0, reason: 'bytes', value: file.size }, t, classes) }), 'error');
      return;
    }
    file.text().then(load, () => show(t('pgd.csv.refused', { problems: t('pgd.csv.reason.unreadable') }), 'error'));
  }

  return {
    element,
    update({ points, own }) {
      const counts = Array.from({ length: classes }, (_, k) => points.filter((point) => point[2] === k).length);
      const text = own
        ? t('pgd.status.own', {
          count: points.length, max: OWN_DATA_LIMITS.points,
          perClass: counts.map((n, k) => t('pgd.status.perClass', { n, cls: t('pgd.class.name', { k }) })).join(t('pgd.csv.separator')),
        })
        : t('pgd.status.generated', { count: points.length });
      if (status.textContent !== text) status.textContent = text; // unchanged text: no layout work while training
      generatedButton.hidden = !own;
      clearButton.disabled = own && points.length === 0;
    },
    selectClass(k) {
      if (k < 0 || k >= classes) return false;
      classInputs[k].checked = true;
      classInputs[k].dispatchEvent(new Event('change'));
      return true;
    },
    message: show,
  };
}
