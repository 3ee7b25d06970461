/**
 * The editor's grammar re-parses little of a snippet on a keystroke: the rest of the tree is
 * reused from the parse before (see src/snippet/editor/language.ts for why this is configured). The
 * text is the one the benchmark types into.
 */
import { Tree, TreeFragment } from '@lezer/common';
import { describe, expect, it } from 'vitest';
import { longSnippet } from '../../scripts/long-snippet.mjs';
import { snippetLanguage } from '../../src/snippet/editor/language';

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
    // About 98%; CodeMirror's default configuration reuses about 83% of this text.
    const { before, after } = keystroke(longSnippet(200));
    expect(reusedShare(before, after)).toBeGreaterThan(0.9);
  });

  it('reuses most of a 30-line snippet (the default reuses nothing below about 4,000 characters)', () => {
    // About 71%.
    const { before, after } = keystroke(longSnippet(30));
    expect(reusedShare(before, after)).toBeGreaterThan(0.5);
  });
});
