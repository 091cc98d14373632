// Chapter 9's time column is internally consistent: one identity baseline measured once per table
// (in the same pass as every other row), the identity row exactly 1×, every row's ratio its own time
// divided by that one baseline (to the shown rounding), and the table says what the times mean, in
// both languages. No assertion on speed: only on how the numbers shown relate to each other.
import test from 'node:test';
import assert from 'node:assert/strict';
import createActLab from '../../web/engine/actlab.js';
import { startHarness, openPage, cspViolations } from './helpers.mjs';
import { timeActivations, SUMMARY_ACTIVATIONS } from '../../web/js/chapters/figures/summary-table.js';

let harness;
test.before(async () => { harness = await startHarness(); });
test.after(async () => { await harness.close(); });

/** Does `shown` (a number rounded to `digits` significant digits) round `exact`? */
function roundsTo(shown, exact, digits) {
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(exact))) - digits + 1);
  return Math.abs(shown - exact) <= unit / 2 + 1e-12 * Math.abs(exact);
}

test('the rounding check itself: 1.26 shows as 1.3, not 1.2', () => {
  assert.ok(roundsTo(1.3, 1.26, 2));
  assert.ok(!roundsTo(1.2, 1.26, 2));
  assert.ok(roundsTo(0.75, 0.7512, 2));
  assert.ok(!roundsTo(2, 1.5, 2));
});

test('timeActivations: one pass, one baseline, identity’s own time', async () => {
  const engine = await createActLab();
  let rounds = 0;
  const result = await timeActivations(engine, ['relu', 'gelu'], { samples: 3, minSampleMs: 1, pause: async () => { rounds += 1; return true; } });
  assert.equal(rounds, 3, 'one pause per round');
  assert.deepEqual(Object.keys(result.times).sort(), ['gelu', 'identity', 'relu'], 'identity is always timed, once');
  assert.equal(result.baseline, result.times.identity);
  for (const time of Object.values(result.times)) assert.ok(Number.isFinite(time) && time > 0, String(time));
  assert.equal(result.samples, 3);
  assert.ok(Number.isInteger(result.calls) && result.calls >= 1);
  // Abandoned between rounds: no result.
  assert.equal(await timeActivations(engine, ['relu'], { samples: 3, minSampleMs: 1, pause: async () => false }), null);
});

async function readTable(page) {
  return page.evaluate(() => {
    const note = document.querySelector('#summary .summary-time-note');
    const rows = [...document.querySelectorAll('#summary .summary-table tbody tr')].map((tr) => {
      const cell = tr.querySelector('[data-key="time"]');
      return { activation: tr.dataset.activation, time: Number(cell.dataset.value), text: cell.textContent };
    });
    return { rows, note: note && { text: note.textContent, baseline: Number(note.dataset.baseline), samples: Number(note.dataset.samples) } };
  });
}

test('the summary table’s times: one baseline, identity exactly 1×, every ratio = time ÷ baseline; explained in en and zh-CN', async () => {
  const { page, problems, context } = await openPage(harness, { locale: 'en-US', width: 1280 });
  await page.goto(`${harness.url}#summary`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  const figure = page.locator('#summary .chapter-figure--summary');
  await figure.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#summary .chapter-figure--summary').dataset.state === 'ready',
    null, { timeout: 180000, polling: 250 });

  const { rows, note } = await readTable(page);
  assert.deepEqual(rows.map((row) => row.activation), SUMMARY_ACTIVATIONS);
  assert.ok(note, 'the table says what its times mean');
  const identity = rows.find((row) => row.activation === 'identity');
  assert.equal(note.baseline, identity.time, 'the baseline is the identity row’s own time');
  const parse = (text) => {
    const match = /^([\d.]+) ns \(([\d.]+)×\)$/.exec(text);
    assert.ok(match, `time cell "${text}"`);
    return { time: Number(match[1]), ratio: Number(match[2]) };
  };
  assert.equal(parse(identity.text).ratio, 1, 'identity is exactly 1×');
  console.log(`summary times (ns per element, baseline ${note.baseline.toFixed(3)}): ` +
    rows.map((row) => `${row.activation} ${row.text}`).join(', '));
  for (const row of rows) {
    assert.ok(Number.isFinite(row.time) && row.time > 0, `${row.activation}: ${row.time}`);
    const shown = parse(row.text);
    assert.ok(roundsTo(shown.time, row.time, 2), `${row.activation}: ${shown.time} shows ${row.time}`);
    assert.ok(roundsTo(shown.ratio, row.time / note.baseline, 2),
      `${row.activation}: ratio ${shown.ratio} is not ${row.time} / ${note.baseline} = ${row.time / note.baseline}`);
  }
  // What the times mean: per element, in this browser, the median of N samples, noise.
  assert.match(note.text, /per element/);
  assert.match(note.text, /this browser/);
  assert.match(note.text, new RegExp(`median of ${note.samples} samples`));
  assert.match(note.text, /noise/);
  assert.match(note.text, new RegExp(`\\(${parse(identity.text).time} ns\\)`), 'the baseline, as shown in the identity row');

  await page.click('button[data-lang="zh-CN"]');
  await page.waitForFunction(() => /纳秒/.test(document.querySelector('#summary .summary-time-note').textContent));
  const zh = await readTable(page);
  assert.equal(zh.note.baseline, note.baseline, 'the language changes the words, not the measurement');
  assert.match(zh.rows[0].text, /^[\d.]+ 纳秒（1 倍）$/);
  assert.match(zh.note.text, /每个元素/);
  assert.match(zh.note.text, /浏览器/);
  assert.match(zh.note.text, new RegExp(`${note.samples} 个样本的中位数`));
  assert.match(zh.note.text, /噪声/);

  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});
