// The long snippet the editor is measured and tested with: the benchmark types into it
// (./editor-typing.mjs), and tests/editor/language.test.ts checks how much of it a keystroke re-parses.
import { readFileSync, readdirSync } from 'node:fs';

/**
 * `lines` lines of the guide's own snippets, one after another (each in a block of its own, so
 * that their names do not clash).
 */
export function longSnippet(lines = 200) {
  const out = [];
  for (const file of readdirSync('content/snippets')
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const code = readFileSync(`content/snippets/${file}`, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*\/\/ @/.test(line))
      .map((line) => line.replace(/⟦([^|⟧]*)\|[^⟧]*⟧/g, '$1'));
    out.push('{', ...code.map((line) => `  ${line}`), '}');
    if (out.length >= lines) break;
  }
  return out.slice(0, lines).join('\n');
}
