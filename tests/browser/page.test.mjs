// The notebook page: loads clean under its CSP, loading and failure states, the language switch,
// the dark theme, and the phone-width layout.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HEADERS } from '../../scripts/serve.mjs';
import { startHarness, openPage, gotoNotebook, cspViolations, currentStep, repo } from './helpers.mjs';

let harness;
test.before(async () => { harness = await startHarness(); });
test.after(async () => { await harness.close(); });

const noHorizontalScroll = (page) => page.evaluate(() => ({
  scrollWidth: document.documentElement.scrollWidth,
  clientWidth: document.documentElement.clientWidth,
}));

test('the page loads with no console errors, no CSP violations and no missing strings', async () => {
  const { page, problems } = await openPage(harness);
  const response = await page.goto(harness.url);
  assert.equal(response.headers()['content-security-policy'], HEADERS['Content-Security-Policy']);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('.graph-svg');
  assert.equal(await page.textContent('#app-title'), 'ActLab');
  assert.equal(await page.$$eval('.notice', (els) => els.length), 0, 'no loading or error notice is left');
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /⟦/, 'no missing locale key');
  // KaTeX rendered real formulas (not source text).
  assert.ok(await page.$('.section-intro .katex'));
  assert.ok(await page.$('.stepper-equation .katex'));
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await page.context().close();
});

test('the meta Content-Security-Policy equals the served one (frame-ancestors aside)', () => {
  const html = fs.readFileSync(path.join(repo, 'web', 'index.html'), 'utf8');
  const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const served = HEADERS['Content-Security-Policy'].split(';').map((part) => part.trim())
    .filter((part) => !part.startsWith('frame-ancestors')).join('; ');
  assert.equal(meta, served);
});

test('without WebAssembly the page says so instead of staying blank', async () => {
  const { page } = await openPage(harness, { initScripts: [() => { delete window.WebAssembly; }] });
  await page.goto(harness.url);
  const notice = page.locator('.notice--error');
  await notice.waitFor();
  assert.match(await notice.textContent(), /cannot run WebAssembly/);
  assert.match(await page.textContent('.actlab-stepper .stepper-status'), /cannot run WebAssembly/);
  // The rest of the notebook is still there, and the message follows the language.
  await page.click('button[data-lang="zh-CN"]');
  await page.waitForFunction(() => document.querySelector('.notice--error').textContent.includes('WebAssembly') &&
    document.querySelector('.notice--error').textContent.includes('浏览器'));
  assert.match(await page.textContent('.actlab-stepper .stepper-status'), /浏览器/);
  await page.context().close();
});

test('when the engine module fails to load, a clear message appears', async () => {
  const { page } = await openPage(harness);
  await page.route('**/engine/generated/actlab-core.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(harness.url);
  const notice = page.locator('.notice--error');
  await notice.waitFor();
  assert.match(await notice.textContent(), /engine could not be loaded/);
  await page.context().close();
});

test('the language switch changes the visible text and is remembered', async () => {
  const { page, problems } = await openPage(harness, { locale: 'en-US' });
  await gotoNotebook(page, harness.url);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const englishTitle = await page.textContent('#stepper-title');
  const englishButton = await page.textContent('[data-action="forward"] .control-label');
  for (let k = 0; k < 3; k += 1) await page.click('[data-action="forward"]');
  await page.click('button[data-lang="zh-CN"]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.waitForFunction(() => document.querySelector('[data-action="forward"] .control-label').textContent === '前进一步');
  assert.notEqual(await page.textContent('#stepper-title'), englishTitle);
  assert.equal(await page.textContent('#stepper-title'), '一步一步看反向传播');
  assert.notEqual(await page.textContent('[data-action="forward"] .control-label'), englishButton);
  assert.equal(await page.getAttribute('button[data-lang="zh-CN"]', 'aria-pressed'), 'true');
  assert.equal(await currentStep(page), 3, 'switching language keeps the step');
  assert.match(await page.textContent('.step-status'), /第 3 \/ 16 步/);
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /⟦/);
  // Remembered across a reload.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.textContent('#app-title'), 'ActLab');
  assert.equal(await page.textContent('.toc-title'), '目录');
  // And back.
  await page.click('button[data-lang="en"]');
  await page.waitForFunction(() => document.querySelector('.toc-title').textContent === 'Contents');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the default language follows the browser', async () => {
  const { page, problems } = await openPage(harness, { locale: 'zh-CN' });
  await gotoNotebook(page, harness.url);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.textContent('.toc-title'), '目录');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the dark theme follows the system setting', async () => {
  const background = async (colorScheme) => {
    const { page } = await openPage(harness, { colorScheme });
    await gotoNotebook(page, harness.url);
    const colours = await page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      node: getComputedStyle(document.querySelector('.graph-svg .node rect')).fill,
    }));
    await page.context().close();
    return colours;
  };
  const light = await background('light');
  const dark = await background('dark');
  assert.notEqual(light.body, dark.body);
  assert.notEqual(light.node, dark.node);
});

test('at 375 px there is no horizontal page scroll, whatever is open', async () => {
  const big = '#stepper?v=1&in=4&h=6,6,6&act=tanh,leaky_relu:0.1,prelu:0.25,sigmoid&x=1,2,3,4&t=1&loss=mse&init=xavier_uniform&seed=1&lr=0.5&cyc=1&step=150';
  const hashes = ['', '#stepper?v=1&in=2&h=3&act=relu,sigmoid&x=0.5,-1&t=1&loss=bce&init=kaiming_uniform&seed=3&lr=0.5&cyc=0&step=22', big];
  for (const hash of hashes) {
    for (const locale of ['en-US', 'zh-CN']) {
      const { page, problems } = await openPage(harness, { width: 375, height: 800, locale });
      await gotoNotebook(page, harness.url, hash);
      await page.click('summary:has(.setup-title)');
      await page.$eval('.stepper-parameters', (el) => { el.open = true; });
      await page.click('[data-action="check-gradients"]');
      await page.waitForSelector('.check-summary');
      assert.equal(await page.$eval('.stepper-setup', (el) => el.open), true);
      const { scrollWidth, clientWidth } = await noHorizontalScroll(page);
      assert.ok(scrollWidth <= clientWidth, `${hash || 'default'} ${locale}: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`);
      // The graph scrolls inside its own box instead.
      const box = await page.$eval('.graph-box', (el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      assert.ok(box.client <= clientWidth);
      assert.deepEqual(problems, []);
      await page.context().close();
    }
  }
});

test('in-page links (skip link, contents) move focus but keep the state in the URL', async () => {
  const { page, problems } = await openPage(harness);
  await gotoNotebook(page, harness.url);
  for (let k = 0; k < 4; k += 1) await page.click('[data-action="forward"]');
  await page.waitForFunction(() => window.location.hash.includes('step=4'));
  const hash = await page.evaluate(() => window.location.hash);
  await page.focus('#skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.click('.toc-list a[href="#stepper"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'stepper-title');
  assert.equal(await page.evaluate(() => window.location.hash), hash);
  assert.equal(await page.$$eval('.notice', (els) => els.length), 0);
  // Plain anchors typed by hand are not errors either.
  for (const anchor of ['#main', '#about', '#stepper']) {
    const fresh = await openPage(harness);
    await gotoNotebook(fresh.page, harness.url, anchor);
    assert.equal(await fresh.page.$$eval('.notice', (els) => els.length), 0, anchor);
    assert.deepEqual(fresh.problems, []);
    await fresh.context.close();
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});
