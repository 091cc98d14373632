// Where the notebook's own files are: the folder holding index.html, css/, locales/, engine/ and
// embed/ (web/ in the sources, dist/ in the production build). Every URL the page builds for its
// own files starts here, so it works from any host and any folder, embedded on a foreign page too.
// The production build (scripts/dist.mjs) puts the bundled modules one folder below the root and
// replaces the path below with '../'; this file is the one place that knows the layout.
export const SITE = new URL('../../', import.meta.url);

/** The URL of one of the notebook's files, from a path relative to the root (`css/lab.css`). */
export const siteUrl = (path) => new URL(path, SITE).href;
