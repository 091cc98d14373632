// Formula typesetting with KaTeX. katex.render builds DOM nodes directly (no innerHTML string of
// ours, no eval), so it works under the page's Content-Security-Policy.
import katex from '../../vendor/katex/katex.mjs';

const OPTIONS = { throwOnError: false, strict: 'ignore', trust: false, output: 'htmlAndMathml' };

/** Typeset `tex` into `element`, replacing its content. Inline mode lets long sums wrap. */
export function renderTex(element, tex, { display = false } = {}) {
  katex.render(tex, element, { ...OPTIONS, displayMode: display });
  return element;
}

/** A new element holding a typeset formula. */
export function texElement(tex, { display = false, tag = 'span', className = 'tex' } = {}) {
  const element = document.createElement(tag);
  element.className = className;
  return renderTex(element, tex, { display });
}
