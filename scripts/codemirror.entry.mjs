// What the scratch cells use of CodeMirror 6, bundled by scripts/vendor.mjs into one ES module,
// web/vendor/codemirror/codemirror.mjs, that the page imports lazily (web/js/widgets/scratch/editor.js).
// The packages are pinned in package.json; CodeMirror is well kept, accessible (Escape then Tab
// leaves the editor) and needs no eval, so it works under the page's Content-Security-Policy.
export { EditorView, keymap, lineNumbers, drawSelection, highlightActiveLine, highlightActiveLineGutter } from '@codemirror/view';
export { EditorState } from '@codemirror/state';
export { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
export { syntaxHighlighting, HighlightStyle, bracketMatching, indentOnInput } from '@codemirror/language';
export { javascriptLanguage } from '@codemirror/lang-javascript';
export { tags } from '@lezer/highlight';
