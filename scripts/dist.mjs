// The built site as a host serves it: one walker for the e2e specs and the benchmark.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const DIST = 'dist';

/**
 * Every HTML page of the build (Pagefind's files aside), with the path it is served at:
 * dist/fr/state/index.html is /fr/state/. Sorted by path.
 * @returns {{ file: string, path: string }[]}
 */
export function builtPages(dist = DIST) {
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'pagefind' && dir === dist ? [] : walk(path);
      return name.endsWith('.html') ? [path] : [];
    });
  return walk(dist)
    .map((file) => ({
      file,
      path:
        '/' +
        relative(dist, file)
          .split(sep)
          .join('/')
          .replace(/index\.html$/, ''),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
