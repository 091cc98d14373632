// A small static file server for the notebook: serves web/ (or another folder) over HTTP with the
// MIME types the page needs (application/wasm for the engine, so it compiles while streaming) and
// the same Content-Security-Policy on every response, so what works here works on any static host
// with that header. Like a production host it compresses (brotli or gzip, by Accept-Encoding: a
// precompressed `file.br` / `file.gz` beside the file when there is one, as a build may write for
// dist/, otherwise compressed on the fly and kept in memory per file and mtime) and validates
// caches (ETag and Last-Modified; 304 on If-None-Match / If-Modified-Since). Cache-Control is
// `no-cache` (use the cache, but revalidate) except for content-hashed names (`name.0123abcd.js`),
// which are `immutable` for a year.
//
//   node scripts/serve.mjs [--dir web|dist] [--port 8080]     (PORT and HOST are read too)
//   import { startServer } from './scripts/serve.mjs';
//   const { url, close } = await startServer({ root: 'web', port: 0 });   // port 0: a free port
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; " +
    // `*` matches only network schemes (and the page's own): `file:` lets a page opened from disk (a
    // teacher previewing a tutorial) frame a widget too (docs/embedding.md, "Framing").
    "object-src 'none'; base-uri 'none'; frame-ancestors * file:",
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  // The embed script, the engine, styles, locales and fonts are fetched from tutorial pages on other
  // origins (docs/embedding.md). Everything served is public and needs no credentials.
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

// The scratch cells' sandbox page (web/sandbox/scratch.html, docs/scratch.md) has a policy of its own
// instead: it may eval (the learner's code, in a worker it ends at will) but reach no network, and it
// is always sandboxed (an opaque origin), even when opened on its own. The same policy, less
// `sandbox` and `frame-ancestors` (a <meta> cannot carry them), is in the page itself for static hosts.
export const SANDBOX_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' blob:; worker-src blob:; " +
  "connect-src 'none'; base-uri 'none'; form-action 'none'; sandbox allow-scripts; frame-ancestors 'self'";
const SANDBOX_PAGE = /(^|\/)sandbox\/scratch\.html$/;

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

// Text formats and wasm shrink a lot; images and fonts are compressed already. On the fly the
// levels are the usual dynamic ones (brotli 5, gzip 6: katex.mjs in about 0.2 s, 137 KB br; brotli
// 11 takes seconds there); a build that wants the smallest files writes .br / .gz beside them.
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|javascript|xml)|image\/svg\+xml)/;
const ENCODINGS = [
  { name: 'br', ext: '.br', compress: promisify(zlib.brotliCompress),
    options: (size) => ({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size } }) },
  { name: 'gzip', ext: '.gz', compress: promisify(zlib.gzip), options: () => ({ level: 6 }) },
];
// A name with a content hash (`app.0123abcd.js`, `app-0123abcd.js`) never changes meaning.
const HASHED_NAME = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i;

/** The encodings the client accepts (Accept-Encoding, with q-values), ours in order of preference. */
export function acceptedEncodings(header = '') {
  const q = new Map();
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    q.set(name, weight ? Number(weight.slice(2)) : 1);
  }
  const accepts = (name) => (q.has(name) ? q.get(name) > 0 : (q.get('*') ?? 0) > 0);
  return ENCODINGS.filter((e) => accepts(e.name));
}

// On-the-fly compressed bodies, per file and encoding, valid while the file's mtime and size hold.
const compressedCache = new Map();

async function compressed(file, stat, encoding) {
  const key = `${encoding.name}:${file}`;
  const cached = compressedCache.get(key);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.body;
  const body = fs.promises.readFile(file).then((data) => encoding.compress(data, encoding.options(data.length)));
  compressedCache.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, body });
  body.catch(() => compressedCache.delete(key));
  return body;
}

const inside = (root, file) => file === root || file.startsWith(root + path.sep);

// A precompressed sibling (file.br / file.gz) inside root and not older than the file, or null.
async function precompressed(root, file, stat, encoding) {
  const sibling = await fs.promises.realpath(file + encoding.ext).catch(() => null);
  if (!sibling || !inside(root, sibling)) return null;
  const siblingStat = await fs.promises.stat(sibling).catch(() => null);
  return siblingStat?.isFile() && siblingStat.mtimeMs >= stat.mtimeMs ? { file: sibling, stat: siblingStat } : null;
}

// Weak comparison (RFC 9110 §13.1.2) of If-None-Match against our ETag.
function etagMatches(header, etag) {
  const bare = (tag) => tag.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((tag) => bare(tag) === bare(etag));
}

function notModified(request, etag, mtime) {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, etag); // it takes precedence
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
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

  const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const compressible = COMPRESSIBLE.test(type);
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = {
    ...HEADERS,
    'Content-Type': type,
    'Last-Modified': stat.mtime.toUTCString(),
    ETag: etag,
    ...(HASHED_NAME.test(file) ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {}),
    ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
    ...(SANDBOX_PAGE.test(pathname) ? { 'Content-Security-Policy': SANDBOX_CSP } : {}),
  };
  if (notModified(request, etag, stat.mtime)) {
    response.writeHead(304, headers);
    return response.end();
  }

  // The body: a precompressed sibling, a compressed copy from memory, or the file as it is.
  let body = null;
  let stream = { file, size: stat.size };
  for (const encoding of compressible ? acceptedEncodings(request.headers['accept-encoding']) : []) {
    const sibling = await precompressed(root, file, stat, encoding);
    if (sibling) stream = { file: sibling.file, size: sibling.stat.size };
    else if (stat.size >= 256) body = await compressed(file, stat, encoding);
    else continue; // too small to gain anything
    headers['Content-Encoding'] = encoding.name;
    break;
  }
  response.writeHead(200, { ...headers, 'Content-Length': body ? body.length : stream.size });
  if (request.method === 'HEAD') return response.end();
  if (body) return response.end(body);
  fs.createReadStream(stream.file)
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
