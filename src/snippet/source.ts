/**
 * Snippet sources: one file per snippet in `content/snippets/<id>.js`, written once
 * for both languages. The page's language is picked at build time:
 *
 *   // @expect-error Unknown layer      directive (top of file): the run must fail with this text
 *   // @timeout 20000                   directive (top of file): time limit in ms (default 10 s)
 *   // @en Build the layer.             a comment line kept only on English pages, as "// Build the layer."
 *   // @fr Construire la couche.        the same line for French pages
 *   show(y, '⟦output|sortie⟧');         inline text: one version per language, in the order of LANGS
 *
 * Everything else is the code as the reader sees it.
 */
import { LANGS, type Lang } from '../i18n/locales';
import { DEFAULT_TIMEOUT_MS } from './markup';

export interface SnippetSource {
  id: string;
  lang: Lang;
  /** The code shown to the reader, in the page's language. */
  code: string;
  /** A short hash of `code`: saved edits of another version are not replayed (storage.ts). */
  hash: string;
  /** Substring of the error message this snippet is meant to fail with, or null. */
  expectError: string | null;
  timeoutMs: number;
}

const DIRECTIVE = /^\/\/ @(expect-error|timeout)\s+(.*)$/;
const LANG_LINE = new RegExp(`^(\\s*)// @(${LANGS.join('|')})(?: (.*))?$`);
/** `⟦one|two⟧`: as many versions as LANGS, separated by bars. */
const INLINE = new RegExp(`⟦${LANGS.map(() => '([^⟦⟧|]*)').join('\\|')}⟧`, 'g');

/** Turns a raw snippet file into the code and settings for one language. */
export function parseSnippet(id: string, raw: string, lang: Lang): SnippetSource {
  let expectError: string | null = null;
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');

  // Directives come first; the code starts at the first line that is not one.
  let start = 0;
  for (; start < lines.length; start++) {
    const m = DIRECTIVE.exec(lines[start]!);
    if (!m) break;
    if (m[1] === 'expect-error') expectError = m[2]!.trim();
    else timeoutMs = Number.parseInt(m[2]!, 10);
  }
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new Error(`Snippet ${id}: invalid @timeout`);
  }

  const out: string[] = [];
  for (const line of lines.slice(start)) {
    const m = LANG_LINE.exec(line);
    if (m) {
      if (m[2] === lang) out.push(m[3] ? `${m[1]}// ${m[3]}` : `${m[1]}//`);
      continue;
    }
    out.push(line.replace(INLINE, (...groups: string[]) => groups[1 + LANGS.indexOf(lang)]!));
  }
  // Trailing blank lines are noise in an editor.
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  const code = out.join('\n');
  return { id, lang, code, hash: hashCode(code), expectError, timeoutMs };
}

/** A short, stable hash of the code (FNV-1a, 32 bits, base 36). */
export function hashCode(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
