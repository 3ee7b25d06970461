/**
 * The tfjs names a snippet uses, found as the editor finds them: every `a.b` whose `a` the
 * editor's inference types as a tfjs scope (`tf.layers`, a tensor, a model, `this` in a Layer
 * subclass), with whether the index has `b`. What the editor cannot type is not a name it
 * would offer, and is left out.
 */
import { javascript } from '@codemirror/lang-javascript';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import type { ApiIndex } from '../../src/snippet/editor/api';
import { apiIndex, inference } from '../../src/snippet/editor/context';

export interface UsedName {
  /** `tf.layers.dense`, `Tensor.dataSync`, `Layer.addWeight` … */
  path: string;
  found: boolean;
}

export function namesUsed(index: ApiIndex, code: string): UsedName[] {
  const state = EditorState.create({ doc: code, extensions: [javascript(), apiIndex.of(index)] });
  const tree = ensureSyntaxTree(state, code.length, 5000);
  if (!tree) throw new Error('the snippet did not parse in time');
  const infer = inference(state, code.length)!;
  const names: UsedName[] = [];
  tree.iterate({
    enter: (ref) => {
      const node = ref.node;
      const property = node.lastChild;
      if (node.name !== 'MemberExpression' || property?.name !== 'PropertyName') return;
      const type = infer.typeOf(node.firstChild);
      if (!type || type.array || type.promise) return;
      const label = type.own ? `${infer.text(node.firstChild!)} (own class)` : type.scope;
      names.push({ path: `${label}.${infer.text(property)}`, found: infer.memberOf(type, infer.text(property)) !== null });
    },
  });
  return names;
}
