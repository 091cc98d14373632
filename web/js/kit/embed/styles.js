// Stylesheets for widgets that live in a shadow root (the <actlab-*> elements) or on a page that
// did not link them (the share button). Every file is fetched once per page and turned into one
// constructed CSSStyleSheet shared by all shadow roots: no <style> text of ours is ever inserted,
// so this works under a host's Content-Security-Policy, and constructed sheets are not affected by
// the host's styles.
//
// Three rewrites make a widget's CSS independent of the page it lands on:
//  - url(...) becomes absolute (the sheet has no URL of its own, the files may be on another host);
//  - `1.5rem` becomes `calc(1.5 * var(--actlab-rem))`, where --actlab-rem is the embed's own font
//    size: a host with `html { font-size: 62.5% }` would otherwise shrink every widget;
//  - the notebook theme's `:root { --fg: … }` variables are re-rooted on the embed's frame.
// KaTeX's @font-face rules are ignored inside a shadow root, so they go into the document once.
import { siteUrl } from '../site.js';

const sheets = new Map(); // absolute URL → Promise<CSSStyleSheet>
const texts = new Map(); // absolute URL → Promise<string>

function fetchText(url) {
  if (!texts.has(url)) {
    texts.set(url, fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${new URL(url).pathname}: HTTP ${response.status}`);
      return response.text();
    }));
    texts.get(url).catch(() => texts.delete(url)); // a later attempt may succeed
  }
  return texts.get(url);
}

// Stands for the site's root while a relative url() is resolved to a path within the site.
const ROOT = 'https://actlab.invalid/';

/**
 * url(fonts/a.woff2) → url("https://host/…/fonts/a.woff2"), relative to the stylesheet's path
 * (`vendor/katex/katex.min.css`, or an absolute URL), through siteUrl when it stays in the site.
 */
export function absoluteUrls(css, sheetPath) {
  const sheet = new URL(sheetPath, ROOT);
  return css.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (match, quote, target) => {
    if (/^(data|blob):/i.test(target)) return match;
    const resolved = new URL(target, sheet);
    return `url("${resolved.href.startsWith(ROOT) ? siteUrl(resolved.href.slice(ROOT.length)) : resolved.href}")`;
  });
}

/** Numeric rem lengths in declarations → multiples of --actlab-rem (media queries stay as they are). */
export function remToEmbedUnit(css) {
  const held = [];
  const guarded = css.replace(/@media[^{]*\{/g, (prelude) => {
    held.push(prelude);
    return `\u0000${held.length - 1}\u0000`;
  });
  const rewritten = guarded.replace(/(^|[^\w.-])(-?(?:\d+\.?\d*|\.\d+))rem\b/g,
    (match, before, number) => `${before}calc(${number} * var(--actlab-rem, 1rem))`);
  return rewritten.replace(/\u0000(\d+)\u0000/g, (match, index) => held[Number(index)]);
}

/** The `:root { … }` custom-property blocks of the notebook theme, re-rooted on `selector`. */
export function rootVariables(css, selector) {
  const out = [];
  for (const match of css.matchAll(/(@media[^{]+\{\s*)?:root\s*\{([^}]*)\}/g)) {
    out.push(match[1] ? `${match[1]}${selector} {${match[2]}} }` : `${selector} {${match[2]}}`);
  }
  return out.join('\n');
}

function construct(text, url) {
  const sheet = new CSSStyleSheet({ baseURL: url });
  sheet.replaceSync(text);
  return sheet;
}

/**
 * The constructed sheet for one CSS file (a path relative to web/, or an absolute URL), rewritten
 * for a shadow root. `kind: 'theme'` keeps only the :root variables, on `.actlab-embed`.
 */
export function loadSheet(path, { kind = 'widget' } = {}) {
  const url = siteUrl(path);
  const key = `${kind} ${url}`;
  if (!sheets.has(key)) {
    const promise = fetchText(url).then((css) => {
      // @font-face does nothing in a shadow root (ensureKatexFonts puts KaTeX's in the document).
      const text = kind === 'theme' ? rootVariables(css, '.actlab-embed')
        : remToEmbedUnit(absoluteUrls(css.replace(/@font-face\s*\{[^}]*\}/g, ''), path));
      return construct(text, url);
    });
    sheets.set(key, promise);
    promise.catch(() => sheets.delete(key));
  }
  return sheets.get(key);
}

/** Adds sheets to a document or shadow root, each once, keeping the order given. */
export function adopt(root, list) {
  const current = root.adoptedStyleSheets;
  const missing = list.filter((sheet) => !current.includes(sheet));
  if (missing.length > 0) root.adoptedStyleSheets = [...current, ...missing];
}

let fontsPromise = null;
/**
 * KaTeX's @font-face rules, once per document (fonts declared in a shadow root are not used).
 * Only the @font-face rules go into the document: nothing else of KaTeX's styles the host page.
 */
export function ensureKatexFonts() {
  if (!fontsPromise) {
    const path = 'vendor/katex/katex.min.css';
    const url = siteUrl(path);
    fontsPromise = fetchText(url).then((css) => {
      const faces = css.match(/@font-face\s*\{[^}]*\}/g) || [];
      const sheet = construct(absoluteUrls(faces.join('\n'), path), url);
      adopt(document, [sheet]);
      return sheet;
    });
    fontsPromise.catch(() => { fontsPromise = null; });
  }
  return fontsPromise;
}

let unitRegistered = false;
/** --actlab-rem is registered as a <length> so `1em` on the embed frame computes to pixels there. */
export function registerEmbedUnit() {
  if (unitRegistered) return;
  unitRegistered = true;
  try {
    CSS.registerProperty({ name: '--actlab-rem', syntax: '<length>', inherits: true, initialValue: '16px' });
  } catch { /* already registered (another copy of this script) or not supported: 16px fallback in CSS */ }
}

/**
 * Make sure `element`'s root (document or shadow root) has the given CSS files. In a document a
 * <link> to the same file counts as present (the notebook links share.css itself).
 */
export async function ensureStylesFor(element, paths) {
  const root = element.getRootNode();
  const needed = [];
  for (const path of paths) {
    const href = siteUrl(path);
    if (root === document && [...document.querySelectorAll('link[rel="stylesheet"]')].some((link) => link.href === href)) continue;
    needed.push(loadSheet(path));
  }
  if (needed.length === 0) return;
  adopt(root instanceof ShadowRoot || root === document ? root : document, await Promise.all(needed));
}
