// Shared set-up for the browser tests: the static server (scripts/serve.mjs) on a free port and
// Debian's Chromium driven by playwright-core, plus a page that records console errors and CSP
// violations.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = path.join(repo, 'test-results', 'screenshots');
// What the tests open: the production build (dist/, what users get), or the sources with ACTLAB_SITE=web
// while working on them (no build step between an edit and a test run).
export const siteRoot = path.join(repo, process.env.ACTLAB_SITE || 'dist');
export const sourcesRoot = path.join(repo, 'web');
if (!fs.existsSync(path.join(siteRoot, 'index.html'))) {
  throw new Error(`${siteRoot}/index.html is missing: build it with \`bash scripts/build.sh dist\` (npm test does), or set ACTLAB_SITE=web`);
}

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/**
 * Starts the server and the browser; returns {url, browser, close()}. `root`: another folder to serve,
 * e.g. `sourcesRoot` for a test of a widget module's own API (mountX), which a bundle does not expose.
 */
export async function startHarness({ root = siteRoot } = {}) {
  const server = await startServer({ root, port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', ...CHROMIUM_ARGS],
  });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A fresh context (own storage) and page. `problems` collects console errors, page errors and
 * CSP violations. Options: viewport width, locale, colorScheme, javaScript init scripts, and
 * predictions: unless true, the reader has chosen to see every chapter figure without predicting
 * first (chapters/prediction.js), so tests of the figures find them shown.
 */
export async function openPage(harness, { width = 1280, height = 900, locale = 'en-US', colorScheme = 'light', initScripts = [], predictions = false } = {}) {
  const context = await harness.browser.newContext({ viewport: { width, height }, locale, colorScheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  if (!predictions) await skipPredictions(page);
  for (const script of initScripts) await page.addInitScript(script);
  return { context, page, problems };
}

/** The reader's choice to see every chapter figure without predicting first (chapters/prediction.js). */
export function skipPredictions(pageOrContext) {
  return pageOrContext.addInitScript(() => {
    try { localStorage.setItem('actlab.predictions', '{"skip":true}'); } catch { /* no storage */ }
  });
}

/** Loads the notebook at `hash` and waits until the engine has answered and the stepper is drawn. */
export async function gotoNotebook(page, url, hash = '') {
  await page.goto(`${url}${hash}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('.actlab-stepper .graph-svg');
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations);
}

/** The stepper's current step number (from its data attribute). */
export async function currentStep(page) {
  return Number(await page.getAttribute('.actlab-stepper', 'data-step'));
}

export async function screenshot(page, name, selector = null) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  if (selector) {
    // locator.screenshot waits for the element's box to hold still; on a page still building what
    // lies below (or loading a chunk into view) that may take long: then the viewport, scrolled to it.
    const element = page.locator(selector).first();
    try {
      await element.screenshot({ path: file, timeout: 15000 });
    } catch {
      await element.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: file });
    }
  } else {
    // The first screen: the notebook is some 45,000 px tall, and a full-page shot of it (Chromium
    // lays the page out at its whole height) takes longer than a test may wait.
    await page.screenshot({ path: file });
  }
  return file;
}
