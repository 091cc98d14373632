// Export (download through a Blob URL) and import (a file the learner picks) for the lab and the
// playground. The import reads the file and hands its text to a parser; the widget applies the
// result only if the parser accepted it, so a malformed file changes nothing.
import { h, uid } from '../dom.js';
import { MAX_FILE_BYTES } from '../state/lab-file.js';
import { HashError } from '../state/hash.js';

/** Save `text` as a file called `name` (works inside a shadow root: the link need not be in a document). */
export function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * createFileControls(t, {prefix, onExportJson, onExportCsv, onImport(text) → message|null, extra})
 * → {element, showMessage(text, kind)}
 * extra: more export buttons, [{action, label, onClick}] (e.g. the playground's PyTorch script).
 * onImport returns null when the file was applied, else the localized reason it was not.
 */
export function createFileControls(t, { onExportJson, onExportCsv, onImport, extra = [] }) {
  const inputId = uid('import');
  const message = h('p', { class: 'lab-file-message', role: 'alert', hidden: true });
  const input = h('input', {
    id: inputId, type: 'file', accept: '.json,application/json', class: 'visually-hidden lab-import-input',
    tabindex: '-1', 'aria-hidden': 'true',
    onchange: async (event) => {
      const file = event.target.files && event.target.files[0];
      event.target.value = '';
      if (!file) return;
      let text = null;
      let problem = null;
      if (file.size > MAX_FILE_BYTES) problem = new HashError('file-size');
      else {
        try { text = await file.text(); } catch { problem = new HashError('file-read'); }
      }
      const result = onImport(text, problem);
      showMessage(result || t('lab.import.done', { name: file.name }), result ? 'error' : 'ok');
    },
  });
  const importButton = h('button', {
    type: 'button', class: 'action', 'data-action': 'import', text: t('lab.import.button'),
    onclick: () => input.click(),
  });
  const element = h('div', { class: 'lab-files', role: 'group', 'aria-label': t('lab.files.label') },
    h('button', { type: 'button', class: 'action', 'data-action': 'export-json', text: t('lab.export.json'), onclick: onExportJson }),
    h('button', { type: 'button', class: 'action', 'data-action': 'export-csv', text: t('lab.export.csv'), onclick: onExportCsv }),
    extra.map(({ action, label, onClick }) => h('button', {
      type: 'button', class: 'action', 'data-action': action, text: label, onclick: onClick,
    })),
    importButton, input, message);

  function showMessage(text, kind) {
    message.hidden = false;
    message.textContent = text;
    message.dataset.kind = kind;
  }
  return { element, showMessage };
}
