// scripts/serve.mjs, the static server that delivers the page and the wasm module: MIME types,
// the security headers on every response, no way out of the served folder, compression (brotli,
// gzip, precompressed siblings) and cache validation (ETag, Last-Modified, 304).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';

import { HEADERS, startServer } from '../../scripts/serve.mjs';

let folder, root, server;
// Text long enough to be worth compressing, different on every line.
const SCRIPT = Array.from({ length: 400 }, (_, k) => `export const v${k} = ${k * k}; // line ${k}`).join('\n');
before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'actlab-serve-'));
  root = path.join(folder, 'site');
  fs.mkdirSync(path.join(root, 'engine'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(root, 'engine', 'core.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(root, 'engine', 'core.js'), 'export {};');
  for (const name of ['a.mjs', 'a.css', 'a.json', 'a.svg', 'a.png', 'a.woff2']) fs.writeFileSync(path.join(root, name), 'x');
  fs.writeFileSync(path.join(root, 'big.js'), SCRIPT);
  fs.writeFileSync(path.join(root, 'engine', 'big.wasm'), Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(4000)]));
  fs.writeFileSync(path.join(root, 'big.png'), Buffer.alloc(4000));
  fs.writeFileSync(path.join(root, 'app.0123abcd.js'), SCRIPT);
  // A precompressed sibling as a build writes it: two gzip members, which decode to the file but
  // are not what the server would make itself.
  fs.writeFileSync(path.join(root, 'pre.js'), SCRIPT);
  fs.writeFileSync(path.join(root, 'pre.js.gz'), Buffer.concat([zlib.gzipSync(SCRIPT.slice(0, 100)), zlib.gzipSync(SCRIPT.slice(100))]));
  // A sibling older than its file (the file was edited after the build) must not be used.
  fs.writeFileSync(path.join(root, 'stale.js'), SCRIPT);
  fs.writeFileSync(path.join(root, 'stale.js.gz'), zlib.gzipSync('old contents'));
  fs.utimesSync(path.join(root, 'stale.js.gz'), new Date(Date.now() - 3600e3), new Date(Date.now() - 3600e3));
  fs.writeFileSync(path.join(folder, 'secret.txt'), 'outside');
  fs.writeFileSync(path.join(folder, 'secret.js.gz'), zlib.gzipSync('outside'));
  fs.writeFileSync(path.join(root, 'escape.js'), SCRIPT);
  fs.symlinkSync(path.join(folder, 'secret.js.gz'), path.join(root, 'escape.js.gz'));
  fs.symlinkSync(path.join(folder, 'secret.txt'), path.join(root, 'link.txt'));
  server = await startServer({ root, port: 0 });
});
after(async () => {
  await server?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

// A raw request, so that paths like /../x reach the server unnormalised. `bytes`: the body as sent.
function get(rawPath, method = 'GET', headers = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(server.url), { path: rawPath, method, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: response.statusCode, headers: response.headers, bytes, body: bytes.toString() });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

function assertHeaders(response) {
  assert.equal(response.headers['content-security-policy'], HEADERS['Content-Security-Policy']);
  assert.match(response.headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(response.headers['cache-control'], 'no-cache');
}

test('serves files with the right MIME types and headers', async () => {
  const types = {
    '/': 'text/html', '/index.html': 'text/html', '/engine/core.wasm': 'application/wasm',
    '/engine/core.js': 'text/javascript', '/a.mjs': 'text/javascript', '/a.css': 'text/css',
    '/a.json': 'application/json', '/a.svg': 'image/svg+xml', '/a.png': 'image/png', '/a.woff2': 'font/woff2',
  };
  for (const [url, type] of Object.entries(types)) {
    const response = await get(url);
    assert.equal(response.status, 200, url);
    assert.equal(response.headers['content-type'].split(';')[0], type, url);
    assertHeaders(response);
  }
  assert.equal((await get('/engine/core.wasm')).body.length, 8);
  const head = await get('/index.html', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
});

test('redirects a folder without its slash, refuses other methods', async () => {
  const folderResponse = await get('/engine');
  assert.equal(folderResponse.status, 301);
  assert.equal(folderResponse.headers.location, '/engine/');
  assertHeaders(folderResponse);
  assert.equal((await get('/engine/')).status, 404); // no index.html there
  const post = await get('/index.html', 'POST');
  assert.equal(post.status, 405);
  assertHeaders(post);
});

test('nothing outside the served folder can be read', async () => {
  for (const url of ['/../secret.txt', '/engine/../../secret.txt', '/%2e%2e/secret.txt', '/engine/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt', '/link.txt', '/%00', '/%E0%A4%A', '/missing.js']) {
    const response = await get(url);
    assert.equal(response.status, 404, url);
    assert.doesNotMatch(response.body, /outside/, url);
    assertHeaders(response);
  }
});

// The body as the browser sees it, after undoing Content-Encoding.
function decoded(response) {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(response.bytes).toString();
  if (encoding === 'gzip') return zlib.gunzipSync(response.bytes).toString();
  assert.equal(encoding, undefined);
  return response.body;
}

test('compresses by Accept-Encoding: brotli first, then gzip, else the file as it is', async () => {
  const cases = [
    ['gzip, deflate, br', 'br'], ['br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip'], ['gzip;q=0.5, br;q=0.1', 'br'],
    ['*', 'br'], ['identity', undefined], ['', undefined], ['br;q=0, gzip;q=0', undefined], ['deflate', undefined],
  ];
  for (const [accept, expected] of cases) {
    const response = await get('/big.js', 'GET', accept ? { 'Accept-Encoding': accept } : {});
    assert.equal(response.status, 200, accept);
    assert.equal(response.headers['content-encoding'], expected, accept);
    assert.equal(response.headers.vary, 'Accept-Encoding', accept);
    assert.equal(Number(response.headers['content-length']), response.bytes.length, accept);
    assert.equal(decoded(response), SCRIPT, accept);
    if (expected) assert.ok(response.bytes.length < SCRIPT.length / 2, `${accept}: ${response.bytes.length} bytes`);
    assertHeaders(response);
  }
  // From the memory cache the second time: the same bytes.
  const again = await get('/big.js', 'GET', { 'Accept-Encoding': 'br' });
  assert.deepEqual(again.bytes, (await get('/big.js', 'GET', { 'Accept-Encoding': 'br' })).bytes);
  const head = await get('/big.js', 'HEAD', { 'Accept-Encoding': 'gzip' });
  assert.equal(head.headers['content-encoding'], 'gzip');
  assert.equal(Number(head.headers['content-length']), (await get('/big.js', 'GET', { 'Accept-Encoding': 'gzip' })).bytes.length);
  assert.equal(head.body, '');
});

test('the wasm module is application/wasm, compressed too; images are not compressed', async () => {
  const wasm = await get('/engine/big.wasm', 'GET', { 'Accept-Encoding': 'br, gzip' });
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.equal(wasm.headers['content-encoding'], 'br');
  assert.deepEqual(zlib.brotliDecompressSync(wasm.bytes), fs.readFileSync(path.join(root, 'engine', 'big.wasm')));
  const png = await get('/big.png', 'GET', { 'Accept-Encoding': 'br, gzip' });
  assert.equal(png.headers['content-encoding'], undefined);
  assert.equal(png.headers.vary, undefined);
  assert.equal(png.bytes.length, 4000);
});

test('uses a precompressed sibling when it is at least as new as the file and inside the folder', async () => {
  const pre = await get('/pre.js', 'GET', { 'Accept-Encoding': 'gzip' });
  assert.equal(pre.headers['content-encoding'], 'gzip');
  assert.deepEqual(pre.bytes, fs.readFileSync(path.join(root, 'pre.js.gz'))); // the file itself, not a new compression
  assert.equal(decoded(pre), SCRIPT);
  assert.equal(pre.headers['content-type'].split(';')[0], 'text/javascript');
  // Only a .gz beside it: brotli is made on the fly.
  const br = await get('/pre.js', 'GET', { 'Accept-Encoding': 'br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(decoded(br), SCRIPT);
  for (const url of ['/stale.js', '/escape.js']) {
    const response = await get(url, 'GET', { 'Accept-Encoding': 'gzip' });
    assert.equal(response.headers['content-encoding'], 'gzip', url);
    assert.equal(decoded(response), SCRIPT, url);
  }
});

test('answers 304 to a matching If-None-Match or an If-Modified-Since not older than the file', async () => {
  const first = await get('/big.js', 'GET', { 'Accept-Encoding': 'br' });
  const { etag } = first.headers;
  const lastModified = first.headers['last-modified'];
  assert.match(etag, /^W\/".+"$/);
  assert.ok(lastModified);
  for (const headers of [{ 'If-None-Match': etag }, { 'If-None-Match': `"other", ${etag}` }, { 'If-None-Match': '*' },
    { 'If-Modified-Since': lastModified }, { 'If-Modified-Since': new Date(Date.now() + 60e3).toUTCString() }]) {
    const response = await get('/big.js', 'GET', { 'Accept-Encoding': 'br', ...headers });
    assert.equal(response.status, 304, JSON.stringify(headers));
    assert.equal(response.bytes.length, 0);
    assert.equal(response.headers.etag, etag);
    assert.equal(response.headers.vary, 'Accept-Encoding');
    assertHeaders(response);
  }
  for (const headers of [{ 'If-None-Match': '"other"' }, { 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' },
    { 'If-Modified-Since': 'not a date' }, { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified }]) {
    const response = await get('/big.js', 'GET', { 'Accept-Encoding': 'br', ...headers });
    assert.equal(response.status, 200, JSON.stringify(headers));
    assert.equal(decoded(response), SCRIPT);
  }
});

test('an edited file gets a new ETag and a freshly compressed body', async () => {
  const file = path.join(root, 'edited.js');
  fs.writeFileSync(file, SCRIPT);
  fs.utimesSync(file, new Date(Date.now() - 10e3), new Date(Date.now() - 10e3));
  const before = await get('/edited.js', 'GET', { 'Accept-Encoding': 'br' });
  assert.equal(decoded(before), SCRIPT);
  fs.writeFileSync(file, `${SCRIPT}\n// edited`);
  const after = await get('/edited.js', 'GET', { 'Accept-Encoding': 'br', 'If-None-Match': before.headers.etag });
  assert.equal(after.status, 200);
  assert.notEqual(after.headers.etag, before.headers.etag);
  assert.equal(decoded(after), `${SCRIPT}\n// edited`);
});

test('content-hashed names may be cached for good; other names are revalidated', async () => {
  assert.equal((await get('/app.0123abcd.js')).headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal((await get('/big.js')).headers['cache-control'], 'no-cache');
});

test('refusals stay refusals with Accept-Encoding and validators', async () => {
  for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/link.txt', '/missing.js', '/../secret.js.gz']) {
    const response = await get(url, 'GET', { 'Accept-Encoding': 'br, gzip', 'If-None-Match': '*' });
    assert.equal(response.status, 404, url);
    assert.doesNotMatch(decoded(response), /outside/, url);
  }
});
