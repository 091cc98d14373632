// The code editor of a scratch cell: CodeMirror 6 (syntax highlighting, undo, bracket matching,
// line numbers), loaded when a cell comes near the screen or its text is focused, like KaTeX in
// kit/math.js: it is a chunk of its own (web/vendor/codemirror/codemirror.mjs, built by
// scripts/vendor.mjs), so the page's first load does not pay for it. Until it is there, and if it
// cannot load, a plain <textarea> holds the code.
//
// Keys: Tab indents; Escape then Tab leaves the editor (CodeMirror's tab-focus mode), as its docs
// advise so that a keyboard user is never trapped; Ctrl/Cmd+Enter runs the cell.
//
//   const editor = createEditor({ text, label, onChange(text), onRun() });
//   editor.element; editor.text(); editor.setText(text); editor.syntaxError(text) → {line, column} | null
import { h } from '../../kit/dom.js';

let loading = null;
const loadCodeMirror = () => (loading ??= import('../../../vendor/codemirror/codemirror.mjs'));

// Token colours are classes (css/scratch.css), so the light and dark themes come from the stylesheet.
const TOKEN_CLASSES = [
  ['keyword', 'tok-keyword'], ['controlKeyword', 'tok-keyword'], ['definitionKeyword', 'tok-keyword'],
  ['number', 'tok-number'], ['bool', 'tok-number'], ['null', 'tok-number'],
  ['string', 'tok-string'], ['comment', 'tok-comment'], ['lineComment', 'tok-comment'], ['blockComment', 'tok-comment'],
  ['propertyName', 'tok-property'], ['operator', 'tok-operator'],
];

export function createEditor({ text, label, onChange = () => {}, onRun = () => {} }) {
  const element = h('div', { class: 'scratch-editor' });
  const fallback = h('textarea', {
    class: 'scratch-textarea', spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off', 'aria-label': label,
    rows: String(Math.min(24, text.split('\n').length + 1)),
  });
  fallback.value = text;
  fallback.addEventListener('input', () => onChange(fallback.value));
  fallback.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); onRun(); }
  });
  element.append(fallback);
  let view = null;
  let cm = null;
  let destroyed = false;

  let upgrading = null;
  const upgrade = () => (upgrading ??= loadCodeMirror().then(install, () => { /* no CodeMirror: the textarea stays */ }));
  const observer = typeof IntersectionObserver === 'function' ? new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) { observer.disconnect(); upgrade(); }
  }, { rootMargin: '600px 0px' }) : null;
  if (observer) observer.observe(element); else upgrade();
  fallback.addEventListener('focus', upgrade);

  function install(module) {
    if (destroyed) return;
    cm = module;
    const highlight = cm.HighlightStyle.define(TOKEN_CLASSES.map(([tag, className]) => ({ tag: cm.tags[tag], class: className })));
    const hadFocus = document.activeElement === fallback;
    view = new cm.EditorView({
      state: cm.EditorState.create({
        doc: fallback.value,
        extensions: [
          cm.lineNumbers(), cm.history(), cm.drawSelection(), cm.indentOnInput(), cm.bracketMatching(),
          cm.highlightActiveLine(), cm.highlightActiveLineGutter(),
          cm.javascriptLanguage, cm.syntaxHighlighting(highlight),
          cm.keymap.of([
            { key: 'Mod-Enter', run: () => { onRun(); return true; } },
            cm.indentWithTab, ...cm.defaultKeymap, ...cm.historyKeymap,
          ]),
          // Long lines wrap and the editor grows with its text: no scrolling region inside the page
          // (a phone shows the whole line; axe: a scrollable region must be reachable by keyboard).
          cm.EditorView.lineWrapping,
          cm.EditorView.contentAttributes.of({ 'aria-label': label }),
          cm.EditorView.updateListener.of((update) => { if (update.docChanged) onChange(update.state.doc.toString()); }),
        ],
      }),
    });
    fallback.replaceWith(view.dom);
    if (hadFocus) view.focus();
  }

  return {
    element,
    text: () => (view ? view.state.doc.toString() : fallback.value),
    setText(next) {
      if (view) {
        if (next !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
      } else {
        fallback.value = next;
      }
    },
    /** Where the JavaScript grammar first fails to parse `code` (1-based line and column), or null. */
    syntaxError(code) {
      if (!cm) return null;
      let at = null;
      cm.javascriptLanguage.parser.parse(code).iterate({
        enter(node) {
          if (at !== null) return false;
          if (node.type.isError) { at = node.from; return false; }
          return undefined;
        },
      });
      if (at === null) return null;
      const before = code.slice(0, at).split('\n');
      return { line: before.length, column: before[before.length - 1].length + 1 };
    },
    focus() { (view || fallback).focus(); },
    destroy() {
      destroyed = true;
      if (observer) observer.disconnect();
      if (view) view.destroy();
    },
  };
}
