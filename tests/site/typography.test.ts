/** French typography: the checks a French reader would notice at a glance. */
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/i18n/translate';
import { pageFiles, readPage, readSnippetFile, snippetIds } from '../../src/collection/files';

/** Problems in a French text: ordinary spaces where a no-break space belongs, or none at all. */
export function frenchTypographyProblems(text: string): string[] {
  const problems: string[] = [];
  // Each rule reads `text`, or what it names: quoted messages (« Can't find variable… ») stay as the browser wrote them.
  const unquoted = text.replace(/«[^»]*»/g, '«»');
  const rules: [RegExp, string, string][] = [
    [/ [;!?:»]/g, 'ordinary space before ; ! ? : » (use U+202F or U+00A0)', text],
    [/« /g, 'ordinary space after « (use U+00A0)', text],
    [/[\p{L}\d)»][;!?](?=\s|$)/gu, 'no space before ; ! ? (use U+202F)', text],
    [/[\p{L}\d)»]:(?=\s)/gu, 'no space before : (use U+00A0)', text],
    [/«[^\s\u00a0\u202f]/g, 'no space after «', text],
    [/[^\s\u00a0\u202f]»/g, 'no space before »', text],
    [/\p{L}'\p{L}/gu, 'straight apostrophe (use ’)', unquoted],
  ];
  for (const [re, what, within] of rules) {
    for (const m of within.matchAll(re)) {
      const at = m.index ?? 0;
      problems.push(`${what}: …${within.slice(Math.max(0, at - 30), at + 10).replace(/\n/g, ' ')}…`);
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
    expect(frenchTypographyProblems("l'entrée")).toHaveLength(1);
    expect(frenchTypographyProblems('Pourquoi\u202f? «\u00a0bonjour\u00a0» note\u00a0: l’entrée')).toEqual([]);
  });

  for (const file of pageFiles('fr')) {
    it(`content/fr/${file}`, () => {
      const page = readPage('fr', file);
      const text = [page.frontmatter.title, page.frontmatter.description, visibleProse(page.prose)].join('\n');
      expect(frenchTypographyProblems(text)).toEqual([]);
    });
  }

  it('the French comments in the code blocks of French pages', () => {
    const problems = pageFiles('fr').flatMap((file) =>
      [...readPage('fr', file).body.matchAll(/^```python\n([\s\S]*?)^```/gm)].flatMap((block) =>
        [...block[1]!.matchAll(/#(.*)$/gm)]
          .map((comment) => comment[1]!.replace(/`[^`]*`/g, ''))
          // Commented-out code (`# self.input_spec = …`) is code, not prose.
          .filter((text) => !/^\s*[\w.]+\s*[=(]/.test(text))
          .flatMap((text) => frenchTypographyProblems(text).map((p) => `${file}: ${p}`)),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('the French comments and labels of every snippet', () => {
    const problems = snippetIds().flatMap((id) => {
      const raw = readSnippetFile(id);
      const comments = [...raw.matchAll(/^\s*\/\/ @fr (.*)$/gm)].map((m) => m[1]!);
      const labels = [...raw.matchAll(/⟦[^|⟧]*\|([^⟧]*)⟧/g)].map((m) => m[1]!);
      return [...comments, ...labels].flatMap((text) => frenchTypographyProblems(text).map((p) => `${id}: ${p}`));
    });
    expect(problems).toEqual([]);
  });

  it('the French UI strings', () => {
    const problems = Object.entries(strings.fr).flatMap(([key, value]) => frenchTypographyProblems(value).map((p) => `${key}: ${p}`));
    expect(problems).toEqual([]);
  });
});
