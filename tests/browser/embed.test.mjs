// Embedding (issue 5): the <actlab-*> elements and the standalone iframe page, on a host page served
// from ANOTHER origin (another port) with its own strict Content-Security-Policy. Bad attributes,
// CSS isolation both ways, and share snippets that reproduce the state they were made from.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HEADERS } from '../../scripts/serve.mjs';
import { openPage, screenshot, repo } from './helpers.mjs';
import { startEmbedHarness, hostPage, waitForEmbed, recordRequests } from './embed-helpers.mjs';

let harness;
test.before(async () => {
  harness = await startEmbedHarness();
  // The host's own script: records errors that reach the host, a counter button, resize messages.
  harness.host.set('/host.js', {
    type: 'text/javascript; charset=utf-8',
    body: `window.__hostErrors = [];
window.addEventListener('error', (e) => window.__hostErrors.push('error: ' + e.message));
window.addEventListener('unhandledrejection', (e) => window.__hostErrors.push('rejection: ' + (e.reason && e.reason.message || e.reason)));
window.__heights = [];
window.addEventListener('message', (e) => { if (e.data && e.data.type === 'actlab:resize') window.__heights.push(e.data.height); });
document.addEventListener('click', (e) => { if (e.target.id === 'host-counter') e.target.textContent = String(Number(e.target.textContent) + 1); });
`,
  });
  harness.host.set('/favicon.ico', { type: 'image/x-icon', body: '' });
});
test.after(async () => { await harness.close(); });

const embedScript = () => `<script type="module" src="${harness.widgets.url}embed/actlab-embed.js"></script>`;
const hostScript = '<script src="/host.js"></script>';

async function openHost(path, { body, head = '', lang = 'en', width = 1100, colorScheme = 'light' }) {
  harness.host.set(path, { body: hostPage({ lang, head: `${hostScript}\n${head}`, body }) });
  const opened = await openPage(harness, { width, height: 900, colorScheme });
  const requests = recordRequests(opened.page);
  await opened.page.goto(`${harness.host.url}${path.slice(1)}`);
  return { ...opened, requests };
}

/** Every request went to the host or to the widgets' origin; nothing else was contacted. */
function assertOnlyKnownOrigins(requests) {
  const allowed = [harness.host.origin, harness.widgets.origin];
  const elsewhere = requests.filter((url) => !allowed.includes(new URL(url).origin) && !url.startsWith('data:'));
  assert.deepEqual(elsewhere, []);
}

const shadowText = (page, selector, inner) => page.evaluate(([sel, innerSel]) => {
  const node = document.querySelector(sel).shadowRoot.querySelector(innerSel);
  return node ? node.textContent : null;
}, [selector, inner]);

const CHAIN_231 = 'v=1&in=2&h=3&act=relu,sigmoid&x=0.5,-1&t=1&loss=bce&init=kaiming_uniform&seed=3&lr=0.5&cyc=2&step=22';

test('a custom element loaded from another origin runs, styled, with KaTeX fonts, under the host CSP', async () => {
  const { page, problems, requests } = await openHost('/element.html', {
    head: embedScript(),
    body: '<h1>Tutorial</h1>\n<actlab-stepper id="s" lang="zh-CN" activation="relu" step="7"></actlab-stepper>\n<button id="host-counter">0</button>',
  });
  assert.equal(await waitForEmbed(page, '#s'), 'ok');
  const state = await page.evaluate(() => document.getElementById('s').getState());
  assert.deepEqual(state.activations.map((spec) => spec.name), ['relu', 'sigmoid']);
  assert.equal(state.step, 7);
  assert.equal(await page.getAttribute('#s >> .actlab-stepper', 'data-step'), '7');
  assert.match(await shadowText(page, '#s', '.step-status'), /第 7 \/ 16 步/);
  // The widget's stylesheet applies inside the shadow root (the forward button is the accent colour).
  const forwardBackground = await page.locator('#s [data-action="forward"]').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(forwardBackground, 'rgb(26, 95, 180)');
  // KaTeX typeset the equation inside the shadow root, in KaTeX's own fonts (loaded from the widgets' origin).
  await page.evaluate(() => document.fonts.ready);
  const fonts = await page.evaluate(() => {
    const katex = document.getElementById('s').shadowRoot.querySelector('.stepper-equation .katex');
    return {
      family: katex && getComputedStyle(katex).fontFamily,
      loaded: [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family),
      check: document.fonts.check('16px KaTeX_Main'),
    };
  });
  assert.match(fonts.family, /^KaTeX_Main/);
  assert.ok(fonts.loaded.includes('KaTeX_Main'), `loaded fonts: ${fonts.loaded}`);
  assert.ok(fonts.check);
  assert.ok(requests.some((url) => url.startsWith(`${harness.widgets.url}vendor/katex/fonts/KaTeX_Main`)), 'KaTeX_Main came from the widgets origin');
  // Keyboard works inside the shadow root.
  await page.locator('#s .graph-box').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#s >> .actlab-stepper', 'data-step'), '8');
  // The host page is untouched and still works.
  await page.click('#host-counter');
  assert.equal(await page.textContent('#host-counter'), '1');
  await screenshot(page, 'embed-element-cross-origin-zh-CN', '#s');
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(await page.evaluate(() => window.__hostErrors), []);
  assertOnlyKnownOrigins(requests);
  await page.context().close();
});

