// Screenshots of the stepper mid-backward-pass, in both languages, at desktop and phone width,
// kept in test-results/screenshots/ (gitignored) for a person to look at.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startHarness, openPage, gotoNotebook, currentStep, screenshot } from './helpers.mjs';

const CHAIN_MID_BACKWARD = '#stepper?v=1&in=1&h=1&act=sigmoid,sigmoid&x=1.5&t=1&loss=mse&w=0.8;-0.5&b=0.1;0.2&lr=0.5&cyc=0&step=13';
const NETWORK_MID_BACKWARD = '#stepper?v=1&in=2&h=3&act=relu,sigmoid&x=0.5,-1&t=1&loss=bce&init=kaiming_uniform&seed=3&lr=0.5&cyc=2&step=22';

let harness;
test.before(async () => { harness = await startHarness(); });
test.after(async () => { await harness.close(); });

const cases = [];
for (const [lang, locale] of [['en', 'en-US'], ['zh-CN', 'zh-CN']]) {
  for (const width of [1280, 375]) {
    cases.push({ name: `stepper-chain-${lang}-${width}`, hash: CHAIN_MID_BACKWARD, step: 13, locale, width, colorScheme: 'light' });
  }
  cases.push({ name: `stepper-231-${lang}-1280`, hash: NETWORK_MID_BACKWARD, step: 22, locale, width: 1280, colorScheme: 'light' });
  cases.push({ name: `stepper-231-${lang}-375-dark`, hash: NETWORK_MID_BACKWARD, step: 22, locale, width: 375, colorScheme: 'dark' });
}

for (const shot of cases) {
  test(`screenshot ${shot.name}`, async () => {
    const { page, problems } = await openPage(harness, { width: shot.width, height: shot.width > 400 ? 900 : 800, locale: shot.locale, colorScheme: shot.colorScheme });
    await gotoNotebook(page, harness.url, shot.hash);
    assert.equal(await currentStep(page), shot.step);
    assert.equal(await page.getAttribute('.actlab-stepper', 'data-phase'), 'backward');
    await page.evaluate(() => document.fonts.ready);
    await page.locator('.stepper-stage').scrollIntoViewIfNeeded();
    const stage = await screenshot(page, `${shot.name}-stage`, '.stepper-stage');
    await page.locator('.stepper-training').scrollIntoViewIfNeeded();
    const training = await screenshot(page, `${shot.name}-training`, '.stepper-training');
    await page.evaluate(() => window.scrollTo(0, 0));
    const full = await screenshot(page, `${shot.name}-page`);
    for (const file of [stage, training, full]) assert.ok(fs.statSync(file).size > 1000);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}
