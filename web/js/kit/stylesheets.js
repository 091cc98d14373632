// A stylesheet of the notebook's own, linked once into the document (after those already there).
// Same-origin <link>s, allowed by the page's style-src 'self'. The production build serves the
// notebook's stylesheets as one file whose link names what it holds (data-includes): those count too.
import { siteUrl } from './site.js';

/** Link `path` (relative to the site root, e.g. 'css/lab.css') unless the page already has it. */
export function ensureStylesheet(path) {
  const href = siteUrl(path);
  const links = [...document.querySelectorAll('link[rel="stylesheet"]')];
  if (links.some((link) => link.href === href || (link.dataset.includes || '').split(' ').includes(path))) return;
  document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href }));
}
