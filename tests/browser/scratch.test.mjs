// Scratch cells (js/widgets/scratch/, docs/scratch.md): a cell runs and shows text, a table and a
// plot; code that loops forever is stopped and the page stays responsive; the code cannot reach
// the page's document, storage or the network; an exception shows its message and line; the code
// survives a reload and Reset brings back the prepared text; no CSP violation on the page; both
// languages, also as a static host would serve the site (the <meta> policies only, no headers).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { HEADERS, SANDBOX_CSP } from '../../scripts/serve.mjs';
import { startHarness, openPage, cspViolations, repo, siteRoot } from './helpers.mjs';
import { encodeCell, decodeCell, MAX_EDIT_BYTES } from '../../web/js/kit/state/scratch-codec.js';
import GRAD_CELLS from '../../web/js/chapters/cells/sigmoid.js';

let harness;
test.before(async () => { harness = await startHarness(); });
test.after(async () => { await harness.close(); });

const CELL = '.actlab-scratch:has([data-action="run"])';
const cellByTitle = (page, title) => page.locator('.actlab-scratch', { hasText: title });

async function openNotebook(page, hash = '', url = harness.url) {
  await page.goto(`${url}${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 90000 });
  await page.waitForSelector(`${CELL} .scratch-textarea`); // CodeMirror is not loaded with the page
}

/** Scrolls to the cell, which loads CodeMirror. */
async function showCell(cell) {
  await cell.scrollIntoViewIfNeeded();
  await cell.locator('.cm-editor').waitFor();
  return cell;
}

/** Replace the editor's text the way a learner would: select all, type. */
async function typeCode(cell, code) {
  await cell.locator('.cm-content').click();
  await cell.page().keyboard.press('ControlOrMeta+A');
  await cell.page().keyboard.insertText(code);
}

// The editor's lines (CodeMirror draws every line of a cell this short).
const editorText = async (cell) => (await cell.locator('.cm-line').allTextContents()).join('\n');

/** Runs with the Run button (or `key`) and waits for the outcome: {status, outcome, texts}. */
async function run(cell, { key = null } = {}) {
  if (key) {
    await cell.locator('.cm-content').click();
    await cell.page().keyboard.press(key);
  } else {
    await cell.locator('[data-action="run"]').click();
  }
  // Run sets data-status="running" at once, so this waits for the end of this run, not the last one.
  const output = cell.locator('.scratch-output[data-status]:not([data-status="running"])');
  await output.waitFor({ timeout: 30000 });
  return {
    status: await output.getAttribute('data-status'),
    outcome: await cell.locator('.scratch-outcome').textContent(),
    texts: await cell.locator('.scratch-text').allTextContents(),
  };
}

/**
 * A static host that sends no headers but the content type: only the <meta> policies of index.html
 * and sandbox/scratch.html apply, as on a host where headers cannot be configured.
 */
function plainStaticHost(root) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
    '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) { response.writeHead(404); response.end(); return; }
    response.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  })));
}

test('a cell\'s code in the link: the change from the prepared text, round trip, refused when made for another text', () => {
  const prepared = GRAD_CELLS[0].code;
  for (const code of [prepared.replace('const depth = 8;', 'const depth = 12;'), `// 注释 😀\n${prepared}`, '', `${prepared}show('ünï');`]) {
    const value = encodeCell(prepared, code);
    assert.match(value, /^[0-9a-z]+\.\d+\.\d+\.[A-Za-z0-9_-]*$/);
    assert.equal(decodeCell(prepared, value, 'cgrad'), code);
  }
  // A one-number edit costs a few characters, not the whole cell.
  assert.ok(encodeCell(prepared, prepared.replace('const depth = 8;', 'const depth = 12;')).length < 30);
  assert.throws(() => decodeCell(`${prepared} `, encodeCell(prepared, 'x'), 'cgrad'), { reason: 'cell-changed', field: 'cgrad' });
  assert.throws(() => decodeCell(prepared, 'abc', 'cgrad'), { reason: 'format', field: 'cgrad' });
  assert.equal(encodeCell(prepared, 'x'.repeat(MAX_EDIT_BYTES + 1)), null, 'over the bound: not in the link');
});

