// Screenshots of the example article (web/examples/article.html) with its embedded widgets, both
// as custom elements and as iframes, in English and Chinese at 1280 and 375 px, kept in
// test-results/screenshots/ (gitignored) for a person to look at. At 375 px the page must not
// scroll sideways.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startHarness, openPage, screenshot } from './helpers.mjs';

let harness;
test.before(async () => { harness = await startHarness(); });
test.after(async () => { await harness.close(); });

const cases = [];
for (const lang of ['en', 'zh-CN']) {
  for (const width of [1280, 375]) cases.push({ lang, width, colorScheme: 'light' });
}
cases.push({ lang: 'zh-CN', width: 375, colorScheme: 'dark' });

for (const shot of cases) {
  const name = `article-${shot.lang}-${shot.width}${shot.colorScheme === 'dark' ? '-dark' : ''}`;
  test(`screenshot ${name}`, async () => {
    const { page, problems, context } = await openPage(harness, { width: shot.width, height: shot.width > 400 ? 900 : 800, colorScheme: shot.colorScheme });
    await page.goto(`${harness.url}examples/article.html${shot.lang === 'en' ? '' : `?lang=${shot.lang}`}`);
    await page.waitForFunction(() => {
      const elements = [...document.querySelectorAll('body *')].filter((el) => el.tagName.startsWith('ACTLAB-'));
      return elements.length > 0 && elements.every((el) => el.shadowRoot && el.shadowRoot.querySelector('.actlab-embed-widget > *'));
    });
    await page.evaluate(() => Promise.all([...document.querySelectorAll('body *')].filter((el) => el.tagName.startsWith('ACTLAB-')).map((el) => el.ready)));
    // Lazy iframes load when scrolled to.
    for (const frame of await page.locator('iframe[data-actlab-frame]').all()) {
      await frame.scrollIntoViewIfNeeded();
      await frame.contentFrame().locator('body[data-ready="true"]').waitFor();
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    // The frames have reported their height and the page has fitted them.
    await page.waitForFunction(() => [...document.querySelectorAll('iframe[data-actlab-frame]')].every((frame) => frame.style.height));
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    assert.ok(scrollWidth <= clientWidth, `scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`);
    const lang = await page.evaluate(() => document.documentElement.lang);
    assert.equal(lang, shot.lang);
    const file = await screenshot(page, name);
    await screenshot(page, `${name}-stepper-element`, 'actlab-stepper');
    assert.ok(fs.statSync(file).size > 10000);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
