// Set-up for the embedding tests: the widgets' origin (scripts/serve.mjs over web/) and a host
// page's origin on another port (a tiny in-memory server: a tutorial author's site with its own
// Content-Security-Policy), plus Chromium.
//
// Cross-origin embedding needs the widgets' server to send Access-Control-Allow-Origin (module
// scripts, fetches of CSS and locales, fonts and the engine's .wasm are all CORS requests). Until
// scripts/serve.mjs sends it, the widgets' origin here is serve.mjs behind a small proxy that adds
// exactly the proposed header; once serve.mjs sends it, the proxy is not used.
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, HEADERS } from '../../scripts/serve.mjs';
import { repo, siteRoot } from './helpers.mjs';

export const PROPOSED_CORS_HEADERS = { 'Access-Control-Allow-Origin': '*' };

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

function closeServer(server) {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

/** serve.mjs behind a proxy that adds the proposed CORS header (unless serve.mjs already does). */
async function startWidgetOrigin() {
  const inner = await startServer({ root: siteRoot, port: 0 });
  if (HEADERS['Access-Control-Allow-Origin']) return { url: inner.url, origin: new URL(inner.url).origin, close: inner.close, proxied: false };
  const proxy = http.createServer((request, response) => {
    const upstream = http.request({ host: '127.0.0.1', port: inner.port, path: request.url, method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode, { ...answer.headers, ...PROPOSED_CORS_HEADERS });
      answer.pipe(response);
    });
    upstream.on('error', () => { response.writeHead(502); response.end(); });
    request.pipe(upstream);
  });
  const port = await listen(proxy);
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    origin: new URL(url).origin,
    proxied: true,
    async close() { await closeServer(proxy); await inner.close(); },
  };
}

/**
 * A host site on its own port: `pages` maps a path to {body, type?, headers?}; pages can be added
 * later with host.set(path, page). Every response carries `csp` (a function of the widget origin)
 * unless the page says otherwise.
 */
async function startHostOrigin(widgetOrigin) {
  const pages = new Map();
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    const page = pages.get(pathname);
    if (!page) { response.writeHead(404, { 'Content-Type': 'text/plain' }); response.end('not found'); return; }
    response.writeHead(200, {
      'Content-Type': page.type || 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      ...(page.csp === false ? {} : { 'Content-Security-Policy': page.csp || hostPolicy(widgetOrigin) }),
      ...page.headers,
    });
    response.end(page.body);
  });
  const port = await listen(server);
  const url = `http://localhost:${port}/`;
  return { url, origin: new URL(url).origin, set: (pathname, page) => pages.set(pathname, page), close: () => closeServer(server) };
}

/** What a tutorial author's CSP needs to allow ActLab from `widgetOrigin` (see docs/embedding.md). */
export function hostPolicy(widgetOrigin) {
  return `default-src 'self'; script-src 'self' ${widgetOrigin} 'wasm-unsafe-eval'; ` +
    `style-src 'self' 'unsafe-inline'; font-src 'self' ${widgetOrigin}; connect-src 'self' ${widgetOrigin}; ` +
    `img-src 'self' data:; frame-src ${widgetOrigin}; object-src 'none'; base-uri 'none'`;
}

export async function startEmbedHarness() {
  const widgets = await startWidgetOrigin();
  const host = await startHostOrigin(widgets.origin);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', ...CHROMIUM_ARGS],
  });
  return {
    widgets, host, browser,
    async close() {
      await browser.close();
      await host.close();
      await widgets.close();
    },
  };
}

/** A host page: `head` and `body` HTML; scripts only by src (the host's CSP forbids inline ones). */
export function hostPage({ lang = 'en', title = 'A tutorial', head = '', body = '' }) {
  return `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n${head}\n</head>\n` +
    `<body>\n${body}\n</body>\n</html>\n`;
}

/** Requests a page makes, by origin. */
export function recordRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Waits until the element `selector` (in the light DOM) has started its widget. */
export async function waitForEmbed(page, selector) {
  await page.waitForFunction((sel) => {
    const element = document.querySelector(sel);
    return element && element.shadowRoot && element.shadowRoot.querySelector('.actlab-embed-widget') &&
      element.ready && (element.__settled || (element.ready.then((ok) => { element.__settled = ok ? 'ok' : 'failed'; }), false));
  }, selector);
  return page.evaluate((sel) => document.querySelector(sel).__settled, selector);
}
