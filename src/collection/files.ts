/** Reads the MDX pages and the snippets as files, outside Astro: for the tests, the e2e specs and the benchmark. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../i18n/locales';
import { parseHeadingMarker } from '../markdown/section-ids';
import { parseSnippet, type SnippetSource } from '../snippet/source';

const CONTENT = 'content';
const SNIPPETS = join(CONTENT, 'snippets');

export interface PageFile {
  lang: Lang;
  file: string;
  frontmatter: Record<string, string>;
  body: string;
  /** Body with fenced code removed: what is prose, JSX and headings. */
  prose: string;
  headings: { depth: number; text: string; id: string | null }[];
  snippetIds: string[];
}

export function pageFiles(lang: Lang): string[] {
  return readdirSync(join(CONTENT, lang))
    .filter((f) => f.endsWith('.mdx'))
    .sort();
}

export function readPage(lang: Lang, file: string): PageFile {
  const raw = readFileSync(join(CONTENT, lang, file), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
  if (!m) throw new Error(`${lang}/${file}: no frontmatter`);
  const frontmatter = Object.fromEntries(
    m[1]!.split('\n').map((line) => {
      const i = line.indexOf(':');
      return [
        line.slice(0, i).trim(),
        line
          .slice(i + 1)
          .trim()
          .replace(/^["']|["']$/g, ''),
      ];
    }),
  );
  const body = m[2]!;
  const prose = body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  const headings = [...prose.matchAll(/^(#{2,6}) (.+)$/gm)].map((h) => ({ depth: h[1]!.length, ...parseHeadingMarker(h[2]!.trim()) }));
  const snippetIds = [...body.matchAll(/<Snippet\s+[^>]*\bid="([^"]+)"/g)].map((s) => s[1]!);
  return { lang, file, frontmatter, body, prose, headings, snippetIds };
}

/** Every snippet's id: the files in content/snippets, without `.js`, sorted. */
export function snippetIds(): string[] {
  return readdirSync(SNIPPETS)
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -'.js'.length))
    .sort();
}

/** A snippet's file as written, every language in it. */
export function readSnippetFile(id: string): string {
  return readFileSync(snippetPath(id), 'utf8');
}

export function snippetPath(id: string): string {
  return join(SNIPPETS, `${id}.js`);
}

/** A snippet as the page in `lang` shows it. */
export function readSnippet(id: string, lang: Lang): SnippetSource {
  return parseSnippet(id, readSnippetFile(id), lang);
}
