// Iframes that size themselves (issue 15): the one-line host script embed/frames.js fits every ActLab
// frame on a page to its content, on a host from another origin at 375 and 1280 px and on a page
// opened from disk (file://, which `frame-ancestors *` alone would refuse); the heights the Share
// snippets give as a fallback (no script) hold each widget's default example at 760 px wide; and a
// state change inside a frame reaches the host's listener as a message.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPage } from './helpers.mjs';
import { startEmbedHarness, hostPage } from './embed-helpers.mjs';
import { WIDGETS } from '../../web/js/kit/embed/widgets.js';

let harness;
test.before(async () => {
  harness = await startEmbedHarness();
  harness.host.set('/favicon.ico', { type: 'image/x-icon', body: '' });
  // The host listener of docs/embedding.md ("Events, messages and types"), recording what it accepts.
  harness.host.set('/listen.js', {
    type: 'text/javascript; charset=utf-8',
    body: `window.actlabChanges = [];
window.addEventListener('message', (event) => {
  const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
  if (!frame || event.origin !== new URL(frame.src).origin || event.data?.type !== 'actlab:change') return;
  window.actlabChanges.push({ widget: event.data.widget, hash: event.data.hash, step: event.data.state.step });
});
`,
  });
});
test.after(async () => { await harness.close(); });

const frameUrl = (name) => `${harness.widgets.url}embed/widget.html?w=${name}&lang=en`;
const framesScript = () => `<script src="${harness.widgets.url}embed/frames.js" async></script>`;

/** Each ActLab frame of the page: its height on the host, and its content's and viewport's inside. */
async function measure(page) {
  const frames = page.frames().filter((frame) => frame.url().includes('embed/widget.html'));
  return Promise.all(frames.map(async (frame) => {
    const element = await frame.frameElement();
    const inner = await frame.evaluate(() => ({
      name: window.actlabWidget && window.actlabWidget.name,
      content: Math.ceil(document.body.getBoundingClientRect().height),
      scroll: document.documentElement.scrollHeight,
      viewport: window.innerHeight,
    }));
    return { ...inner, frame: Math.round((await element.boundingBox()).height) };
  }));
}

async function waitReady(page, count) {
  await page.waitForFunction((n) => {
    const frames = [...document.querySelectorAll('iframe')];
    return frames.length === n && frames.every((frame) => frame.contentWindow);
  }, count);
  for (const frame of page.frames().filter((candidate) => candidate.url().includes('embed/widget.html'))) {
    await frame.waitForSelector('body[data-ready="true"]');
  }
}

/**
 * Until every frame is as tall as its content (frames.js has caught up), or the timeout. Each frame
 * is scrolled into view first, as a reader would: Chromium does not lay out an off-screen
 * cross-origin frame's later changes until then.
 */
async function settled(page) {
  for (const frame of await page.locator('iframe').all()) await frame.scrollIntoViewIfNeeded();
  let last = [];
  for (let attempt = 0; attempt < 40; attempt += 1) {
    last = await measure(page);
    if (last.every((m) => m.viewport === m.content)) return last;
    await page.waitForTimeout(100);
  }
  return last;
}

test('the fallback heights hold every widget\'s default example at 760 px wide', async () => {
  const body = WIDGETS.map((entry) => `<iframe src="${frameUrl(entry.name)}" title="${entry.name}" width="760" height="${entry.height}" style="display:block;border:0"></iframe>`).join('\n');
  harness.host.set('/fallback.html', { body: hostPage({ body }) });
  const { page, problems } = await openPage(harness, { width: 800, height: 900 });
  await page.goto(`${harness.host.url}fallback.html`);
  await waitReady(page, WIDGETS.length);
  for (const m of await measure(page)) {
    const entry = WIDGETS.find((candidate) => candidate.name === m.name);
    console.log(`${m.name}: content ${m.content} px at 760 px, fallback ${entry.height} px`);
    assert.ok(m.scroll <= m.viewport, `${m.name}: content ${m.scroll} px fits the fallback ${entry.height} px`);
    assert.ok(entry.height - m.content < 200, `${m.name}: the fallback ${entry.height} px is not far above the content ${m.content} px`);
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('frames.js fits every ActLab frame to its content on a host from another origin, at 1280 and 375 px', async () => {
  const body = ['stepper', 'comparison'].map((name) => `<iframe src="${frameUrl(name)}" title="${name}" width="100%" height="150"></iframe>`).join('\n');
  harness.host.set('/fit.html', { body: hostPage({ head: `${framesScript()}\n<script src="/listen.js"></script>`, body }) });
  const { page, problems } = await openPage(harness, { width: 1280, height: 900 });
  await page.goto(`${harness.host.url}fit.html`);
  await waitReady(page, 2);
  const heights = {};
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    const fitted = await settled(page);
    for (const m of fitted) {
      assert.equal(m.viewport, m.content, `${width} px, ${m.name}: the frame's viewport is its content's height (nothing clipped)`);
      assert.ok(m.scroll <= m.viewport, `${width} px, ${m.name}: no inner scrollbar (${m.scroll} > ${m.viewport})`);
      heights[`${m.name}@${width}`] = m.content;
    }
  }
  assert.ok(heights['stepper@375'] > heights['stepper@1280'], 'narrower, the stepper is taller and its frame followed');

  // A state change inside a frame reaches the host as {type: 'actlab:change', widget, state, hash}.
  const stepper = page.frames().find((frame) => frame.url().includes('w=stepper'));
  const { adapter } = await WIDGETS.find((entry) => entry.name === 'stepper').adapter();
  const fragment = adapter.toHash(adapter.defaultState()).replace(/(^|&)step=\d+/, '$1step=4');
  await stepper.evaluate((hash) => { window.location.hash = hash; }, fragment);
  await page.waitForFunction(() => window.actlabChanges.some((change) => change.step === 4));
  const change = await page.evaluate(() => window.actlabChanges.find((entry) => entry.step === 4));
  assert.equal(change.widget, 'stepper');
  assert.match(change.hash, /(^|&)step=4(&|$)/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a host page opened from a file (file://) frames a widget, and frames.js fits it', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actlab-file-host-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'lesson.html');
  fs.writeFileSync(file, hostPage({ head: framesScript(), body: `<iframe src="${frameUrl('activation-plot')}" title="plot" width="100%" height="150"></iframe>` }));
  const { page, problems } = await openPage(harness, { width: 1000, height: 900 });
  await page.goto(`file://${file}`);
  await waitReady(page, 1);
  const [m] = await settled(page);
  assert.equal(m.name, 'activation-plot');
  assert.equal(m.viewport, m.content);
  assert.ok(m.content > 400, `the frame grew to its content (${m.content} px)`);
  assert.deepEqual(problems, []);
  await page.context().close();
});
