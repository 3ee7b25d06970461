#!/usr/bin/env node
// Serves the production build (dist/) like a static host would: directory indexes,
// gzip, long cache for hashed assets, the language's 404 page for missing paths, and the
// headers the build asks for in dist/_headers (Netlify / Cloudflare Pages format).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.env.DIST_DIR ?? 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml', '.webmanifest', '.wasm']);
/** Gzipped bodies by file and modification time: a rebuild under a running server is served fresh. */
const gzCache = new Map();

/**
 * `_headers` rules: a path line (`*` matches anything), then indented `Name: value` lines.
 * Read again when the file changes, like the pages.
 */
let headerRules = { mtime: -1, rules: [] };

function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line
        .trim()
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
      rules.push({ pattern: new RegExp(`^${pattern}$`), headers: {} });
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0 && rules.length > 0) rules.at(-1).headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return rules;
}

async function headersFor(pathname) {
  const file = join(root, '_headers');
  let mtime;
  try {
    mtime = (await stat(file)).mtimeMs;
  } catch {
    return {};
  }
  if (mtime !== headerRules.mtime) headerRules = { mtime, rules: parseHeaders(await readFile(file, 'utf8')) };
  return Object.assign({}, ...headerRules.rules.filter((rule) => rule.pattern.test(pathname)).map((rule) => rule.headers));
}

async function resolveFile(pathname) {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, safe);
  if (!file.startsWith(root)) return null;
  try {
    const s = await stat(file);
    if (s.isDirectory()) file = join(file, 'index.html');
    await stat(file);
    return file;
  } catch {
    return null;
  }
}

async function send(req, res, file, status = 200) {
  const ext = extname(file);
  const { mtimeMs } = await stat(file);
  let body = await readFile(file);
  const headers = {
    // Rules match the file served, however its URL was spelled (%2D, //, ./).
    ...(await headersFor('/' + relative(root, file).split(sep).join('/'))),
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    // Vite puts a content hash in every asset name under /_astro/: cache those for good.
    'cache-control': file.includes(`${join(root, '_astro')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    const key = `${file}@${mtimeMs}`;
    let gz = gzCache.get(key);
    if (!gz) gzCache.set(key, (gz = gzipSync(body)));
    body = gz;
    headers['content-encoding'] = 'gzip';
    headers['vary'] = 'accept-encoding';
  }
  headers['content-length'] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The static server for dist/ (not yet listening): the tests start their own too, and `refuse`
 * drops the connection for the paths it names, as a network that fails mid-visit would.
 *
 * @param {{ refuse?: (pathname: string) => boolean }} [options]
 */
export const createSiteServer = ({ refuse = () => false } = {}) =>
  createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (refuse(url.pathname)) return req.socket.destroy();
      // Directory URLs always end with a slash, like the built links.
      if (!extname(url.pathname) && !url.pathname.endsWith('/')) {
        const dir = await resolveFile(url.pathname + '/');
        if (dir) {
          res.writeHead(301, { location: url.pathname + '/' + url.search });
          return res.end();
        }
      }
      // The host's configuration, not a page: hosts that read it do not serve it.
      const file = await resolveFile(url.pathname);
      if (file && file !== join(root, '_headers')) return await send(req, res, file);
      const lang = url.pathname.split('/')[1];
      const notFound = (await resolveFile(`/${lang}/404/`)) ?? (await resolveFile('/404.html'));
      if (notFound) return await send(req, res, notFound, 404);
      res.writeHead(404).end('Not found');
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 4321);
  const host = process.env.HOST ?? '127.0.0.1';
  createSiteServer().listen(port, host, () => {
    console.log(`Serving ${root} at http://${host}:${port}/  (Ctrl+C to stop)`);
  });
}
