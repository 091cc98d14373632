// mountScratch(root, {lang, initialState, onStateChange, onInvalidState, cell})
// → {ready, setLang, setState, getState, destroy}.
// A scratch cell: a prepared piece of JavaScript against the engine's API (docs/js-api.md) that the
// learner edits and runs; what it shows (text, tables, plots) appears under it. The code never runs
// in the page: runner.js hands it to a sandboxed frame (docs/scratch.md). `cell` is the chapter's
// prepared cell: {key, code, titleKey, introKey}; state is {code}, the default the prepared text.
import { h, uid } from '../../kit/dom.js';
import { createWidgetShell } from '../../kit/widget-shell.js';
import { ensureStylesheet } from '../../kit/stylesheets.js';
import { encodeCell, editBytes, MAX_EDIT_BYTES } from '../../kit/state/scratch-codec.js';
import { validateScratchState } from './model.js';
import { runCell, TIME_LIMIT_MS } from './runner.js';
import { createEditor } from './editor.js';
import { createOutput } from './view.js';
import { createControls } from './controls.js';

const NOTIFY_AFTER_MS = 400; // typing settles before the link is rewritten

export function mountScratch(root, options = {}) {
  const { cell } = options;
  ensureStylesheet('css/scratch.css');
  const shell = createWidgetShell(root, options, { className: 'actlab-scratch', prefix: 'scratch' });
  const { t, body } = shell;
  let state = { code: cell.code };
  let ui = null;
  let current = null; // the run going on, if any
  let notifyTimer = null;

  function edited(code) {
    state = { code };
    clearTimeout(notifyTimer);
    notifyTimer = setTimeout(shell.notify, NOTIFY_AFTER_MS);
    showLinkNote();
  }

  /** Says when the code's change is too large for the link (it stays in the open page only). */
  function showLinkNote() {
    if (!ui) return;
    const tooLong = encodeCell(cell.code, state.code) === null;
    ui.linkNote.hidden = !tooLong;
    if (tooLong) ui.linkNote.textContent = t('scratch.tooLongForLink', {
      n: String(editBytes(cell.code, state.code)), max: String(MAX_EDIT_BYTES),
    });
  }

  async function run() {
    if (current || !ui) return;
    const code = ui.editor.text();
    const output = ui.output;
    output.clear();
    output.running();
    ui.controls.setRunning(true);
    current = runCell(code, { onOutput: (item) => output.append(item) });
    const outcome = await current.done;
    current = null;
    if (shell.destroyed) return;
    let where = null;
    if (outcome.status === 'error' && outcome.error) {
      if (Number.isInteger(outcome.error.line)) where = { line: outcome.error.line, column: outcome.error.column };
      else if (outcome.error.name === 'SyntaxError') where = ui.editor.syntaxError(code);
    }
    output.finish(outcome, { limitSeconds: TIME_LIMIT_MS / 1000, where });
    ui.controls.setRunning(false);
  }

  function stop() {
    if (current) current.stop();
  }

  function reset() {
    ui.editor.setText(cell.code);
    edited(cell.code);
  }

  function build({ starting }) {
    if (starting) {
      const titleId = uid('scratch-title');
      const editor = createEditor({ text: state.code, label: t(cell.titleKey), onChange: edited, onRun: run });
      const output = createOutput(t);
      const controls = createControls(t, { onRun: run, onStop: stop, onReset: reset });
      ui = {
        titleId, editor, output, controls,
        title: h('p', { class: 'scratch-title', id: titleId }),
        intro: h('p', { class: 'scratch-intro' }),
        help: h('p', { class: 'scratch-help' }),
        linkNote: h('p', { class: 'scratch-note scratch-link-note', hidden: true }),
      };
      root.setAttribute('aria-labelledby', titleId);
      root.setAttribute('role', 'group');
      body.replaceChildren(ui.title, ui.intro, editor.element, controls.element, ui.linkNote, ui.help, output.element);
    } else {
      ui.controls.label();
    }
    ui.title.textContent = t('scratch.cellTitle', { title: t(cell.titleKey) });
    ui.intro.textContent = t(cell.introKey);
    ui.help.textContent = t('scratch.helpers', { s: String(TIME_LIMIT_MS / 1000) });
    showLinkNote();
  }

  return shell.start({
    defaultState: () => ({ code: cell.code }),
    validate: validateScratchState,
    // The page's engine is not needed: the code runs with the sandbox's own.
    loadEngine: () => Promise.resolve(null),
    open(engine, candidate) { state = { ...candidate }; },
    build,
    apply(candidate) {
      let next;
      try { next = validateScratchState(candidate); } catch { return t('scratch.invalid'); }
      state = next;
      if (ui) { ui.editor.setText(state.code); showLinkNote(); }
      return null;
    },
    getState: () => ({ ...state }),
    teardown() {
      clearTimeout(notifyTimer);
      stop();
      if (ui) ui.editor.destroy();
    },
  });
}
