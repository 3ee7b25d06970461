/** The generated tfjs API index and editor states over it, for the editor's help tests. */
import { javascript } from '@codemirror/lang-javascript';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { buildApiIndex } from '../../src/build/tfjs-api';
import { readIndex, type ApiIndex } from '../../src/snippet/editor/api-format';
import { apiIndex, inference } from '../../src/snippet/editor/context';
import type { Inference } from '../../src/snippet/editor/infer';

let built: ApiIndex | null = null;

/** The index as the build generates it (once per test file: it takes a few seconds). */
export function index(): ApiIndex {
  built ??= readIndex(buildApiIndex(process.cwd()));
  return built;
}

/** `code` with the cursor where `|` is, parsed, with the index. */
export function at(code: string): { state: EditorState; pos: number; infer: Inference } {
  const pos = code.indexOf('|');
  if (pos < 0) throw new Error('no | in the code');
  const doc = code.slice(0, pos) + code.slice(pos + 1);
  const state = EditorState.create({ doc, selection: { anchor: pos }, extensions: [javascript(), apiIndex.of(index())] });
  ensureSyntaxTree(state, doc.length, 5000);
  return { state, pos, infer: inference(state)! };
}
