// scripts/serve.mjs, the static server that delivers the page and the wasm module: MIME types,
// the security headers on every response, and no way out of the served folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { HEADERS, startServer } from '../../scripts/serve.mjs';

let folder, server;
before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'actlab-serve-'));
  const root = path.join(folder, 'site');
  fs.mkdirSync(path.join(root, 'engine'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(root, 'engine', 'core.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(root, 'engine', 'core.js'), 'export {};');
  for (const name of ['a.mjs', 'a.css', 'a.json', 'a.svg', 'a.png', 'a.woff2']) fs.writeFileSync(path.join(root, name), 'x');
  fs.writeFileSync(path.join(folder, 'secret.txt'), 'outside');
  fs.symlinkSync(path.join(folder, 'secret.txt'), path.join(root, 'link.txt'));
  server = await startServer({ root, port: 0 });
});
after(async () => {
  await server?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

// A raw request, so that paths like /../x reach the server unnormalised.
function get(rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(server.url), { path: rawPath, method }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString() }));
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