test('an iframe of the standalone page from another origin carries its state in the URL', async () => {
  const src = `${harness.widgets.url}embed/widget.html?w=stepper&amp;lang=zh-CN#${CHAIN_231.replace(/&/g, '&amp;')}`;
  const { page, problems, requests } = await openHost('/iframe.html', {
    body: `<h1>Tutorial</h1>\n<iframe id="f" src="${src}" title="ActLab" width="100%" height="900"></iframe>`,
  });
  const frame = page.frameLocator('#f');
  await frame.locator('body[data-ready="true"]').waitFor();
  assert.equal(await frame.locator('.actlab-stepper').getAttribute('data-step'), '22');
  assert.match(await frame.locator('.step-status').textContent(), /第 22 \/ 35 步/);
  assert.equal(await frame.locator('html').getAttribute('lang'), 'zh-CN');
  // Changing the state inside rewrites the frame's own URL.
  await frame.locator('[data-action="back"]').click();
  const inner = page.frames().find((candidate) => candidate.url().includes('widget.html'));
  await inner.waitForFunction(() => window.location.hash.includes('step=21'));
  // The page reports its height to the host, which may resize the frame.
  await page.waitForFunction(() => window.__heights.length > 0);
  assert.ok(await page.evaluate(() => Math.max(...window.__heights)) > 600);
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(await inner.evaluate(() => window.__cspViolations), []);
  assertOnlyKnownOrigins(requests);
  await page.context().close();
});

