/**
 * The last steps of the tfjs API index (./tfjs-api.ts): leave out what a reader cannot reach or
 * the reference does not cover, then pack what stays into the compact stored form that
 * src/snippet/editor/api.ts reads.
 */
import { ROOT_SCOPE, splitTopLevel } from '../snippet/editor/api';
import { SIGNATURES, writeIndex, type ScopeToWrite, type StoredMember } from '../snippet/editor/api-format';

/** A member as the walker finds it, before packing. */
export interface DraftMember {
  k: 'f' | 'm' | 'p' | 'c' | 'n' | 'v';
  /** First sentence of its documentation. */
  d?: string;
  /** Anchor in the official reference. */
  a?: string;
  /** Path of the member whose documentation and anchor it shares. */
  r?: string;
  /** Signatures: the return type, then the parameters. */
  s?: string[][];
  /** Type, or the scope it opens. */
  t?: string;
  /** Protected: reachable from a subclass only. */
  p?: boolean;
}

interface DraftScope {
  b?: string[];
  m: Record<string, DraftMember>;
  /** An interface: what an object literal is written for (`DenseLayerArgs`). */
  options?: boolean;
  /** A type tfjs does not export (`Dense`, `Engine`): a snippet cannot name it. */
  hidden?: boolean;
  /** It has an index signature (`ConfigDict`): any key may be there, so the editor cannot tell one is missing. */
  open?: boolean;
}

export type DraftScopes = Record<string, DraftScope>;

/**
 * Leaves out:
 * - tfjs' namespaces for backend authors: those the official reference lists nothing of and that
 *   tfjs names as internals (`tf.backend_util`, `tf.kernel_impls`), or that document nothing;
 * - in a class the reference does not list (the site's Lambda), overrides of an inherited member:
 *   the base's entry says what the reader needs;
 * - undocumented methods (tfjs' plumbing: `standardizeUserData`), except tensor methods that
 *   share their op's docs; and the undocumented fields of a class the reference documents
 *   through its base (`Dense` through `Layer`);
 * - types with an index signature (`ConfigDict`), whose keys the editor could only guess;
 * - the members of a type tfjs does not export, unless an exported type inherits them (`Container`
 *   for `LayersModel`): it is known by its base (`Dense` by `Layer`), and tfjs' internals
 *   (`Engine`) stay out;
 * - then every scope no snippet can reach from its scope.
 */
export function prune(scopes: DraftScopes, listedClasses: ReadonlySet<string>): void {
  const inherited = inheritedScopes(scopes);
  for (const [name, scope] of Object.entries(scopes)) {
    if (scope.hidden && !inherited.has(name)) scope.m = {};
    if (scope.open) delete scopes[name];
  }
  dropMembers(scopes, listedClasses, inherited);
  const reached = reachable(scopes);
  for (const name of Object.keys(scopes)) if (!reached.has(name)) delete scopes[name];
}

/** The scopes a scope that a snippet can name inherits from (`Container`, for `LayersModel`). */
function inheritedScopes(scopes: DraftScopes): Set<string> {
  const inherited = new Set<string>();
  const mark = (name: string) => {
    for (const base of scopes[name]?.b ?? []) {
      if (inherited.has(base)) continue;
      inherited.add(base);
      mark(base);
    }
  };
  for (const [name, scope] of Object.entries(scopes)) if (!scope.hidden) mark(name);
  return inherited;
}

function ancestors(scopes: DraftScopes, scope: string, seen = new Set<string>()): Set<string> {
  for (const base of scopes[scope]?.b ?? []) {
    if (seen.has(base)) continue;
    seen.add(base);
    ancestors(scopes, base, seen);
  }
  return seen;
}

/** Internal namespaces, overrides in unlisted classes, undocumented methods and fields (see `prune`). */
function dropMembers(scopes: DraftScopes, listedClasses: ReadonlySet<string>, inherited: ReadonlySet<string>): void {
  const listed = (scope: string, seen = new Set<string>()): boolean => {
    if (seen.has(scope)) return false;
    seen.add(scope);
    const internal = /_(util|impls)$/.test(scope);
    return Object.values(scopes[scope]?.m ?? {}).some((m) => m.a || (m.d && !internal) || (m.k === 'n' && m.t && listed(m.t, seen)));
  };
  const lends = (path: string) => {
    const at = path.lastIndexOf('.');
    return scopes[path.slice(0, at)]?.m[path.slice(at + 1)]?.d !== undefined;
  };
  for (const [path, scope] of Object.entries(scopes)) {
    const unlisted = !listedClasses.has(path.replace(/^typeof /, ''));
    const bases = ancestors(scopes, path);
    const inheritedNames = new Set([...bases].flatMap((base) => Object.keys(scopes[base]?.m ?? {})));
    // `Dense` (documented through `Layer`), not `Container` (part of `LayersModel`'s own API).
    const documentedByBase = unlisted && !inherited.has(path) && [...bases].some((a) => listedClasses.has(a));
    for (const [name, member] of Object.entries(scope.m)) {
      if (member.r && !lends(member.r)) delete member.r;
      const undocumented = !member.d && !member.r && !member.a;
      const internal = undocumented && (member.k === 'm' || (member.k === 'p' && documentedByBase));
      if ((member.k === 'n' && member.t && !listed(member.t)) || (unlisted && inheritedNames.has(name)) || internal) delete scope.m[name];
    }
  }
}

