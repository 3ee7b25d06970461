/**
 * The editor's grammar re-parses little of a snippet on a keystroke: the rest of the tree is
 * reused from the parse before (see src/snippet/editor/language.ts for why this is configured).
 */
import { Tree, TreeFragment } from '@lezer/common';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snippetLanguage } from '../../src/snippet/editor/language';
import { parseSnippet } from '../../src/snippet/source';

/** The first `lines` lines of the guide's snippets, one after another, each in a block of its own. */
function guideCode(lines: number): string {
  const out: string[] = [];
  for (const file of readdirSync('content/snippets')
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const { code } = parseSnippet(file.replace(/\.js$/, ''), readFileSync(`content/snippets/${file}`, 'utf8'), 'en');
    out.push('{', ...code.split('\n'), '}');
    if (out.length >= lines) break;
  }
  return out.slice(0, lines).join('\n');
}

/** The share of `after`'s text covered by subtrees taken over, unchanged, from `before`. */
function reusedShare(before: Tree, after: Tree): number {
  const old = new Set<Tree>();
  const collect = (tree: Tree): void => {
    old.add(tree);
    for (const child of tree.children) if (child instanceof Tree) collect(child);
  };
  collect(before);
  let covered = 0;
  const visit = (tree: Tree): void => {
    if (old.has(tree)) covered += tree.length;
    else for (const child of tree.children) if (child instanceof Tree) visit(child);
  };
  visit(after);
  return covered / after.length;
}

/** Types one character in the middle of `code` and parses again, incrementally, as the editor does. */
function keystroke(code: string): { before: Tree; after: Tree } {
  const { parser } = snippetLanguage;
  const lines = code.split('\n');
  const pos = lines.slice(0, Math.floor(lines.length / 2)).join('\n').length;
  const before = parser.parse(code);
  const fragments = TreeFragment.applyChanges(TreeFragment.addTree(before), [{ fromA: pos, toA: pos, fromB: pos, toB: pos + 1 }]);
  const after = parser.parse(code.slice(0, pos) + 'x' + code.slice(pos), fragments);
  return { before, after };
}

describe("the editor's grammar on a keystroke", () => {
  it('reuses nearly all of a 200-line snippet', () => {
    // About 95%; CodeMirror's default configuration reuses about 82% of this text.
    const { before, after } = keystroke(guideCode(200));
    expect(reusedShare(before, after)).toBeGreaterThan(0.9);
  });

  it('reuses most of a 30-line snippet (the default reuses nothing below about 4,000 characters)', () => {
    // About 68%.
    const { before, after } = keystroke(guideCode(30));
    expect(reusedShare(before, after)).toBeGreaterThan(0.5);
  });
});
