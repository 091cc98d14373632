// Quality (issue 5): the Content-Security-Policy holds with no violation on every page; every
// request stays on the page's own origin and the notebook keeps working offline once loaded;
// landmarks; every control has a label; keyboard-only use, in the notebook and inside an embedded
// element; WCAG AA contrast of every visible text in both themes (embedded widgets included).
import test from 'node:test';
import assert from 'node:assert/strict';
import { HEADERS } from '../../scripts/serve.mjs';
import { startHarness, openPage, gotoNotebook, cspViolations, currentStep } from './helpers.mjs';
import { contrastFailures, unlabelledControls, landmarks } from './quality-helpers.mjs';

let harness;
test.before(async () => { harness = await startHarness(); });
test.after(async () => { await harness.close(); });

const MID_BACKWARD = '#stepper?v=1&in=2&h=3&act=relu,sigmoid&x=0.5,-1&t=1&loss=bce&init=kaiming_uniform&seed=3&lr=0.5&cyc=2&step=22';
const PAGES = {
  notebook: { path: '', ready: async (page) => { await page.waitForSelector('body[data-ready="true"]'); await page.waitForSelector('.actlab-stepper .graph-svg'); } },
  article: { path: 'examples/article.html', ready: (page) => waitForArticle(page) },
  'article-zh': { path: 'examples/article.html?lang=zh-CN', ready: (page) => waitForArticle(page) },
  widget: { path: `embed/widget.html?w=stepper&lang=en#${MID_BACKWARD.split('?')[1]}`, ready: (page) => page.waitForSelector('body[data-ready="true"]') },
};

async function waitForArticle(page) {
  await page.waitForFunction(() => {
    const elements = [...document.querySelectorAll('body *')].filter((el) => el.tagName.startsWith('ACTLAB-'));
    return elements.length > 0 && elements.every((el) => el.shadowRoot && el.shadowRoot.querySelector('.actlab-embed-widget > *'));
  });
  await page.evaluate(() => Promise.all([...document.querySelectorAll('body *')].filter((el) => el.tagName.startsWith('ACTLAB-')).map((el) => el.ready)));
  for (const frame of await page.locator('iframe[data-actlab-frame]').all()) { // lazy: load when scrolled to
    await frame.scrollIntoViewIfNeeded();
    await frame.contentFrame().locator('body[data-ready="true"]').waitFor();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function load(name, options = {}) {
  const opened = await openPage(harness, options);
  const requests = [];
  opened.page.on('request', (request) => requests.push(request.url()));
  const failed = [];
  opened.page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
  const response = await opened.page.goto(`${harness.url}${PAGES[name].path}`);
  await PAGES[name].ready(opened.page);
  return { ...opened, requests, failed, response };
}

const origin = () => new URL(harness.url).origin;

test('the CSP is served and holds on every page: no violation, no console error', async () => {
  for (const name of Object.keys(PAGES)) {
    const { page, problems, response, context } = await load(name);
    assert.equal(response.headers()['content-security-policy'], HEADERS['Content-Security-Policy'], name);
    await page.waitForTimeout(300);
    assert.deepEqual(problems, [], name);
    for (const frame of page.frames()) {
      assert.deepEqual(await frame.evaluate(() => window.__cspViolations), [], `${name}: ${frame.url()}`);
    }
    if (name === 'article') {
      // The listener does catch a violation: an inline script is refused.
      await page.addScriptTag({ content: 'window.__inline = true;' }).catch(() => {});
      assert.equal(await page.evaluate(() => window.__inline), undefined);
      await page.waitForFunction(() => window.__cspViolations.length > 0);
      assert.match((await cspViolations(page))[0], /script-src/);
    }
    await context.close();
  }
});

test('every request stays on the page\'s origin, and the notebook works offline once loaded', async () => {
  for (const name of ['notebook', 'article', 'widget']) {
    const { page, requests, failed, context } = await load(name);
    const elsewhere = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin());
    assert.deepEqual(elsewhere, [], name);
    assert.deepEqual(failed, [], name);
    await context.close();
  }

  const { page, problems, requests, failed, context } = await load('notebook');
  await page.waitForSelector('body[data-offline-ready="true"]');
  const before = requests.length;
  await context.setOffline(true);
  await page.click('.actlab-stepper [data-action="forward"]');
  await page.click('.actlab-stepper [data-action="endBackward"]');
  await page.click('.actlab-stepper [data-action="apply-update"]');
  await page.click('button[data-lang="zh-CN"]');
  await page.waitForFunction(() => document.querySelector('.toc-title').textContent === '目录');
  await page.waitForFunction(() => document.querySelector('.actlab-stepper [data-action="forward"] .control-label').textContent === '前进一步');
  await page.click('.actlab-stepper [data-share="toggle"]');
  await page.waitForSelector('.actlab-stepper .share-panel:not([hidden])');
  // After an update the stepper stays at the end of the backward pass: back to the start first.
  await page.click('.actlab-stepper [data-action="reset"]');
  for (let k = 0; k < 8; k += 1) await page.click('.actlab-stepper [data-action="forward"]');
  await page.evaluate(() => document.fonts.ready);
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /⟦/);
  // (The browser itself re-asks for the tab's favicon when the URL changes; the page does not need it.)
  const byPage = (url) => !url.startsWith('data:') && !url.startsWith('blob:') && !url.endsWith('/favicon.svg');
  assert.deepEqual(failed.filter((entry) => byPage(entry.split(' ')[0])), [], 'no request failed while offline');
  const offlineRequests = requests.slice(before).filter(byPage);
  assert.deepEqual(offlineRequests, [], 'nothing was even asked for while offline');
  // The favicon failures are logged to the console too; nothing else may be.
  const faviconFailures = failed.filter((entry) => !byPage(entry.split(' ')[0])).length;
  const disconnected = problems.filter((problem) => /Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(problem));
  assert.ok(disconnected.length <= faviconFailures, `${disconnected.length} failed loads, ${faviconFailures} of them the favicon`);
  assert.deepEqual(problems.filter((problem) => !disconnected.includes(problem)), []);
  await context.close();
});