/** The scopes a snippet can reach from its own names. */
function reachable(scopes: DraftScopes): Set<string> {
  const reached = new Set<string>();
  const reach = (name: string): void => {
    const scope = scopes[name];
    if (reached.has(name) || !scope) return;
    reached.add(name);
    for (const base of scope.b ?? []) reach(base);
    for (const member of Object.values(scope.m)) {
      // What a value is or gives opens its type; a parameter's type only when the reader writes it
      // as an object literal (options) or a function (a callback's parameters).
      const params = (member.s ?? []).flatMap(([, ...rest]) => rest.map((p) => p.slice(p.indexOf(':') + 1)));
      for (const type of [member.t ?? '', ...(member.s ?? []).map(([returns = '']) => returns)])
        for (const name of named(type)) reach(name);
      for (const type of params) for (const name of type.includes('=>') ? words(type) : named(type)) if (scopes[name]?.options) reach(name);
      // A class's static side opens only through a class value (`tf.layers.Layer.`), never through a type.
      if (member.k === 'c' && member.t) reach(`typeof ${member.t}`);
      if (member.t?.startsWith('typeof ')) reach(member.t);
    }
  };
  reach(ROOT_SCOPE);
  return reached;
}

const words = (text: string): string[] => text.match(/[\w$.]+/g) ?? [];
/** The types a type names outright, as the editor opens them (`Promise<History>`, `Tensor | Tensor[]`), not inside another (`ShapeMap[R]`). */
const named = (type: string): string[] =>
  splitTopLevel(type.trim().replace(/^Promise<([^]*)>$/, '$1'), '|').flatMap((t) => /^\s*([\w$.]+)(?:\[\])*\s*$/.exec(t)?.[1] ?? []);

/** The stored index (src/snippet/editor/api-format.ts): anchors that follow their scope's prefix written '='. */
export function pack(scopes: DraftScopes, version: string): string {
  const options = new Set(Object.entries(scopes).flatMap(([name, scope]) => (scope.options ? [name] : [])));
  const classes = new Set(Object.keys(scopes).flatMap((name) => (name.startsWith('typeof ') ? [name.slice('typeof '.length)] : [])));
  const written: ScopeToWrite[] = Object.entries(scopes).map(([name, scope]) => {
    const prefix = commonPrefix(scope);
    const members = Object.entries(scope.m).map(([memberName, member]): [string, StoredMember] => [
      memberName,
      packMember(memberName, member, prefix, scopes, member.k === 'm' ? new Set([...options, ...classes]) : options),
    ]);
    return { name, bases: scope.b ?? [], prefix, members };
  });
  return writeIndex(version, written);
}

function packMember(name: string, member: DraftMember, prefix: string, scopes: DraftScopes, typed: ReadonlySet<string>): StoredMember {
  if (member.d?.startsWith('@')) throw new Error(`tfjs API index: a doc may not start with '@' (${name}: ${member.d})`);
  let doc = member.d ?? '';
  let signatures = member.s;
  if (member.r && !member.d) {
    doc = `@${member.r}`;
    // The op's signatures minus the tensor are the method's: store nothing the reader can derive.
    if (signatures && sameSignatures(signatures, lenderSignatures(member.r, scopes))) signatures = undefined;
  }
  // Parameters keep the types the editor reads; their order and names are what the reader needs.
  const shown = (param: string) => withoutType(param, typed);
  const detail = signatures
    ? signatures
        .map(([returns = '', ...params]) => `(${params.map(shown).join(', ')})${returns && member.k !== 'c' ? `: ${returns}` : ''}`)
        .join(SIGNATURES)
    : member.k === 'c'
      ? ''
      : (member.t ?? '');
  if (signatures && signatures.flat().some((text) => text.includes(SIGNATURES.trim())))
    throw new Error(`tfjs API index: a signature of ${name} holds ${SIGNATURES}`);
  return {
    code: member.p ? member.k.toUpperCase() : member.k,
    doc,
    anchor: member.a === undefined ? '' : member.a === prefix + name ? '=' : member.a,
    detail,
    scope: member.k === 'c' && member.t !== name ? (member.t ?? '') : '',
  };
}

/**
 * `trainable?: boolean` → `trainable?`, unless the editor reads the type: an interface (`args:
 * DenseLayerArgs`: its keys are completed), a function type (its parameters' types are inferred),
 * and in a method, which a snippet's class may override, a class too (`call(inputs)` gets tensors).
 */
function withoutType(param: string, typed: ReadonlySet<string>): string {
  const colon = param.indexOf(':');
  if (colon < 0) return param;
  const type = param.slice(colon + 1);
  const kept = type.includes('=>') || named(type).some((name) => typed.has(name));
  return kept ? param : param.slice(0, colon);
}

/** The signatures of the member at `path` ('tf.matMul'), without their first parameter. */
function lenderSignatures(path: string, scopes: DraftScopes): string[][] | undefined {
  const [scope, name] = [path.slice(0, path.lastIndexOf('.')), path.slice(path.lastIndexOf('.') + 1)];
  return scopes[scope]?.m[name]?.s?.map(([returns = '', , ...rest]) => [returns, ...rest]);
}

function sameSignatures(a: string[][], b: string[][] | undefined): boolean {
  return b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** The prefix most of the scope's anchors share ('layers.' for `tf.layers`), so they can be written '='. */
function commonPrefix(scope: DraftScope): string {
  const counts = new Map<string, number>();
  for (const [name, member] of Object.entries(scope.m)) {
    if (member.a?.endsWith(name)) {
      const prefix = member.a.slice(0, -name.length);
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
  }
  let best = '';
  let most = 0;
  for (const [prefix, count] of counts) if (count > most) [best, most] = [prefix, count];
  return best;
}