test('the standalone page rejects an unknown widget, a bad language and a bad state with a message', async () => {
  const { page, problems } = await openPage(harness, {});
  await page.goto(`${harness.widgets.url}embed/widget.html?w=nope`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.textContent('#widget-message'), /no ActLab widget called "nope".*stepper/);
  await page.goto(`${harness.widgets.url}embed/widget.html?w=stepper&lang=fr#v=1&in=1&h=1&act=bogus,sigmoid&x=1&t=1`);
  await page.waitForSelector('body[data-ready="true"]');
  const message = await page.textContent('#widget-message');
  assert.match(message, /"fr" is not available/);
  assert.match(message, /activations: unknown activation function/);
  assert.equal(await page.getAttribute('.actlab-stepper', 'data-step'), '0', 'the default example is shown');
  assert.equal(await page.evaluate(() => window.location.hash), '', 'the bad state is removed from the URL');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('bad attributes show a localized message inside the element; the host page keeps working', async () => {
  const cases = [
    ['bad-act', 'activations="relu,nope"', /activations="relu,nope".*unknown activation function/],
    ['bad-count', 'inputs="1,2"', /inputs="1,2".*number of values does not match/],
    ['bad-range', 'learning-rate="99"', /learning-rate="99".*outside the allowed range/],
    ['bad-chars', 'weights="&lt;img src=x onerror=alert(1)&gt;"', /weights="<img src=x onerror=alert\(1\)>".*characters/],
    ['bad-step', 'step="999"', /step="999".*beyond the end of the backward pass/],
    ['bad-lang', 'lang="fr"', /"fr" is not available/],
    ['bad-mix', 'activation="relu" activations="relu,sigmoid"', /either activation\/output-activation or activations/],
    // Issue 9: left-out stepper settings take defaults (input-size="2" alone is now fine), but explicit weights need biases.
    ['bad-missing', 'input-size="2" weights="1,1;1"', /Check the attribute biases \(a required setting is missing\)/],
  ];
  const body = cases.map(([id, attributes]) => `<actlab-stepper id="${id}" ${attributes}></actlab-stepper>`).join('\n') +
    '\n<actlab-stepper id="zh" lang="zh-CN" loss="nope"></actlab-stepper>\n<button id="host-counter">0</button>';
  const { page, problems } = await openHost('/bad.html', { head: embedScript(), body });
  for (const [id, , expected] of cases) {
    assert.equal(await waitForEmbed(page, `#${id}`), 'ok', id);
    const message = await shadowText(page, `#${id}`, '.actlab-embed-message[role="alert"]');
    assert.match(message, expected, id);
    // …and the default example runs below it.
    assert.ok(await page.locator(`#${id} .graph-svg`).count() === 1, `${id}: the widget is there`);
  }
  await waitForEmbed(page, '#zh');
  assert.match(await shadowText(page, '#zh', '.actlab-embed-message'), /属性 loss="nope" 无法使用.未知的损失函数./);
  // No markup from an attribute was ever parsed.
  assert.equal(await page.evaluate(() => document.getElementById('bad-chars').shadowRoot.querySelector('img')), null);
  // The host page is fine: its button works, nothing was thrown into it.
  await page.click('#host-counter');
  assert.equal(await page.textContent('#host-counter'), '1');
  assert.deepEqual(await page.evaluate(() => window.__hostErrors), []);
  assert.deepEqual(problems, []);

  // Attributes changed later: a bad value keeps the current state and says why; a good one applies.
  await page.evaluate(() => document.getElementById('bad-act').setAttribute('activations', 'tanh,sigmoid'));
  await page.waitForFunction(() => document.getElementById('bad-act').getState().activations[0].name === 'tanh');
  assert.equal(await shadowText(page, '#bad-act', '.actlab-embed-message'), '');
  await page.evaluate(() => document.getElementById('bad-act').setAttribute('target', 'lots'));
  await page.waitForFunction(() => /target="lots"/.test(document.getElementById('bad-act').shadowRoot.querySelector('.actlab-embed-message').textContent));
  assert.equal(await page.evaluate(() => document.getElementById('bad-act').getState().activations[0].name), 'tanh');
  await page.evaluate(() => document.getElementById('bad-act').setAttribute('lang', 'zh-CN'));
  await page.waitForFunction(() => /目标值|target/.test(document.getElementById('bad-act').shadowRoot.querySelector('.actlab-embed-message').textContent) &&
    document.getElementById('bad-act').shadowRoot.querySelector('.step-status').textContent.includes('步'));
  // Removing and re-adding the element keeps what the reader did with it.
  await page.evaluate(() => {
    const element = document.getElementById('bad-act');
    const parent = element.parentNode;
    element.remove();
    parent.append(element);
  });
  await page.waitForFunction(() => document.getElementById('bad-act').shadowRoot.querySelector('.graph-svg'));
  assert.equal(await page.evaluate(() => document.getElementById('bad-act').getState().activations[0].name), 'tanh');
  assert.deepEqual(await page.evaluate(() => window.__hostErrors), []);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('host CSS does not leak into the widget', async () => {
  harness.host.set('/hostile.css', {
    type: 'text/css; charset=utf-8',
    body: `html { font-size: 10px; }
* { color: red !important; font-family: "Comic Sans MS", cursive !important; letter-spacing: 3px; line-height: 3 !important; text-transform: uppercase; }
button { display: none !important; }
div, p, span, svg, select, input, textarea { padding: 40px !important; margin: 30px !important; border: 5px solid lime !important; visibility: hidden; }
svg { display: none !important; }
.actlab-stepper, .control, .katex, .share-toggle, .graph-box { display: none !important; }
`,
  });
  const body = '<actlab-stepper id="s" step="9"></actlab-stepper>';
  const measure = (page) => page.evaluate(async () => {
    await document.fonts.ready;
    const root = document.getElementById('s').shadowRoot;
    const style = (selector) => {
      const el = root.querySelector(selector);
      const cs = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return { display: cs.display, color: cs.color, font: cs.fontFamily, size: cs.fontSize, spacing: cs.letterSpacing,
        transform: cs.textTransform, visibility: cs.visibility, padding: cs.padding, width: Math.round(rect.width), height: Math.round(rect.height) };
    };
    return ['.actlab-embed', '.actlab-stepper', '[data-action="forward"]', '.step-status', '.graph-svg', '.stepper-equation .katex', '.share-toggle', '.graph-box', 'select']
      .map((selector) => [selector, style(selector)]);
  });
  const plain = await openHost('/plain.html', { head: embedScript(), body });
  await waitForEmbed(plain.page, '#s');
  const baseline = await measure(plain.page);
  await plain.page.context().close();

  const { page, problems } = await openHost('/hostile.html', { head: `<link rel="stylesheet" href="/hostile.css">\n${embedScript()}`, body });
  await waitForEmbed(page, '#s');
  const styled = await measure(page);
  assert.deepEqual(styled, baseline);
  // The hostile rules did reach the host's own elements (the test would prove nothing otherwise).
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), 'rgb(255, 0, 0)');
  await page.click('#s [data-action="forward"]');
  assert.equal(await page.getAttribute('#s >> .actlab-stepper', 'data-step'), '10');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('widget CSS does not leak out into the host page', async () => {
  // Host elements that carry the widget's own class names, and plain elements of every kind.
  const decoys = `<div class="decoys">
<div class="actlab-stepper actlab-embed actlab-share"><p class="step-status">status</p><button class="control control--forward share-toggle">b</button>
<span class="katex">k</span><div class="graph-box">g</div><div class="stepper-equation">e</div><div class="notice">n</div>
<input type="number" value="1"><select><option>o</option></select><table><tr><td>c</td></tr></table><label>l</label><p>text</p></div></div>`;
  const measure = (page) => page.evaluate(() => [...document.querySelectorAll('.decoys *, body, html')].map((el) => {
    const cs = getComputedStyle(el);
    return [el.tagName, el.className, cs.color, cs.backgroundColor, cs.fontFamily, cs.fontSize, cs.padding, cs.margin, cs.border, cs.display, cs.boxSizing];
  }));
  const without = await openHost('/decoys.html', { body: decoys });
  await without.page.waitForLoadState('load');
  const before = await measure(without.page);
  await without.page.context().close();

  const { page, problems } = await openHost('/decoys-embed.html', { head: embedScript(), body: `${decoys}\n<actlab-stepper id="s"></actlab-stepper>` });
  await waitForEmbed(page, '#s');
  // Open the share panel too: its stylesheet is in the shadow root as well.
  await page.click('#s [data-share="toggle"]');
  const after = await measure(page);
  assert.deepEqual(after, before);
  // The only thing added to the document: KaTeX's @font-face rules.
  const documentRules = await page.evaluate(() => document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.constructor.name)));
  assert.ok(documentRules.length > 0);
  assert.deepEqual([...new Set(documentRules)], ['CSSFontFaceRule']);
  assert.equal(await page.evaluate(() => document.styleSheets.length), 0, 'no stylesheet was linked into the host document');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the share button gives snippets that reproduce the same state on a new host page', async () => {
  const { page, problems } = await openHost('/share-source.html', {
    head: embedScript(),
    body: '<actlab-stepper id="s" hidden-layers="2" activation="tanh" output-activation="sigmoid" inputs="0.5" target="0.25" seed="7" init="kaiming_normal"></actlab-stepper>',
    width: 1280,
  });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.host.origin });
  assert.equal(await waitForEmbed(page, '#s'), 'ok');
  // Work with the widget: go to the end, apply an update, change the learning rate, step a little.
  await page.click('#s [data-action="endBackward"]');
  await page.click('#s [data-action="apply-update"]');
  await page.fill('#s [data-field="lr"]', '0.3');
  await page.press('#s [data-field="lr"]', 'Tab');
  // A new learning rate restarts the history; the widget stays at the end of the backward pass,
  // so the next update applies at once (issue 9). Then back to the start and a few steps in.
  await page.click('#s [data-action="apply-update"]');
  await page.click('#s [data-action="reset"]');
  for (let k = 0; k < 5; k += 1) await page.click('#s [data-action="forward"]');
  const state = await page.evaluate(() => document.getElementById('s').getState());
  assert.equal(state.cycles, 1);
  assert.equal(state.lr, 0.3);
  assert.equal(state.step, 5);
  // What "the same state" looks like: the step, every number in the graph, the network summary.
  const picture = await page.evaluate(() => {
    const root = document.getElementById('s').shadowRoot;
    return {
      step: root.querySelector('.actlab-stepper').dataset.step,
      graph: [...root.querySelectorAll('.graph-svg text')].filter((t) => !t.closest('[hidden]')).map((t) => t.textContent).sort().join('|'),
      summary: root.querySelector('.setup-summary').textContent,
    };
  });

  // Open the panel with the keyboard; read both snippets.
  await page.focus('#s [data-share="toggle"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#s [data-share="toggle"][aria-expanded="true"]');
  assert.equal(await page.evaluate(() => document.getElementById('s').shadowRoot.activeElement.dataset.shareField), 'element', 'focus moves into the panel');
  const elementSnippet = await page.inputValue('#s [data-share-field="element"]');
  const iframeSnippet = await page.inputValue('#s [data-share-field="iframe"]');
  assert.match(elementSnippet, new RegExp(`^<script type="module" src="${harness.widgets.url}embed/actlab-embed.js"></script>\n<actlab-stepper`));
  assert.match(elementSnippet, /updates="1"/);
  assert.match(elementSnippet, /learning-rate="0.3"/);
  assert.match(iframeSnippet, /^<iframe/);
  // Escape closes the panel and gives focus back to the button.
  await page.keyboard.press('Escape');
  assert.equal(await page.getAttribute('#s [data-share="toggle"]', 'aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.getElementById('s').shadowRoot.activeElement.dataset.share), 'toggle');
  // "Copy link" puts the standalone page's URL on the clipboard.
  await page.click('#s [data-share="copy-link"]');
  await page.waitForFunction(() => /Copied/.test(document.getElementById('s').shadowRoot.querySelector('.share-status').textContent));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${harness.widgets.url}embed/widget.html?w=stepper&lang=en#v=1&`), link);
  assert.deepEqual(problems, []);
  await page.context().close();

  // 1. The element snippet, pasted into a new page.
  const pasted = await openHost('/share-element.html', { body: `<p>pasted:</p>\n${elementSnippet}`, width: 1280 });
  assert.equal(await waitForEmbed(pasted.page, 'actlab-stepper'), 'ok');
  assert.deepEqual(await pasted.page.evaluate(() => document.querySelector('actlab-stepper').getState()), state);
  assert.deepEqual(await pasted.page.evaluate(() => {
    const root = document.querySelector('actlab-stepper').shadowRoot;
    return { step: root.querySelector('.actlab-stepper').dataset.step, graph: [...root.querySelectorAll('.graph-svg text')].filter((t) => !t.closest('[hidden]')).map((t) => t.textContent).sort().join('|'), summary: root.querySelector('.setup-summary').textContent };
  }), picture);
  assert.deepEqual(pasted.problems, []);
  await pasted.page.context().close();

  // 2. The iframe snippet, pasted into a new page; 3. the link, opened on its own.
  const framed = await openHost('/share-iframe.html', { body: `<p>pasted:</p>\n${iframeSnippet}`, width: 1280 });
  const frame = framed.page.frameLocator('iframe');
  await frame.locator('body[data-ready="true"]').waitFor();
  const read = () => ({
    step: document.querySelector('.actlab-stepper').dataset.step,
    graph: [...document.querySelectorAll('.graph-svg text')].filter((t) => !t.closest('[hidden]')).map((t) => t.textContent).sort().join('|'),
    summary: document.querySelector('.setup-summary').textContent,
  });
  const inner = framed.page.frames().find((candidate) => candidate.url().includes('widget.html'));
  assert.deepEqual(await inner.evaluate(read), picture);
  assert.deepEqual(framed.problems, []);
  await framed.page.context().close();

  const direct = await openPage(harness, { width: 1280 });
  await direct.page.goto(link);
  await direct.page.waitForSelector('body[data-ready="true"]');
  assert.deepEqual(await direct.page.evaluate(read), picture);
  assert.deepEqual(direct.problems, []);
  await direct.page.context().close();
});

// Every widget of the table, the same way: from another origin, attributes mapped onto its state
// (checked against the adapter run in Node), a share button whose snippets reproduce that state.
const SAMPLES = {
  stepper: { activation: 'tanh', step: '3' },
  'activation-plot': { activation: 'tanh', point: '1', compare: 'tanh-identity' },
  'linear-stack': { layers: '3', activation: 'relu' },
  comparison: { activations: 'tanh,relu', depth: '4', width: '8', steps: '50' },
  playground: { data: 'xor', 'hidden-layers': '4,4', activation: 'relu', steps: '50' },
  exercise: { exercise: 'tanh-derivative', seed: '3' },
};

test('every widget in the table embeds both ways from another origin, and its share snippets reproduce it', async () => {
  const { WIDGETS } = await import('../../web/js/kit/embed/widgets.js');
  assert.deepEqual(WIDGETS.map((entry) => entry.name).sort(), Object.keys(SAMPLES).filter((name) => WIDGETS.some((entry) => entry.name === name)).sort());
  for (const entry of WIDGETS) {
    const sample = SAMPLES[entry.name];
    const { adapter } = await entry.adapter();
    const expected = adapter.fromAttributes(new Map(Object.entries(sample)));
    const attributes = Object.entries(sample).map(([name, value]) => `${name}="${value}"`).join(' ');
    const { page, problems, requests } = await openHost(`/all-${entry.name}.html`, {
      head: embedScript(), body: `<${entry.tag} id="w" lang="zh-CN" ${attributes}></${entry.tag}>`, width: 1280,
    });
    assert.equal(await waitForEmbed(page, '#w'), 'ok', `${entry.name}: ${await shadowText(page, '#w', '.actlab-embed-message')} ${problems}`);
    assert.deepEqual(await page.evaluate(() => document.getElementById('w').getState()), expected, entry.name);
    assert.equal(await shadowText(page, '#w', '.actlab-embed-message'), '', `${entry.name}: no message`);
    // Its share button (inside the shadow root), opened with the keyboard.
    const toggle = page.locator('#w [data-share="toggle"]');
    assert.equal(await toggle.count(), 1, `${entry.name} has a share button`);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#w [data-share="toggle"][aria-expanded="true"]');
    const elementSnippet = await page.inputValue('#w [data-share-field="element"]');
    const iframeSnippet = await page.inputValue('#w [data-share-field="iframe"]');
    assert.match(elementSnippet, new RegExp(`<${entry.tag}\\s+lang="zh-CN"`));
    assert.deepEqual(problems, [], entry.name);
    assertOnlyKnownOrigins(requests);
    await page.context().close();

    const pasted = await openHost(`/all-${entry.name}-element.html`, { body: elementSnippet, width: 1280 });
    assert.equal(await waitForEmbed(pasted.page, entry.tag), 'ok');
    assert.deepEqual(await pasted.page.evaluate((tag) => document.querySelector(tag).getState(), entry.tag), expected, `${entry.name}: pasted element`);
    assert.deepEqual(pasted.problems, [], entry.name);
    await pasted.page.context().close();

    const framed = await openHost(`/all-${entry.name}-iframe.html`, { body: iframeSnippet, width: 1280 });
    const frame = framed.page.frameLocator('iframe');
    await frame.locator('body[data-ready="true"]').waitFor();
    assert.equal(await frame.locator('#widget-message').isHidden(), true, `${entry.name}: the iframe shows no message`);
    const inner = framed.page.frames().find((candidate) => candidate.url().includes('widget.html'));
    const fragment = await inner.evaluate(() => window.location.hash.slice(1));
    assert.deepEqual(adapter.fromHash(fragment), expected, `${entry.name}: the iframe's URL carries the state`);
    assert.deepEqual(await inner.evaluate(() => window.actlabWidget.getState()), expected, `${entry.name}: the iframe shows it`);
    assert.equal(await inner.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.deepEqual(framed.problems, [], entry.name);
    await framed.page.context().close();
  }
});

test('the embedding files: no inline script, the standalone page repeats the served CSP, every literal key exists', () => {
  for (const file of ['web/embed/widget.html', 'web/examples/article.html']) {
    const html = fs.readFileSync(path.join(repo, file), 'utf8');
    for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      assert.match(script[1], /\bsrc=/, `${file}: every script has a src`);
      assert.equal(script[2].trim(), '', `${file}: no inline script body`);
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${file}: no inline event handlers`);
  }
  const meta = fs.readFileSync(path.join(repo, 'web/embed/widget.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const served = HEADERS['Content-Security-Policy'].split(';').map((part) => part.trim())
    .filter((part) => !part.startsWith('frame-ancestors')).join('; ');
  assert.equal(meta, served);
  const merged = {};
  for (const lang of ['en', 'zh-CN']) {
    const dictionary = { ...JSON.parse(fs.readFileSync(path.join(repo, 'web/locales', `${lang}.json`), 'utf8')) };
    for (const area of fs.readdirSync(path.join(repo, 'web/locales'), { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      const file = path.join(repo, 'web/locales', area.name, `${lang}.json`);
      if (fs.existsSync(file)) Object.assign(dictionary, JSON.parse(fs.readFileSync(file, 'utf8')));
    }
    merged[lang] = dictionary;
  }
  const missing = [];
  for (const file of fs.readdirSync(path.join(repo, 'web/embed'), { recursive: true }).filter((name) => name.endsWith('.js'))) {
    const source = fs.readFileSync(path.join(repo, 'web/embed', file), 'utf8');
    for (const match of source.matchAll(/\btr?\('([a-zA-Z0-9_.-]+)'/g)) {
      for (const lang of ['en', 'zh-CN']) if (!(match[1] in merged[lang])) missing.push(`${file} ${lang}: ${match[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('attribute adapters (in Node): round trips, the stepper\'s shorthands, errors name the attribute', async () => {
  const { WIDGETS } = await import('../../web/js/kit/embed/widgets.js');
  for (const entry of WIDGETS) {
    const { adapter } = await entry.adapter();
    const state = adapter.defaultState();
    assert.deepEqual(adapter.fromAttributes(new Map(adapter.toAttributes(state))), state, `${entry.name}: attributes`);
    assert.deepEqual(adapter.fromHash(`#${adapter.toHash(state)}`), state, `${entry.name}: URL`);
    assert.equal(adapter.fromAttributes(new Map()), null, `${entry.name}: no attributes, the widget's default`);
    for (const [name] of adapter.toAttributes(state)) assert.ok(entry.attributes.includes(name), `${entry.name}: ${name} is observed`);
  }
  const { adapter } = await import('../../web/js/kit/embed/adapters/stepper.js');
  const read = (attributes) => adapter.fromAttributes(new Map(Object.entries(attributes)));
  const fails = (attributes) => { try { read(attributes); } catch (error) { return [error.reason, error.attribute]; } return null; };
  assert.deepEqual(read({ activation: 'relu' }).activations, [{ name: 'relu' }, { name: 'sigmoid' }]);
  assert.deepEqual(read({ 'hidden-layers': '3, 2', activation: 'tanh', 'output-activation': 'identity' }).activations,
    [{ name: 'tanh' }, { name: 'tanh' }, { name: 'identity' }]);
  assert.deepEqual(read({ 'hidden-layers': '3' }).params, { mode: 'init', scheme: 'xavier_uniform', seed: 0 });
  assert.deepEqual(read({ 'input-size': '2', inputs: '1,2' }).inputs, [1, 2]);
  // Missing keys take the default example's values, fitted to the shape (issue 9); explicit
  // weights still need their biases.
  assert.deepEqual(read({ 'input-size': '2' }).inputs, [1, 1]);
  assert.deepEqual(fails({ 'input-size': '2', weights: '1,1;1' }), ['missing', 'biases']);
  assert.deepEqual(fails({ activation: 'relu', activations: 'relu,sigmoid' }), ['convenience', 'activations']);
  assert.deepEqual(fails({ activation: 'nope' }), ['activation', 'activation']);
  assert.deepEqual(fails({ 'hidden-layers': '', activation: 'relu' }), ['count', 'activation']);
  assert.deepEqual(fails({ weights: '1;2;3' }), ['count', 'weights']);
  assert.deepEqual(fails({ target: '1e400' }), ['number', 'target']);
  assert.deepEqual(fails({ step: '"><script>' }), ['characters', 'step']);
  assert.deepEqual(fails({ inputs: '1'.repeat(2000) }), ['too-long', 'inputs']);
  assert.throws(() => adapter.fromHash('#v=1&in=1&in=2'), /duplicate/);
});
