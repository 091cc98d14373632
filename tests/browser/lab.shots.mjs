// Screenshots of the comparison lab and the training playground mid-training, in English and
// Chinese, at 1280 and 375 px, light and dark, in test-results/screenshots/ (gitignored) for a
// person to look at. One page load per shot covers both widgets: the playground comes from a link
// that replays its run to step 150; the lab trains its dead-ReLU preset and is paused mid-run.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startHarness, openPage, screenshot } from './helpers.mjs';
import { LAB, PLAYGROUND, gotoWidget, waitIdle, currentStep, hashFor, horizontalOverflow } from './lab-helpers.mjs';
import { encodePlaygroundHash } from '../../web/js/kit/state/playground-codec.js';
import { validatePlaygroundState } from '../../web/js/kit/state/playground-schema.js';
import { presetState } from '../../web/js/widgets/playground/model.js';

const PLAYGROUND_MID = hashFor('playground', encodePlaygroundHash, validatePlaygroundState({ ...presetState('dead-prelu'), at: 150 }));

let harness;
test.before(async () => { harness = await startHarness(); });
test.after(async () => { await harness.close(); });

const cases = [
  { lang: 'en', locale: 'en-US', width: 1280, colorScheme: 'light' },
  { lang: 'en', locale: 'en-US', width: 375, colorScheme: 'light' },
  { lang: 'zh-CN', locale: 'zh-CN', width: 1280, colorScheme: 'light' },
  { lang: 'zh-CN', locale: 'zh-CN', width: 375, colorScheme: 'light' },
  { lang: 'zh-CN', locale: 'zh-CN', width: 375, colorScheme: 'dark' },
];

for (const shot of cases) {
  const name = `${shot.lang}-${shot.width}${shot.colorScheme === 'dark' ? '-dark' : ''}`;
  test(`screenshots lab + playground ${name}`, async () => {
    const { page, problems } = await openPage(harness, { width: shot.width, height: shot.width > 400 ? 900 : 800, locale: shot.locale, colorScheme: shot.colorScheme });
    await gotoWidget(page, harness.url, PLAYGROUND_MID, PLAYGROUND);
    await waitIdle(page, LAB);
    assert.equal(await currentStep(page, PLAYGROUND), 150);
    // The lab: dead-ReLU preset, trained for a while, paused mid-run.
    await page.selectOption(`${LAB} [data-field="preset"]`, 'dead-relu');
    await waitIdle(page, LAB);
    await page.click(`${LAB} [data-action="train"]`);
    await page.waitForFunction((sel) => Number(document.querySelector(sel).dataset.step) >= 60, LAB, { timeout: 60000 });
    await page.click(`${LAB} [data-action="train"]`);
    await waitIdle(page, LAB);
    const step = await currentStep(page, LAB);
    assert.ok(step >= 60 && step < 1500, `lab paused mid-run at ${step}`);
    // Show a definition tooltip in the lab shot (by focus: a hover would follow the scrolling).
    await page.mouse.move(0, 0);
    await page.focus(`${LAB} .lab-layer-table td[data-layer="1"][data-run="0"][data-col="dead"]`);
    await page.evaluate(() => document.fonts.ready);
    assert.equal(await horizontalOverflow(page), 0);
    const files = [
      await screenshot(page, `lab-${name}`, LAB),
      await screenshot(page, `playground-${name}`, PLAYGROUND),
    ];
    for (const file of files) assert.ok(fs.statSync(file).size > 1000);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}