test('the sandbox page has its own policy: eval allowed, no network, always sandboxed; its meta says the same', () => {
  assert.match(SANDBOX_CSP, /connect-src 'none'/);
  assert.match(SANDBOX_CSP, /sandbox allow-scripts/);
  assert.doesNotMatch(HEADERS['Content-Security-Policy'], /'unsafe-eval'/, 'the notebook itself never allows eval');
  const html = fs.readFileSync(path.join(repo, 'web', 'sandbox', 'scratch.html'), 'utf8');
  const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const served = SANDBOX_CSP.split(';').map((part) => part.trim())
    .filter((part) => !part.startsWith('frame-ancestors') && !part.startsWith('sandbox')).join('; ');
  assert.equal(meta, served);
});

test('English, 1280 and 375 px: run, isolation, errors, endless loop, reload and reset, keyboard', async () => {
  const { page, problems } = await openPage(harness);
  await openNotebook(page);
  const titles = await page.locator('.scratch-title').allTextContents();
  assert.equal(titles.length, 4, 'four prepared cells');
  assert.equal(await page.locator('.cm-editor').count(), 0, 'no editor before a cell comes into view');
  const cell = await showCell(cellByTitle(page, 'Gradient norms for three initialisers'));
  const prepared = GRAD_CELLS[0].code;
  assert.equal(await editorText(cell), prepared);

  // Text, a table and a plot.
  await typeCode(cell, "show('sum', 1 + 2);\ntable([{ n: 1, sq: 1 }, { n: 2, sq: 4 }, { n: 3, sq: 9 }]);\nplot([1, 2, 3], { sq: [1, 4, 9], cube: [1, 8, 27] }, { title: 'powers', xLabel: 'n' });");
  let result = await run(cell, { key: 'ControlOrMeta+Enter' });
  assert.equal(result.status, 'ok', result.outcome);
  assert.deepEqual(result.texts, ['sum 3']);
  assert.deepEqual(await cell.locator('.scratch-table th').allTextContents(), ['n', 'sq']);
  assert.deepEqual(await cell.locator('.scratch-table td').allTextContents(), ['1', '1', '2', '4', '3', '9']);
  assert.equal(await cell.locator('.scratch-plot svg.plot-svg .plot-line').count(), 2);
  assert.deepEqual(await cell.locator('.scratch-plot .plot-legend li').allTextContents(), ['sq', 'cube']);
  assert.equal(await cell.locator('.scratch-plot-title').textContent(), 'powers');

  // No way out of the sandbox: each attempt is an error in the output.
  await typeCode(cell, [
    'for (const attempt of [() => document.title, () => localStorage.getItem("actlab.lang"), () => parent.document,',
    `    () => fetch(${JSON.stringify(`${harness.url}index.html`)}), () => indexedDB.open("x")]) {`,
    '  try { await attempt(); show("reached"); } catch (e) { show(e.name + ": " + e.message); }',
    '}',
  ].join('\n'));
  result = await run(cell);
  assert.equal(result.status, 'ok', result.outcome);
  assert.equal(result.texts.length, 5);
  assert.match(result.texts[0], /^ReferenceError: document is not defined/);
  assert.match(result.texts[1], /^ReferenceError: localStorage is not defined/);
  assert.match(result.texts[2], /^ReferenceError: parent is not defined/);
  assert.match(result.texts[3], /^TypeError: Failed to fetch/);
  assert.match(result.texts[4], /^SecurityError: .*denied/);

  // An exception: its message and its line in the cell's code; a syntax error too.
  await typeCode(cell, 'const a = 1;\nconst b = null;\nshow(b.size);');
  result = await run(cell);
  assert.equal(result.status, 'error');
  assert.match(result.outcome, /^Line 3, column \d+: TypeError: Cannot read properties of null \(reading 'size'\)$/);
  await typeCode(cell, 'show(1);\nlet x = ;\n');
  result = await run(cell);
  assert.equal(result.status, 'error');
  assert.match(result.outcome, /^Line 2, column \d+: SyntaxError: Unexpected token/);

  // An endless loop: the page answers while it runs, Stop ends it, the next run works.
  await typeCode(cell, 'let n = 0;\nwhile (true) { n += 1; }');
  await cell.locator('[data-action="run"]').click();
  await cell.locator('.scratch-output[data-status="running"]').waitFor();
  // While the loop runs the page's own timers keep their pace (a frozen page would not even answer)…
  const worstGap = await page.evaluate(async () => {
    let last = performance.now();
    let worst = 0;
    for (let k = 0; k < 10; k += 1) {
      await new Promise((resolve) => { setTimeout(resolve, 50); });
      worst = Math.max(worst, performance.now() - last);
      last = performance.now();
    }
    return worst;
  });
  assert.ok(worstGap < 1000, `the page's 50 ms timer came after at most ${worstGap} ms while the loop ran`);
  // … and the editor still takes typing.
  await cell.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' // typed');
  assert.match(await editorText(cell), /\/\/ typed$/);
  assert.equal(await cell.locator('[data-action="run"]').isDisabled(), true);
  await cell.locator('[data-action="stop"]').click();
  await cell.locator('.scratch-output[data-status="stopped"]').waitFor();
  assert.equal(await cell.locator('.scratch-outcome').textContent(), 'Stopped.');
  await typeCode(cell, "show('after');");
  result = await run(cell);
  assert.deepEqual(result.texts, ['after']);

  // Keyboard: Escape then Tab leaves the editor for the Run button.
  await cell.locator('.cm-content').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'run');

  // The code is in the link and survives a reload; Reset brings back the prepared text.
  const edited = prepared.replace('const depth = 8;', 'const depth = 5;');
  await typeCode(cell, edited);
  const expected = `cgrad=${encodeCell(prepared, edited)}`;
  await page.waitForFunction((part) => window.location.hash.includes(part), expected);
  const hash = await page.evaluate(() => window.location.hash);
  assert.ok(hash.length < 200, `a small edit keeps the link short (${hash.length} characters)`);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await showCell(cell);
  assert.equal(await editorText(cell), edited);
  result = await run(cell);
  assert.equal(result.status, 'ok', result.outcome);
  assert.equal(await cell.locator('.scratch-table tbody tr').count(), 6, 'depth 5: five hidden layers and the output');
  await cell.locator('[data-action="reset"]').click();
  assert.equal(await editorText(cell), prepared);
  await page.waitForFunction(() => !window.location.hash.includes('cgrad='));

  // A prepared cell as it comes: the dead-units sweep.
  const dead = await showCell(cellByTitle(page, 'Dead units against the learning rate'));
  result = await run(dead);
  assert.equal(result.status, 'ok', result.outcome);
  assert.equal(result.texts.length, 6);
  assert.equal(await dead.locator('.scratch-plot svg.plot-svg .plot-line').count(), 2);

  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no sideways scroll at 375 px');

  assert.deepEqual(await cspViolations(page), [], 'no CSP violation on the page');
  // The sandbox's refusals may be logged (from its frame); nothing else is.
  assert.deepEqual(problems.filter((text) => !/Refused to connect|Failed to fetch|net::ERR/.test(text)), []);
  await page.context().close();
});