test('landmarks: header, navigation, main and footer on the notebook and the article; header and main on the widget page', async () => {
  for (const name of ['notebook', 'article', 'widget']) {
    const { page, context } = await load(name);
    const found = await page.evaluate(landmarks);
    if (name === 'widget') {
      assert.equal(found.banner, 1, name);
      assert.equal(found.main, 1, name);
    } else {
      assert.deepEqual(found, { banner: 1, navigation: 1, main: 1, contentinfo: 1 }, name);
    }
    await context.close();
  }
});

test('every control has an accessible name (embedded widgets and open panels included)', async () => {
  for (const name of ['notebook', 'article', 'widget']) {
    const { page, context } = await load(name);
    // Open what is closed, so its controls are checked too.
    await page.evaluate(() => {
      const roots = [document, ...[...document.querySelectorAll('body *')].filter((el) => el.shadowRoot).map((el) => el.shadowRoot)];
      for (const root of roots) for (const details of root.querySelectorAll('details')) details.open = true;
    });
    for (const toggle of await page.locator('[data-share="toggle"]').all()) await toggle.click();
    assert.deepEqual(await page.evaluate(unlabelledControls), [], name);
    await context.close();
  }
});

/** Press Tab until `predicate` (a self-contained page function) holds; false after `limit` presses. */
async function tabTo(page, predicate, limit = 150) {
  for (let k = 0; k < limit; k += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return true;
  }
  return false;
}

/** The deepest focused element's description, and whether its focus is visible (outline). */
const focused = (page) => page.evaluate(() => {
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  const style = getComputedStyle(active);
  return { action: active.dataset.action || active.dataset.share || null, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
});

test('keyboard only: the notebook and an embedded element can be used without a mouse', async () => {
  const { page, problems, context } = await openPage(harness, {});
  await gotoNotebook(page, harness.url);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.ok(await tabTo(page, () => document.activeElement.dataset.action === 'forward'), 'Tab reaches "step forward"');
  assert.deepEqual(await focused(page), { action: 'forward', outline: true });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  assert.equal(await currentStep(page), 2);
  await page.keyboard.press('ArrowRight');
  assert.equal(await currentStep(page), 3);
  await page.keyboard.press('End');
  assert.equal(await currentStep(page), 16);
  // Share: open with Enter, Escape closes and returns focus.
  await page.focus('.actlab-stepper [data-share="toggle"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.actlab-stepper .share-panel:not([hidden])');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.shareField), 'element');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.share), 'toggle');
  assert.deepEqual(problems, []);

  // The example article: Tab goes into the shadow root of <actlab-stepper>.
  await page.goto(`${harness.url}examples/article.html`);
  await waitForArticle(page);
  const start = await page.evaluate(() => document.querySelector('actlab-stepper').getState().step);
  assert.ok(await tabTo(page, () => document.activeElement.tagName === 'ACTLAB-STEPPER' &&
    document.activeElement.shadowRoot.activeElement?.dataset.action === 'forward'), 'Tab reaches the embedded "step forward"');
  assert.deepEqual(await focused(page), { action: 'forward', outline: true });
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.querySelector('actlab-stepper').getState().step), start - 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('colour contrast meets WCAG AA in both themes, embedded widgets included', async () => {
  // The notebook mid-backward-pass (values, gradients, local derivatives all shown), the article with
  // every widget embedded (elements and iframes), and the standalone page, in light and dark.
  const cases = [];
  for (const colorScheme of ['light', 'dark']) {
    cases.push({ colorScheme, name: 'notebook', hash: MID_BACKWARD }, { colorScheme, name: 'article', hash: '' });
  }
  cases.push({ colorScheme: 'dark', name: 'widget', hash: '' }, { colorScheme: 'light', name: 'article-zh', hash: '' });
  for (const { colorScheme, name, hash } of cases) {
    const opened = await openPage(harness, { colorScheme });
    await opened.page.goto(`${harness.url}${PAGES[name].path}${hash}`);
    await PAGES[name].ready(opened.page);
    await opened.page.evaluate(() => document.fonts.ready);
    const failures = await opened.page.evaluate(contrastFailures);
    for (const frame of opened.page.frames().slice(1)) failures.push(...await frame.evaluate(contrastFailures));
    assert.deepEqual(failures, [], `${colorScheme} ${name}${hash}`);
    await opened.context.close();
  }
});
