/**
 * A Content-Security-Policy for a static site: a <meta> tag added to every built page after the
 * build, with the hash of each inline script the page really has. Only the site's own scripts
 * and workers run; snippet code runs inside a module worker, whose own policy is its response's.
 * Style attributes stay allowed: shiki colours code with them, and styles cannot run code.
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
    entries.map((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : Promise.resolve(e.name.endsWith('.html') ? [join(dir, e.name)] : []))),
  );
  return nested.flat();
}

export default function csp(): AstroIntegration {
  return {
    name: 'site-csp',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        for (const file of await htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          await writeFile(file, withPolicy(html));
        }
      },
    },
  };
}
