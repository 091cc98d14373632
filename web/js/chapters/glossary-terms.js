// The glossary's terms, in the order the glossary lists them. Each term's words live in the locale
// (area "further"): glossary.term.<id> (the term in that language), glossary.def.<id> (one line),
// glossary.match.<id> (the forms to look for in a chapter's prose, separated by |; at least the term itself
// when absent). linkGlossaryTerms() turns the first use of each term in a chapter into a link to
// its entry in the glossary section.
import { h } from '../kit/dom.js';

export const GLOSSARY_TERMS = Object.freeze([
  'activation', 'neuron', 'weight', 'bias', 'pre-activation', 'nonlinear', 'loss', 'gradient', 'derivative',
  'chain-rule', 'backpropagation', 'learning-rate', 'optimiser', 'saturation', 'vanishing', 'exploding',
  'zero-centred', 'monotonic', 'sparsity', 'dead', 'initialisation', 'gain', 'logit', 'cross-entropy',
  'softmax', 'overflow', 'gated',
]);

export const glossaryAnchor = (id) => `glossary-${id}`;

/** The forms of term `id` to find in prose, longest first (so “dead unit” wins over “dead”). */
function formsOf(t, id) {
  const key = `glossary.match.${id}`;
  const text = t.has(key) ? t(key) : t(`glossary.term.${id}`);
  return text.split('|').map((form) => form.trim()).filter(Boolean).sort((a, b) => b.length - a.length);
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A Latin form matches as a whole word, and a hyphen counts as part of a word; other forms anywhere.
const formPattern = (form) => (/^[\w\s-]+$/.test(form) ? `(?<![\\w-])${escape(form)}(?![\\w-])` : escape(form));

/**
 * In `roots` (a chapter's rendered prose blocks, in reading order), wrap the first use of every
 * glossary term in a link to its entry. Only plain text is touched: nothing inside links, formulas,
 * headings or figures. Latin forms match whole words (a hyphen joins words:
 * “activation” is not found in “pre-activation”), case-insensitively.
 */
export function linkGlossaryTerms(roots, t) {
  const nodes = roots.flatMap((root) => textNodes(root));
  for (const id of GLOSSARY_TERMS) {
    const pattern = new RegExp(formsOf(t, id).map(formPattern).join('|'), 'i');
    for (let k = 0; k < nodes.length; k += 1) {
      const node = nodes[k];
      const match = pattern.exec(node.data);
      if (!match) continue;
      const after = node.splitText(match.index);
      const rest = after.splitText(match[0].length);
      const link = h('a', {
        href: `#${glossaryAnchor(id)}`, class: 'glossary-link', 'data-term': id, text: after.data,
        title: t(`glossary.def.${id}`), onclick: (event) => { event.preventDefault(); goToEntry(id); },
      });
      after.replaceWith(link);
      nodes.splice(k, 1, node, rest); // the text before and after stay searchable for other terms
      break;
    }
  }
}

/** Move to a glossary entry without touching the hash (which holds the widgets' state). */
function goToEntry(id) {
  const row = document.getElementById(glossaryAnchor(id));
  if (!row) return;
  row.scrollIntoView({ block: 'center' });
  row.focus({ preventScroll: true });
}

function textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest('a, h3, .katex, .tex, figure, .chapter-figure-host, button')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}
