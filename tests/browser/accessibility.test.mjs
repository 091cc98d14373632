// Accessibility (issue 9, item 13): axe-core's WCAG 2.0/2.1 A and AA rules find nothing on the
// notebook (every chapter and figure drawn), the lab and the playground after a few training steps
// (histograms drawn), the stepper mid-backward, the article example (its custom elements and
// iframes) and a standalone embed, in English and Chinese, light and dark (the notebook in all four
// combinations, the rest in en light and zh-CN dark: see DIAGONAL). One test per page;
// each combination in its own browser context. On failure the message lists every violation: where,
// rule id, impact and the selectors of the offending nodes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './helpers.mjs';
import { LAB, PLAYGROUND, waitIdle, waitStep } from './lab-helpers.mjs';
import { AXE_VERSION, COMBINATIONS, DIAGONAL, axeContext, axeViolations, axeFrames, report, label } from './accessibility-helpers.mjs';

const MID_BACKWARD = '#stepper?v=1&in=2&h=3&act=relu,sigmoid&x=0.5,-1&t=1&loss=bce&init=kaiming_uniform&seed=3&lr=0.5&cyc=2&step=22';

let harness;
test.before(async () => { harness = await startHarness(); });
test.after(async () => { await harness.close(); });

test('axe-core is the pinned 4.x release', () => {
  assert.match(AXE_VERSION, /^4\.\d+\.\d+$/);
});

/**
 * For each language × theme in `combinations`: open a fresh context, `visit` the page (it may
 * `record` violations it found on the way), run axe (the whole document and every frame, or only
 * `include`), collect. Asserts 0 violations over all of them at the end, so one run shows everything.
 */
async function checkEverywhere(visit, { include = null, width, combinations = DIAGONAL } = {}) {
  const found = [];
  for (const combination of combinations) {
    const { context, page, problems } = await axeContext(harness.browser, { ...combination, width });
    try {
      await visit(page, combination, (more) => found.push(...more));
      const where = label(combination);
      const violations = include ? (await axeViolations(page.mainFrame(), include)).map((v) => ({ where, ...v })) : await axeFrames(page, where);
      found.push(...violations);
      assert.deepEqual(problems, [], `${where}: console or page errors`);
    } finally {
      await context.close();
    }
  }
  assert.equal(found.length, 0, `axe-core ${AXE_VERSION} found ${found.length} violation(s):\n${report(found)}`);
}

test('axe-core runs in the page and sees an unnamed image (the check can fail)', async () => {
  const { context, page } = await axeContext(harness.browser, COMBINATIONS[0]);
  try {
    await page.goto(`${harness.url}embed/widget.html?w=activation-plot&lang=en`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.evaluate(() => document.querySelector('.plot-svg').setAttribute('aria-label', ''));
    const violations = await axeViolations(page.mainFrame());
    assert.deepEqual(violations.map((v) => [v.id, v.impact]), [['svg-img-alt', 'serious']]);
  } finally {
    await context.close();
  }
});

/** Loads the notebook in the context's language at `hash` and waits until it is ready. */
async function gotoNotebook(page, hash = '') {
  await page.goto(`${harness.url}${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
}

/** Scrolls through the whole page so that everything drawn on approach is drawn. */
async function scrollThrough(page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = (page.viewportSize()?.height || 900) - 100;
  for (let y = 0; y < height; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
}

test('the notebook, as loaded and with every chapter and figure drawn: 0 violations in en/zh-CN × light/dark', async () => {
  await checkEverywhere(async (page, combination, record) => {
    await gotoNotebook(page);
    await page.waitForSelector('.actlab-stepper .graph-svg');
    // As a reader first meets it: the figures further down not computed yet.
    record(await axeFrames(page, `${label(combination)}, as loaded`));
    await scrollThrough(page);
    // Each figure computes when it comes near the viewport: bring each there and wait for it.
    for (const figure of await page.locator('.chapter-figure').all()) {
      await figure.scrollIntoViewIfNeeded();
      await page.waitForFunction((element) => element.dataset.state === 'ready', await figure.elementHandle(), { timeout: 180000, polling: 250 });
    }
    await page.evaluate(() => document.fonts.ready);
  }, { combinations: COMBINATIONS });
});

/** The lab or the playground at its default state, after two single steps, every disclosure open (histograms drawn). */
const afterSteps = (section, root) => async (page) => {
  await gotoNotebook(page, `#${section}`);
  await waitIdle(page, root);
  await page.locator(root).scrollIntoViewIfNeeded();
  for (const step of [1, 2]) {
    await page.click(`${root} [data-action="step"]`);
    await waitStep(page, root, step);
  }
  // Open every disclosure (the per-layer histograms are drawn only while theirs is open).
  await page.$$eval(`${root} details`, (elements) => elements.forEach((element) => { element.open = true; }));
  await page.waitForTimeout(500); // the plots draw on the next frames
};

test('the comparison lab after two steps: 0 violations in en light and zh-CN dark', async () => {
  await checkEverywhere(afterSteps('lab', LAB), { include: [LAB] });
});

test('the playground after two steps: 0 violations in en light and zh-CN dark', async () => {
  await checkEverywhere(afterSteps('playground', PLAYGROUND), { include: [PLAYGROUND] });
});

test('the stepper mid-backward: 0 violations in en light and zh-CN dark', async () => {
  await checkEverywhere(async (page) => {
    await gotoNotebook(page, MID_BACKWARD);
    await page.waitForSelector('.actlab-stepper[data-step="22"] .graph-svg');
  }, { include: ['.actlab-stepper'] });
});

test('the article example, its custom elements and iframes: 0 violations in en light and zh-CN dark', async () => {
  await checkEverywhere(async (page, { lang }) => {
    await page.goto(`${harness.url}examples/article.html${lang === 'en' ? '' : `?lang=${lang}`}`);
    // Every <actlab-…> element has settled (its `ready` promise), and every lazy iframe has loaded.
    const settled = await page.evaluate(async () => {
      await Promise.all(['actlab-stepper', 'actlab-activation-plot', 'actlab-linear-stack', 'actlab-comparison'].map((tag) => customElements.whenDefined(tag)));
      const elements = [...document.querySelectorAll('actlab-stepper, actlab-activation-plot, actlab-linear-stack, actlab-comparison')];
      return Promise.all(elements.map((element) => element.ready));
    });
    assert.ok(settled.length >= 4 && settled.every(Boolean), `every element started: ${settled}`);
    await scrollThrough(page);
    const frames = page.locator('iframe[data-actlab-frame]');
    assert.ok(await frames.count() >= 2);
    for (const frame of await frames.all()) await frame.contentFrame().locator('body[data-ready="true"]').waitFor({ timeout: 60000 });
  });
});

test('a standalone embed (widget.html, the activation plot): 0 violations in en light and zh-CN dark', async () => {
  await checkEverywhere(async (page, { lang }) => {
    await page.goto(`${harness.url}embed/widget.html?w=activation-plot&lang=${lang}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('.plot-svg');
  }, { width: 800 });
});
