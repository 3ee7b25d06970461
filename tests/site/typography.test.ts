/** French typography: the checks a French reader would notice at a glance. */
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/i18n/translate';
import { pageFiles, readPage } from '../../src/collection/files';

/** Problems in a French text: ordinary spaces where a no-break space belongs, or none at all. */
export function frenchTypographyProblems(text: string): string[] {
  const problems: string[] = [];
  const rules: [RegExp, string][] = [
    [/ [;!?:»]/g, 'ordinary space before ; ! ? : » (use U+202F or U+00A0)'],
    [/« /g, 'ordinary space after « (use U+00A0)'],
    [/[\p{L}\d)»][;!?](?=\s|$)/gu, 'no space before ; ! ? (use U+202F)'],
    [/[\p{L}\d)»]:(?=\s)/gu, 'no space before : (use U+00A0)'],
    [/«[^\s\u00a0\u202f]/g, 'no space after «'],
    [/[^\s\u00a0\u202f]»/g, 'no space before »'],
  ];
  for (const [re, what] of rules) {
    for (const m of text.matchAll(re)) {
      const at = m.index ?? 0;
      problems.push(`${what}: …${text.slice(Math.max(0, at - 30), at + 10).replace(/\n/g, ' ')}…`);
    }
  }
  return problems;
}

/** The prose a reader sees: no code, no URLs, no tags or their attributes. */
function visibleProse(mdx: string): string {
  return mdx
    .replace(/`[^`\n]*`/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]*>/g, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/^\s*\|?[\s:|-]+\|?\s*$/gm, '') // table separator rows
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
}

describe('French typography', () => {
  it('the checker catches what it should', () => {
    expect(frenchTypographyProblems('Pourquoi ?')).toHaveLength(1);
    expect(frenchTypographyProblems('Pourquoi?')).toHaveLength(1);
    expect(frenchTypographyProblems('« bonjour »')).toHaveLength(2);
    expect(frenchTypographyProblems('Pourquoi\u202f? «\u00a0bonjour\u00a0» note\u00a0: oui')).toEqual([]);
  });

  for (const file of pageFiles('fr')) {
    it(`content/fr/${file}`, () => {
      const page = readPage('fr', file);
      const text = [page.frontmatter.title, page.frontmatter.description, visibleProse(page.prose)].join('\n');
      expect(frenchTypographyProblems(text)).toEqual([]);
    });
  }

  it('the French UI strings', () => {
    const problems = Object.entries(strings.fr).flatMap(([key, value]) => frenchTypographyProblems(value).map((p) => `${key}: ${p}`));
    expect(problems).toEqual([]);
  });
});
