// Where the notebook's own files are: the folder holding index.html, css/, locales/, engine/ and
// embed/ (web/ in the sources, dist/ in the production build). Every URL the page builds for its
// own files starts here, so it works from any host and any folder, embedded on a foreign page too.
// The production build (scripts/dist.mjs) puts the bundled modules one folder below the root and
// replaces the path below with '../'; this file is the one place that knows the layout.
export const SITE = new URL('../../', import.meta.url);

// The files fetched at run time, named one by one as literal `new URL('…', import.meta.url)`:
// empty in the sources; the production build fills it in the embed bundle, because a tutorial
// author's bundler (Vite) may move that bundle away from the rest of the site, and it copies each
// file so named and rewrites its address (docs/embedding.md, "From npm").
const FILES = {};

// Whether each language's locale files are merged into one (locales/merged/<lang>.json): false in the
// sources, where every area's file is fetched as it is edited; the production build sets it.
export const LOCALES_MERGED = false;

/** The URL of one of the notebook's files, from a path relative to the root (`css/lab.css`). */
export const siteUrl = (path) => FILES[path] || new URL(path, SITE).href;
