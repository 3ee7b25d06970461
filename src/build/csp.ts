/**
 * A Content-Security-Policy for a static site: a <meta> tag added to every built page after the
 * build, with the hash of each inline script the page really has. Only the site's own scripts
 * and workers run. Style attributes stay allowed: shiki colours code with them, and styles
 * cannot run code.
 *
 * Snippet code runs inside a module worker, whose policy is not the page's but the one its
 * script is served with: an HTTP header, which a <meta> cannot give. The build writes it to
 * `_headers` (the format of Netlify and Cloudflare Pages, which scripts/serve.mjs also reads).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g;

/** The policy for one page, given the text of its inline scripts. */
export function policyFor(inlineScripts: string[]): string {
  const hashes = [...new Set(inlineScripts.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`))];
  return [
    "default-src 'self'",
    // wasm-unsafe-eval lets WebAssembly compile (the search index); it does not allow eval().
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    // The snippet worker and Pagefind's are files of the site; nothing makes workers from blobs.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The snippet worker's policy: scripts of the site only, and requests to the site only (tfjs'
 * wasm files, a model saved with `http://` to the site). Snippets are compiled with
 * `new Function`, hence 'unsafe-eval', here and never on the page; WebKit names no frame of
 * such code in a stack trace, so there a snippet is loaded as a module from a `blob:` URL
 * instead (src/snippet/worker/compile.ts), which gives nothing eval did not. `worker-src 'self'` is
 * needed by the worker itself: Firefox and WebKit check a module worker's own imports against
 * it. Nested workers are kept from snippets otherwise: the worker removes `Worker` and
 * `SharedWorker` from its globals before any snippet runs (src/snippet/worker/session.ts).
 */
export const WORKER_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
].join('; ');

/** A policy's directives and their sources: `default-src 'self'` is `{ 'default-src': ["'self'"] }`. */
export function parsePolicy(policy: string): Record<string, string[]> {
  const directives = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter(([name]) => name);
  return Object.fromEntries(directives.map(([name, ...sources]) => [name!, sources]));
}

/** Vite names a worker entry after its source file: src/snippet/worker/worker.ts. */
const SNIPPET_WORKER = /^worker-[\w-]+\.js$/;

/** `_headers` for the build: the snippet worker's script (from /_astro/) with its policy. */
export function headersFile(assetNames: string[]): string {
  const workers = assetNames.filter((name) => SNIPPET_WORKER.test(name));
  if (workers.length !== 1) throw new Error(`Expected one snippet worker in _astro/, found ${workers.length}: ${workers.join(', ')}`);
  return `# Written by src/build/csp.ts after the build.\n/_astro/${workers[0]}\n  Content-Security-Policy: ${WORKER_POLICY}\n`;
}

/** Inserts the policy as the first element of <head>, so it covers every script after it. */
export function withPolicy(html: string): string {
  if (html.includes('http-equiv="content-security-policy"')) return html;
  const scripts = [...html.matchAll(INLINE_SCRIPT)]
    .filter((m) => !/type="application\/(?:ld\+)?json"/.test(m[1]!)) // data, never executed
    .map((m) => m[2]!)
    .filter((s) => s.trim() !== '');
  const meta = `<meta http-equiv="content-security-policy" content="${policyFor(scripts)}">`;
  return html.replace(/<head>/, `<head>${meta}`);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? htmlFiles(join(dir, e.name)) : Promise.resolve(e.name.endsWith('.html') ? [join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

export default function csp(): AstroIntegration {
  return {
    name: 'site-csp',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const root = fileURLToPath(dir);
        for (const file of await htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          await writeFile(file, withPolicy(html));
        }
        await writeFile(join(root, '_headers'), headersFile(await readdir(join(root, '_astro'))));
      },
    },
  };
}
