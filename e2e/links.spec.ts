/**
 * Link checker over the built site: every internal link and #anchor on every page resolves.
 * It reads dist/ directly (what a host would serve), so it also covers pages no test visits.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, DIST } from '../scripts/dist.mjs';

function fileOf(path: string): string | null {
  const candidate = join(DIST, decodeURIComponent(path));
  if (path.endsWith('/')) return existsSync(join(candidate, 'index.html')) ? join(candidate, 'index.html') : null;
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : null;
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
const idsCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    const html = readFileSync(file, 'utf8');
    ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!)));
    idsCache.set(file, ids);
  }
  return ids;
}

test('every internal link and anchor on every built page resolves', () => {
  expect(existsSync(DIST), 'run `npm run build` first').toBe(true);
  const pages = builtPages();
  expect(pages.length).toBeGreaterThanOrEqual(20);
  const broken: string[] = [];
  let checked = 0;
  for (const { file, path: from } of pages) {
    const html = readFileSync(file, 'utf8');
    const refs = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1]!));
    for (const ref of refs) {
      if (/^(?:[a-z]+:|\/\/)/i.test(ref) || ref === '') continue; // external, mailto:, data:
      const url = new URL(ref, `http://site${from}`);
      // Share links carry data after '#snippet=' and are built at run time, never in HTML.
      const target = fileOf(url.pathname);
      checked++;
      if (!target) {
        broken.push(`${from}: ${ref} (no such page or file)`);
        continue;
      }
      const hash = decodeURIComponent(url.hash.slice(1));
      if (hash && target.endsWith('.html') && !idsOf(target).has(hash)) {
        broken.push(`${from}: ${ref} (no element with id "${hash}")`);
      }
    }
  }
  expect(broken, broken.join('\n')).toEqual([]);
  expect(checked).toBeGreaterThan(100);
});
