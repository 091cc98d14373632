// axe-core in the browser tests: a context whose every page and frame gets axe-core (the npm
// package, pinned in package.json) at document start, a run limited to the WCAG 2.0 and 2.1 A and
// AA rules, and a readable list of what it found. The script goes in as a DevTools init script, not
// an inline <script>, so the pages keep their own Content-Security-Policy unchanged.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { skipPredictions } from './helpers.mjs';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const AXE_VERSION = JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version;
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The four combinations every page is checked in. */
export const COMBINATIONS = [
  { lang: 'en', locale: 'en-US', colorScheme: 'light' },
  { lang: 'en', locale: 'en-US', colorScheme: 'dark' },
  { lang: 'zh-CN', locale: 'zh-CN', colorScheme: 'light' },
  { lang: 'zh-CN', locale: 'zh-CN', colorScheme: 'dark' },
];
/**
 * Both languages and both themes, each once: the pages past the notebook itself (which runs all
 * four) differ by language in their names and by theme in their colours, not by the pair, so the
 * two diagonal combinations find what the four would, in half the time.
 */
export const DIAGONAL = [COMBINATIONS[0], COMBINATIONS[3]];
export const label = ({ lang, colorScheme }) => `${lang} ${colorScheme}`;

/** A context with axe-core in every document it opens; records console errors and page errors. */
export async function axeContext(browser, { locale, colorScheme, width = 1280, height = 900 }) {
  const context = await browser.newContext({ viewport: { width, height }, locale, colorScheme, deviceScaleFactor: 1 });
  await context.addInitScript({ path: AXE_PATH });
  await skipPredictions(context); // the figures shown, as the tests of them expect
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return { context, page, problems };
}

/**
 * axe-core's WCAG 2.x A/AA violations in one frame (open shadow roots included; child frames are
 * checked on their own, see axeFrames). `include`: CSS selectors to limit the run to, or null for
 * the whole document. Returns [{id, impact, help, targets: [selector…]}].
 */
export async function axeViolations(frame, include = null) {
  return frame.evaluate(async ({ tags, include: only }) => {
    if (!window.axe) throw new Error('axe-core is not in this frame');
    const context = only ? { include: only.map((selector) => [selector]) } : document;
    const results = await window.axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.flat().join(' >>> ')),
    }));
  }, { tags: WCAG_TAGS, include });
}

/** The violations of the page and of every frame in it, each tagged with where it was found. */
export async function axeFrames(page, where) {
  const found = [];
  for (const frame of page.frames()) {
    const place = frame === page.mainFrame() ? where : `${where} (frame ${new URL(frame.url()).pathname})`;
    for (const violation of await axeViolations(frame)) found.push({ where: place, ...violation });
  }
  return found;
}

/** One line per violation: where, rule, impact, how many nodes, and the first few selectors. */
export function report(violations) {
  return violations.map(({ where, id, impact, help, targets }) =>
    `${where}: ${id} (${impact}, ${targets.length} node${targets.length === 1 ? '' : 's'}) ${help}\n    ` +
    `${targets.slice(0, 8).join('\n    ')}${targets.length > 8 ? `\n    … and ${targets.length - 8} more` : ''}`).join('\n');
}
