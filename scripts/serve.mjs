// A small static file server for the notebook: serves web/ (or another folder) over HTTP with the
// MIME types the page needs (application/wasm for the engine) and the same Content-Security-Policy
// on every response, so what works here works on any static host with that header.
//
//   node scripts/serve.mjs [--dir web|dist] [--port 8080]     (PORT and HOST are read too)
//   import { startServer } from './scripts/serve.mjs';
//   const { url, close } = await startServer({ root: 'web', port: 0 });   // port 0: a free port
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; " +
    "object-src 'none'; base-uri 'none'; frame-ancestors *",
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  // The embed script, the engine, styles, locales and fonts are fetched from tutorial pages on other
  // origins (docs/embedding.md). Everything served is public and needs no credentials.
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

function send(response, status, body, headers = {}) {
  response.writeHead(status, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  response.end(body);
}

// Maps a request path to a file inside root, or null when it would leave root.
async function resolve(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = path.join(root, path.normalize(decoded));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  try {
    const real = await fs.promises.realpath(candidate); // a symlink must not lead out of root either
    return real === root || real.startsWith(root + path.sep) ? real : null;
  } catch {
    return candidate; // does not exist: the caller answers 404
  }
}

async function handle(root, request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
  }
  const { pathname, search } = new URL(request.url, 'http://localhost');
  let file = await resolve(root, pathname);
  if (file === null) return send(response, 404, 'not found\n');
  let stat = await fs.promises.stat(file).catch(() => null);
  if (stat?.isDirectory()) {
    if (!pathname.endsWith('/')) return send(response, 301, '', { Location: `${pathname}/${search}` });
    file = path.join(file, 'index.html');
    stat = await fs.promises.stat(file).catch(() => null);
  }
  if (!stat?.isFile()) return send(response, 404, 'not found\n');

  response.writeHead(200, {
    ...HEADERS,
    'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Last-Modified': stat.mtime.toUTCString(),
  });
  if (request.method === 'HEAD') return response.end();
  fs.createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}

/** Starts serving root; resolves to {url, port, close()} once listening. port 0 picks a free port. */
export function startServer({ root = path.join(repo, 'web'), port = 8080, host = '127.0.0.1' } = {}) {
  const absoluteRoot = fs.realpathSync(path.resolve(root));
  const server = http.createServer((request, response) => {
    handle(absoluteRoot, request, response).catch((error) => {
      if (!response.headersSent) send(response, 500, `internal error: ${error.message}\n`);
      else response.destroy();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actualPort = server.address().port;
      resolvePromise({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`,
        port: actualPort,
        server,
        close: () => new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}

function option(name) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(repo, option('dir') ?? 'web');
  const port = Number(option('port') ?? process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  try {
    const { port: actualPort, close } = await startServer({ root, port, host });
    const shownHost = host === '127.0.0.1' || host === '::1' ? 'localhost' : host;
    console.log(`ActLab: serving ${path.relative(process.cwd(), root) || '.'}/ at http://${shownHost}:${actualPort}/ (Ctrl+C to stop)`);
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => close().then(() => process.exit(0)));
  } catch (error) {
    console.error(error.code === 'EADDRINUSE'
      ? `serve: port ${port} is already in use; try PORT=8081 npm start`
      : `serve: ${error.message}`);
    process.exit(1);
  }
}
