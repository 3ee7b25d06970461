/**
 * Where the cursor is, as the editor's help needs to know it: after `expr.` (complete its
 * members), at a key of an object literal a tfjs function takes (complete its options), inside
 * a call's arguments (show its signature), on a documented name (show its docs). Read from the
 * syntax tree, which is error-tolerant: half-typed code still has a shape.
 */
import { Facet, type EditorState } from '@codemirror/state';
import { findMember, ROOT_SCOPE, scopeOfType, type ApiIndex, type ApiMember } from './api';
import { argumentIndex, Inference, type SyntaxNode, type TypeRef } from './infer';

export type CompletionSite =
  /** After `expr.`: the members of what `expr` is. */
  | { kind: 'member'; from: number; type: TypeRef }
  /** A key of an object literal written for an options type (`tf.layers.dense({ un`). */
  | { kind: 'key'; from: number; scope: string; present: ReadonlySet<string> }
  /** A bare name: the snippet's own names (`tf`, `show`, `Lambda` …). */
  | { kind: 'name'; from: number };

export interface CallSite {
  /** What the callee is documented as (a function, a method, a class for `new`). */
  callee: ApiMember;
  /** The index of the argument the cursor is in. */
  argument: number;
  /** Where the argument list starts: signature help stays while the cursor is past it. */
  from: number;
}

export interface NameSite {
  from: number;
  to: number;
  member: ApiMember;
}

/** Where no help applies: comments, strings, regular expressions. */
const QUIET = new Set(['LineComment', 'BlockComment', 'String', 'TemplateString', 'RegExp', 'Number']);
/** Arguments never span these: a call's help stops at the function body it is in. */
const BOUNDARIES = new Set(['Block', 'ClassBody', 'Script']);

/** The API index the editor's help reads, provided once by ./assist.ts. */
export const apiIndex = Facet.define<ApiIndex, ApiIndex | null>({ combine: (values) => values[0] ?? null });

/** What the snippet's code is, at `state`, for the index the editor was given (null before it is). */
export function inference(state: EditorState, upto?: number): Inference | null {
  const index = state.facet(apiIndex);
  return index && new Inference(index, state, upto);
}

/** What to complete at `pos`, or null. */
export function completionSite(infer: Inference, pos: number): CompletionSite | null {
  const { state, tree } = infer;
  if (QUIET.has(tree.resolveInner(pos, -1).name)) return null;
  const word = /[\w$]*$/.exec(state.sliceDoc(Math.max(0, pos - 100), pos))![0];
  const from = pos - word.length;
  const dot = tree.resolveInner(from, -1);
  if ((dot.name === '.' || dot.name === '?.') && dot.parent?.name === 'MemberExpression') {
    const type = infer.typeOf(dot.parent.firstChild);
    return type ? { kind: 'member', from, type } : null;
  }
  const before = /\S?\s*$/.exec(state.sliceDoc(Math.max(0, from - 200), from))![0].trim();
  if (before === '{' || before === ',') {
    const object = enclosing(tree.resolveInner(from, -1), ['ObjectExpression', 'ObjectPattern']);
    const scope = object && optionsScope(infer, object);
    if (scope) return { kind: 'key', from, scope, present: keysOf(infer, object) };
    if (object) return null;
  }
  if (before === '.' || /^\d/.test(word)) return null;
  return { kind: 'name', from };
}

/** The call whose arguments the cursor is in, when its callee is documented. */
export function callSite(infer: Inference, pos: number): CallSite | null {
  for (let node: SyntaxNode | null = infer.tree.resolveInner(pos, -1); node; node = node.parent) {
    if (BOUNDARIES.has(node.name)) return null;
    if (node.name !== 'ArgList' || pos <= node.from || (pos >= node.to && node.lastChild?.name === ')')) continue;
    const call = node.parent;
    const callee = call?.name === 'NewExpression' ? (call.getChild('new')?.nextSibling ?? null) : (call?.firstChild ?? null);
    const member = call?.name === 'NewExpression' ? classValue(infer, callee) : infer.calleeMember(callee);
    if (member && member.signatures.length > 0) return { callee: member, argument: argumentIndex(node, pos), from: node.from };
    return null;
  }
  return null;
}

/** The documented name at `pos` (`tf`, `matMul` in `tf.matMul`, `units` in `dense({ units })`), or null. */
export function nameSite(infer: Inference, pos: number, side: -1 | 1): NameSite | null {
  const node = infer.tree.resolveInner(pos, side);
  const name = infer.text(node);
  let member: ApiMember | null = null;
  if (node.name === 'PropertyName' && node.parent?.name === 'MemberExpression') {
    const found = infer.memberOf(infer.typeOf(node.parent.firstChild), name);
    member = found && 'signatures' in found ? found : null;
  } else if (node.name === 'VariableName' && !infer.isLocal(node)) {
    member = findMember(infer.index, ROOT_SCOPE, name);
  } else if (
    (node.name === 'PropertyDefinition' || node.name === 'PropertyName') &&
    node.parent &&
    /^(Pattern)?Property$/.test(node.parent.name)
  ) {
    const object = node.parent.parent;
    const scope = object && optionsScope(infer, object);
    member = scope ? findMember(infer.index, scope, name) : null;
  }
  return member ? { from: node.from, to: node.to, member } : null;
}

/** The options type an object literal is written for: a documented parameter's, or a documented option's. */
function optionsScope(infer: Inference, object: SyntaxNode): string | null {
  let holder = object.parent;
  // Half-typed (`fit(x, y, {ep`), the literal parses as a pattern being assigned.
  while (holder && (holder.name === 'AssignmentExpression' || holder.type.isError)) holder = holder.parent;
  if (!holder) return null;
  let type: string | undefined;
  if (holder.name === 'ArgList') {
    type = callSite(infer, object.from + 1)?.callee.signatures[0]?.params[argumentIndex(holder, object.from)]?.type;
  } else if (/^(Pattern)?Property$/.test(holder.name) && holder.parent) {
    const outer = optionsScope(infer, holder.parent);
    const key = holder.firstChild ? infer.text(holder.firstChild) : '';
    type = outer ? findMember(infer.index, outer, key)?.type : undefined;
  }
  return (type && scopeOfType(infer.index, type, true)?.scope) ?? null;
}

function keysOf(infer: Inference, object: SyntaxNode): Set<string> {
  const keys = new Set<string>();
  for (let c = object.firstChild; c; c = c.nextSibling)
    if (c.firstChild && /^(Pattern)?Property$/.test(c.name)) keys.add(infer.text(c.firstChild));
  return keys;
}

function classValue(infer: Inference, callee: SyntaxNode | null): ApiMember | null {
  if (!callee) return null;
  if (callee.name === 'VariableName') return infer.isLocal(callee) ? null : findMember(infer.index, ROOT_SCOPE, infer.text(callee));
  if (callee.name !== 'MemberExpression' || callee.lastChild?.name !== 'PropertyName') return null;
  const found = infer.memberOf(infer.typeOf(callee.firstChild), infer.text(callee.lastChild));
  return found && 'signatures' in found && found.kind === 'class' ? found : null;
}

function enclosing(node: SyntaxNode, names: string[]): SyntaxNode | null {
  for (let at: SyntaxNode | null = node; at; at = at.parent) {
    if (names.includes(at.name)) return at;
    if (BOUNDARIES.has(at.name) || at.name === 'ArgList') return null;
  }
  return null;
}
