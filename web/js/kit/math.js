// Formula typesetting with KaTeX. katex.render builds DOM nodes directly (no innerHTML string of
// ours, no eval), so it works under the page's Content-Security-Policy.
//
// KaTeX is a third of the page's JavaScript, and no figure needs it, so it is loaded when the first
// formula asks for it, not before the page can start. Until then a formula's element holds its
// TeX source, hidden but keeping its place; once KaTeX is there, every formula still waiting is
// typeset, and later ones at once (if KaTeX cannot load, the source is shown instead). `texReady`
// settles when that is done.
let katex = null;
let loading = null;
let failed = false;
const waiting = new Map(); // element → {tex, display}: the latest request for each element

const OPTIONS = { throwOnError: false, strict: 'ignore', trust: false, output: 'htmlAndMathml' };

function typeset(element, tex, display) {
  element.style.removeProperty('visibility');
  katex.render(tex, element, { ...OPTIONS, displayMode: display });
}

function showSources() {
  failed = true;
  for (const element of waiting.keys()) element.style.removeProperty('visibility');
  waiting.clear();
}

function loadKatex() {
  loading ??= import('../../vendor/katex/katex.mjs').then((module) => {
    katex = module.default;
    for (const [element, { tex, display }] of waiting) typeset(element, tex, display);
    waiting.clear();
  }, showSources);
  return loading;
}

/** Settles when every formula asked for so far is typeset (at once if none was: KaTeX is not loaded for nothing). */
export const texReady = () => loading ?? Promise.resolve();

/** Typeset `tex` into `element`, replacing its content. Inline mode lets long sums wrap. */
export function renderTex(element, tex, { display = false } = {}) {
  if (katex) {
    typeset(element, tex, display);
  } else {
    element.textContent = tex;
    if (failed) return element;
    element.style.visibility = 'hidden';
    waiting.set(element, { tex, display });
    loadKatex();
  }
  return element;
}

/** A new element holding a typeset formula. */
export function texElement(tex, { display = false, tag = 'span', className = 'tex' } = {}) {
  const element = document.createElement(tag);
  element.className = className;
  return renderTex(element, tex, { display });
}
