/** Every UI string is said somewhere: a key no code asks for is a translation kept up for nothing. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/i18n/translate';
import { ACTIONS } from '../../src/snippet/markup';
import { SNIPPET_STATES } from '../../src/snippet/state';
import { BACKENDS } from '../../src/tfjs/backends';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|astro)$/.test(entry.name) && !path.includes(join('i18n', 'strings')) ? [path] : [];
  });
}

/** Keys built from a list at run time (`snippet.${action}`), as the code builds them. */
const BUILT = [
  ...ACTIONS.map((action) => `snippet.${action}`),
  ...SNIPPET_STATES.map((state) => `snippet.state.${state}`),
  ...BACKENDS.map((name) => `snippet.backendName.${name}`),
];

describe('UI strings', () => {
  it('are all used: named in the code, as a plural pair’s base, or built from a list', () => {
    const code = sources('src')
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const named = (key: string) => code.includes(`'${key}'`) || code.includes(`"${key}"`);
    const unused = Object.keys(strings.en).filter(
      (key) => !named(key) && !named(key.replace(/\.(one|other)$/, '')) && !BUILT.includes(key),
    );
    expect(unused).toEqual([]);
  });

  it('built from a list exist for every item of it', () => {
    expect(BUILT.filter((key) => !(key in strings.en))).toEqual([]);
  });
});