test('Chinese, as a static host serves it (meta policies only): a cell runs, errors in Chinese, the 15 s limit, 1280 and 375 px', async () => {
  const host = await plainStaticHost(siteRoot);
  const { page, problems } = await openPage(harness, { locale: 'zh-CN' });
  await openNotebook(page, '', host.url);
  const cell = await showCell(cellByTitle(page, '三种初始化下的梯度范数'));
  assert.equal(await cell.locator('.scratch-title').textContent(), '用代码试一试：三种初始化下的梯度范数');
  assert.equal(await cell.locator('[data-action="run"]').textContent(), '运行');
  let result = await run(cell);
  assert.equal(result.status, 'ok', result.outcome);
  assert.equal(await cell.locator('.scratch-outcome').textContent(), '运行完毕。');
  assert.equal(await cell.locator('.scratch-table tbody tr').count(), 9);

  await typeCode(cell, 'show(typeof document, typeof localStorage);\nundefinedName();');
  result = await run(cell);
  assert.deepEqual(result.texts, ['undefined undefined']);
  assert.match(result.outcome, /^第 2 行第 1 列：ReferenceError: undefinedName is not defined$/);

  // A loop nobody stops: the sandbox ends it at the time limit (15 s), says so, and the next run works.
  await typeCode(cell, 'show(\'start\');\nwhile (true) {}');
  const started = Date.now();
  result = await run(cell);
  const took = (Date.now() - started) / 1000;
  assert.equal(result.status, 'timeout', result.outcome);
  assert.ok(took >= 15 && took < 25, `stopped after ${took} s`);
  assert.match(result.outcome, /^运行了 15 秒，达到时间上限，已停止。/);
  assert.deepEqual(result.texts, ['start'], 'what it showed before the loop stays');
  await typeCode(cell, "show('又能运行了');");
  assert.deepEqual((await run(cell)).texts, ['又能运行了']);

  await page.setViewportSize({ width: 375, height: 800 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(problems, []);
  await page.context().close();
  await host.close();
});
