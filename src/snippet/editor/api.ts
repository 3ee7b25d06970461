/**
 * The tfjs API index the editor's completions, signature help and hover read, generated at
 * build time from the type definitions and doc comments of the installed tfjs packages and of
 * the snippet scope (src/build/tfjs-api.ts; stored as ./api-format.ts says). Read it through
 * these helpers, which expand a stored member into what the reader is shown.
 */
import { SIGNATURES, type ApiIndex, type StoredMember, type StoredScope } from './api-format';

export type { ApiIndex } from './api-format';

/** What a name is, as the completion list shows it. */
export type ApiKind = 'function' | 'method' | 'property' | 'class' | 'namespace' | 'constant';

/** Kind codes as stored: one letter each. */
const KIND_CODES = {
  f: 'function',
  m: 'method',
  p: 'property',
  c: 'class',
  n: 'namespace',
  v: 'constant',
} as const satisfies Record<string, ApiKind>;

/** The scope of the names a snippet sees: `tf`, `show`, `console`, `Lambda`. */
export const ROOT_SCOPE = 'scope';

export const REFERENCE_URL = 'https://js.tensorflow.org/api/latest/';

export interface ApiParam {
  name: string;
  type: string;
  optional: boolean;
  rest: boolean;
}

export interface ApiSignature {
  params: ApiParam[];
  returns: string;
}

/** A member, expanded: what completions, signature help and hover show. */
export interface ApiMember {
  name: string;
  kind: ApiKind;
  doc: string;
  /** Full URL in the official reference, or null for what it does not document (the site's own Lambda). */
  link: string | null;
  signatures: ApiSignature[];
  /** A property's type, a namespace's or a class's scope, or ''. */
  type: string;
  isProtected: boolean;
}

/** `name?: type`, `...name: type`: one stored parameter. */
export function parseParam(text: string): ApiParam {
  const m = /^(\.\.\.)?([\w$]+)(\?)?(?::\s*([^]*))?$/.exec(text.trim());
  if (!m) return { name: text.trim(), type: '', optional: false, rest: false };
  return { name: m[2]!, type: m[4] ?? '', optional: m[3] === '?', rest: m[1] === '...' };
}

/** The parameter as a signature shows it: `dtype?: DataType`. */
export function paramText(param: ApiParam): string {
  return `${param.rest ? '...' : ''}${param.name}${param.optional ? '?' : ''}${param.type ? `: ${param.type}` : ''}`;
}

/** `(a: Tensor, b?: number): Tensor` → its parameters and return type. */
function parseSignature(text: string): ApiSignature {
  let depth = 0;
  let close = text.length;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ('<([{'.includes(ch)) depth++;
    else if ('>)]}'.includes(ch) && text[i - 1] !== '=' && --depth === 0) {
      close = i;
      break;
    }
  }
  const inside = text.slice(1, close).trim();
  return {
    params: inside ? splitTopLevel(inside, ',').map(parseParam) : [],
    returns: text.slice(close + 1).replace(/^\s*:\s*/, ''),
  };
}

/** The signature as one line: `addWeight(name: string, shape: Shape, dtype?: DataType, …): LayerVariable`. */
export function signatureText(name: string, signature: ApiSignature): string {
  return `${name}(${signature.params.map(paramText).join(', ')})${signature.returns ? `: ${signature.returns}` : ''}`;
}

/** The member called `name` in `scope` or the scopes it inherits from, expanded; null if none. */
export function findMember(index: ApiIndex, scope: string, name: string, seen = new Set<string>()): ApiMember | null {
  const stored = index.scopes.get(scope);
  if (!stored || seen.has(scope)) return null;
  seen.add(scope);
  const own = stored.members.get(name);
  if (own) return expand(index, stored, name, own);
  for (const base of stored.bases) {
    const found = findMember(index, base, name, seen);
    if (found) return found;
  }
  return null;
}

/** Every member of `scope`, inherited ones included (a subclass's own member wins), by name. */
export function membersOf(index: ApiIndex, scope: string): Map<string, ApiMember> {
  const out = new Map<string, ApiMember>();
  const visit = (name: string, seen: Set<string>) => {
    const stored = index.scopes.get(name);
    if (!stored || seen.has(name)) return;
    seen.add(name);
    for (const [member, value] of stored.members) if (!out.has(member)) out.set(member, expand(index, stored, member, value));
    for (const base of stored.bases) visit(base, seen);
  };
  visit(scope, new Set());
  return out;
}

/** A member at a dotted path from the snippet scope: 'tf.layers.dense'. */
export function memberAtPath(index: ApiIndex, path: string): ApiMember | null {
  let scope = ROOT_SCOPE;
  let member: ApiMember | null = null;
  for (const name of path.split('.')) {
    member = findMember(index, scope, name);
    if (!member) return null;
    scope = member.type;
  }
  return member;
}

/** Expanded members, kept: a completion list expands the same few hundred at every keystroke. */
const expanded = new WeakMap<StoredMember, ApiMember>();

function expand(index: ApiIndex, scope: StoredScope, name: string, stored: StoredMember): ApiMember {
  const known = expanded.get(stored);
  if (known) return known;
  const { code, doc, anchor, detail, scope: instances } = stored;
  const kind: ApiKind = KIND_CODES[code.toLowerCase() as keyof typeof KIND_CODES] ?? 'property';
  const callable = kind === 'function' || kind === 'method' || kind === 'class';
  // A shared entry (a tensor method documented as its op) lends its text and link, and its signatures minus the tensor.
  const lender = doc.startsWith('@') ? memberAtPath(index, doc.slice(1)) : null;
  const signatures =
    callable && detail
      ? detail.split(SIGNATURES).map(parseSignature)
      : (lender?.signatures.map((s) => ({ returns: s.returns, params: s.params.slice(1) })) ?? []);
  const link = anchor === '=' ? scope.prefix + name : anchor;
  const member: ApiMember = {
    name,
    kind,
    doc: lender ? lender.doc : doc,
    link: link ? REFERENCE_URL + '#' + link : (lender?.link ?? null),
    signatures,
    type: kind === 'class' ? instances || name : callable ? '' : detail,
    isProtected: code !== code.toLowerCase(),
  };
  expanded.set(stored, member);
  return member;
}

/** What a type opens: an index scope, an array of it, or a promise of it. */
export interface ScopeRef {
  scope: string;
  array: boolean;
  promise: boolean;
}

/**
 * The scope a type opens, if any: `Tensor | Tensor[]` gives `Tensor`; `LayerVariable[]` gives
 * `LayerVariable` as an array; `Promise<History>` gives `History` as a promise (await opens it).
 * With `objectOnly`, arrays are passed over (the type an object literal is written for).
 */
export function scopeOfType(index: ApiIndex, type: string, objectOnly = false): ScopeRef | null {
  let text = type.trim();
  const promise = /^Promise<([^]*)>$/.exec(text);
  if (promise) text = promise[1]!.trim();
  for (const alternative of splitTopLevel(text, '|')) {
    const m = /^([\w$.]+)((?:\[\])*)$/.exec(alternative.trim());
    if (m && index.scopes.has(m[1]!) && !(objectOnly && m[2])) return { scope: m[1]!, array: m[2] !== '', promise: promise !== null };
  }
  return null;
}

/** Splits on `separator` outside brackets and parentheses (`=>` closes nothing). */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ('<([{'.includes(ch)) depth++;
    else if ('>)]}'.includes(ch) && text[i - 1] !== '=') depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
