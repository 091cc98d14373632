// Issue 9 in the browser: every widget the reader changed survives a reload (item 4), a refused link
// names the field, the value and the allowed range (item 9), and a refused field value is shown next
// to its field, marked aria-invalid, and resets nothing (item 10).
import test from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, openPage, gotoNotebook, currentStep } from './helpers.mjs';
import { LAB, waitIdle } from './lab-helpers.mjs';

let harness;
test.before(async () => { harness = await startHarness(); });
test.after(async () => { await harness.close(); });

const hashOf = (page) => page.evaluate(() => window.location.hash);
const noticeTexts = (page) => page.$$eval('.notice--invalid .notice-text', (els) => els.map((el) => el.textContent));

test('a link to a section far down lands on it once the figures above it are computed', async () => {
  const { page, problems } = await openPage(harness);
  await page.goto(`${harness.url}#playground`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120000 });
  await page.waitForTimeout(2000); // the figures near it compute as it comes into view
  const top = await page.evaluate(() => document.getElementById('playground').getBoundingClientRect().top);
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(top) < 2, `the playground's top is at ${top} px (scrolled ${scrolled} px)`);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a contents entry clicked while the page is still being built lands on its section', async (t) => {
  const { page, problems } = await openPage(harness);
  await page.goto(harness.url);
  await page.click('.toc a[href="#playground"]'); // as soon as the contents are there
  const builtAtClick = await page.evaluate(() => Boolean(document.getElementById('playground')));
  t.diagnostic(`the playground was ${builtAtClick ? '' : 'not '}built yet when its entry was clicked`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120000 });
  await page.waitForTimeout(2000);
  const top = await page.evaluate(() => document.getElementById('playground').getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 2, `the playground's top is at ${top} px (built when clicked: ${builtAtClick})`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'playground-title');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('item 4: every changed widget is in the link and comes back after a reload', async () => {
  const { page, problems, context } = await openPage(harness);
  await gotoNotebook(page, harness.url);
  for (let k = 0; k < 3; k += 1) await page.click('.actlab-stepper [data-action="forward"]');
  assert.equal(await currentStep(page), 3);
  await page.waitForFunction(() => window.location.hash.startsWith('#stepper?'));
  // Then the chapter 1 figure: switch the activation on.
  await page.check('#why [data-field="active"]');
  await page.waitForFunction(() => window.location.hash.includes('why?') && window.location.hash.includes('stepper?'));
  const hash = await hashOf(page);
  assert.match(hash, /^#why\?[^/]*on=1[^/]*\/stepper\?[^/]*step=3/, 'the last-touched section first, the stepper riding along');

  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('.actlab-stepper .graph-svg');
  assert.equal(await currentStep(page), 3, 'the stepper keeps its step');
  assert.equal(await page.isChecked('#why [data-field="active"]'), true, 'the chapter 1 figure keeps its state');
  assert.deepEqual(await noticeTexts(page), []);
  assert.equal(await hashOf(page), hash, 'reading the link does not rewrite it');
  const top = await page.evaluate(() => document.getElementById('why').getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 2, `the link points at chapter 1 (its top is at ${top})`);

  // A widget back at its defaults leaves the link; the others stay.
  await page.click('.actlab-stepper [data-action="reset"]');
  assert.equal(await currentStep(page), 0);
  await page.waitForFunction(() => !window.location.hash.includes('stepper?'));
  assert.match(await hashOf(page), /^#why\?/);
  await page.uncheck('#why [data-field="active"]');
  await page.waitForFunction(() => window.location.hash === '');

  // An old one-section link still works, and a link followed in the page keeps the other widgets.
  await page.check('#why [data-field="active"]');
  await page.waitForFunction(() => window.location.hash.startsWith('#why?'));
  await page.evaluate(() => { window.location.hash = '#stepper?v=1&in=1&h=1&act=relu,sigmoid&x=1.5&t=1&loss=mse&w=-0.8;-0.5&b=0.1;0.2&lr=0.5&cyc=0&step=16'; });
  await page.waitForFunction(() => document.querySelector('.actlab-stepper').dataset.step === '16');
  await page.waitForFunction(() => /^#stepper\?[^/]*step=16\/why\?[^/]*on=1/.test(window.location.hash));
  assert.equal(await page.isChecked('#why [data-field="active"]'), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('item 9: a refused link names the field, the value and the allowed range; good parts still load', async () => {
  const { page, problems, context } = await openPage(harness);
  const cases = [
    ['#lab?v=1&act=sigmoid', 'activations: choose 2 to 5 (the link has sigmoid)'],
    ['#stepper?v=1&h=9999', 'hidden layers: expected a whole number from 1 to 6 (the link has 9999)'],
    ['#playground?v=1&n=19', 'points: expected a whole number from 20 to 2000 (the link has 19)'],
  ];
  const load = async (hash) => {
    await page.goto('about:blank'); // a fresh load, not a hash change in the open page
    await page.goto(`${harness.url}${hash}`);
  };
  for (const [hash, expected] of cases) {
    await load(hash);
    await page.waitForSelector('body[data-ready="true"]');
    const [text] = await noticeTexts(page);
    assert.ok(text.includes(expected), `${hash}: ${text}`);
    assert.match(text, /The default example is shown instead\.$/);
    assert.equal(await hashOf(page), '', 'the refused part leaves the URL');
  }
  // Stepper links may leave keys out.
  await load('#stepper?v=1&step=5');
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('.actlab-stepper .graph-svg');
  assert.equal(await currentStep(page), 5);
  assert.deepEqual(await noticeTexts(page), []);
  // One bad part does not cost the others.
  await load('#stepper?v=1&step=4/lab?v=1&act=sigmoid');
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('.actlab-stepper .graph-svg');
  assert.equal(await currentStep(page), 4);
  const [text] = await noticeTexts(page);
  assert.match(text, /activations: choose 2 to 5/);
  assert.equal(await hashOf(page), '#stepper?v=1&in=1&h=1&act=sigmoid,sigmoid&x=1.5&t=1&loss=mse&w=0.8;-0.5&b=0.1;0.2&lr=0.5&cyc=0&step=4');
  // In Chinese.
  const zh = await openPage(harness, { locale: 'zh-CN' });
  await zh.page.goto(`${harness.url}#lab?v=1&act=sigmoid`);
  await zh.page.waitForSelector('body[data-ready="true"]');
  const [zhText] = await noticeTexts(zh.page);
  assert.ok(zhText.includes('激活函数：请选 2 到 5 个（链接里是 sigmoid）'), zhText);
  assert.deepEqual([...problems, ...zh.problems], []);
  await zh.context.close();
  await context.close();
});

test('item 10: a refused field value is shown next to the field, names field, value and range, and resets nothing', async () => {
  for (const [locale, expected] of [
    ['en-US', {
      range: 'Hidden layers: expected a whole number from 1 to 32 (you entered 40). This change was not applied.',
      empty: 'Hidden layers: expected a whole number from 1 to 32 (the field is empty or does not hold a number). This change was not applied.',
      figure: 'Logit z: expected a number from -10000 to 10000 (you entered 100000). This change was not applied.',
    }],
    ['zh-CN', {
      range: '隐藏层数：应为 1 到 32 之间的整数（你填的是 40）。这项修改没有生效。',
      empty: '隐藏层数：应为 1 到 32 之间的整数（框里是空的，或者填的不是数字）。这项修改没有生效。',
      figure: 'Logit z：应为 -10000 到 10000 之间的数（你填的是 100000）。这项修改没有生效。',
    }],
  ]) {
    const { page, problems, context } = await openPage(harness, { locale });
    await page.goto(`${harness.url}#lab?v=1&depth=5&width=8`);
    await page.waitForSelector('body[data-ready="true"]');
    await waitIdle(page, LAB);
    const before = await hashOf(page);
    const depth = `${LAB} [data-field="depth"]`;
    await page.fill(depth, '40');
    await page.press(depth, 'Tab');
    const error = `${LAB} .lab-setup .field-error:not([hidden])`;
    await page.waitForSelector(error);
    assert.equal(await page.textContent(error), expected.range);
    assert.doesNotMatch(await page.textContent(error), /default|link|默认|链接/);
    assert.equal(await page.getAttribute(depth, 'aria-invalid'), 'true');
    const errorId = await page.getAttribute(error, 'id');
    assert.ok((await page.getAttribute(depth, 'aria-describedby')).split(' ').includes(errorId));
    assert.ok(await page.$eval(error, (el, selector) => el.previousElementSibling.contains(document.querySelector(selector)), depth),
      'the message sits right after the field');
    // Nothing was reset: the other settings, the link and the notices are as they were.
    assert.equal(await page.inputValue(`${LAB} [data-field="width"]`), '8');
    assert.equal(await hashOf(page), before);
    assert.deepEqual(await noticeTexts(page), []);
    // A good value clears the message and the marking.
    await page.fill(depth, '6');
    await page.press(depth, 'Tab');
    await page.waitForSelector(`${LAB} .lab-setup .field-error:not([hidden])`, { state: 'detached' });
    assert.equal(await page.getAttribute(depth, 'aria-invalid'), null);
    await page.waitForFunction(() => window.location.hash.includes('depth=6'));
    // An empty field (or text the browser cannot read as a number) says so.
    await page.fill(depth, '');
    await page.press(depth, 'Tab');
    await page.waitForSelector(error);
    assert.equal(await page.textContent(error), expected.empty);
    // A chapter figure's field is refused the same way, with its own message beside it.
    const logit = '#output [data-field="sz"]';
    await page.fill(logit, '100000');
    await page.press(logit, 'Tab');
    const figureError = '#output .chapter-figure-controls > .field-error:not([hidden])';
    await page.waitForSelector(figureError);
    assert.equal(await page.textContent(figureError), expected.figure);
    assert.equal(await page.getAttribute(logit, 'aria-invalid'), 'true');
    await page.fill(logit, '30');
    await page.press(logit, 'Tab');
    await page.waitForSelector(figureError, { state: 'detached' });
    assert.equal(await page.getAttribute(logit, 'aria-invalid'), null);
    // The figure redrew its fields for the new value; the Tab still went on to the next field.
    assert.equal(await page.evaluate(() => document.activeElement.dataset.field), 'st');
    assert.deepEqual(problems, []);
    await context.close();
  }
});
