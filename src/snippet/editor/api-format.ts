/**
 * The stored form of the tfjs API index: one string, written at build time (src/build/tfjs-api-pack.ts)
 * and read once in the browser. Lines and tabs rather than JSON: it travels to every reader who
 * edits a snippet, and its punctuation would be a tenth of its weight.
 *
 *   4.22.0                                      the tfjs version
 *   @tf.layers⇥⇥layers.                         a scope: name, base scopes (comma-separated), anchor prefix
 *   dense⇥f⇥Creates a dense…⇥=⇥(args: DenseLayerArgs): Dense
 *                                               a member: name, kind code, doc, anchor, detail, instance scope
 *
 * Trailing empty fields are left out. A member's fields:
 * - kind code: see KIND_CODES; upper case when reachable only from a subclass (`this.addWeight`);
 * - doc: the first sentence of its documentation, or `@path` (`@tf.matMul`) for a member that
 *   shares another's documentation and link (a tensor method and its op) and, when it has no
 *   signatures of its own, its signatures minus the first parameter;
 * - anchor in the official reference: '' for none, '=' for the scope's prefix and the name;
 * - detail: for a function, method or class, its call (constructor) signatures separated by
 *   SIGNATURES, each `(name: type, name?: type): returns`; for a property or constant, its type;
 *   for a namespace, the scope it opens;
 * - instance scope: for a class, when it is not the class's name.
 */

const SCOPE_MARK = '@';
export const SIGNATURES = ' ¦ ';

/** One member, as read. */
export interface StoredMember {
  code: string;
  doc: string;
  anchor: string;
  detail: string;
  scope: string;
}

export interface StoredScope {
  /** Scopes whose members this one inherits. */
  bases: string[];
  /** The anchor prefix of its members ('layers.', 'tf.LayersModel.'). */
  prefix: string;
  members: Map<string, StoredMember>;
}

export interface ApiIndex {
  /** The tfjs version the index describes. */
  version: string;
  /** Scopes by name: 'scope' (what a snippet sees), 'tf', 'tf.layers', 'Tensor', 'typeof Lambda', 'DenseLayerArgs' … */
  scopes: Map<string, StoredScope>;
}

/** What the writer needs of a scope. */
export interface ScopeToWrite {
  name: string;
  bases: string[];
  prefix: string;
  members: [name: string, member: StoredMember][];
}

/** The stored string. Throws if a field holds a separator (it could not be read back). */
export function writeIndex(version: string, scopes: ScopeToWrite[]): string {
  const line = (fields: string[]) => {
    for (const field of fields) if (/[\t\n]/.test(field)) throw new Error(`tfjs API index: a tab or newline in ${JSON.stringify(field)}`);
    while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
    return fields.join('\t');
  };
  const lines = [version];
  for (const scope of scopes) {
    lines.push(line([SCOPE_MARK + scope.name, scope.bases.join(','), scope.prefix]));
    for (const [name, m] of scope.members) {
      if (name.startsWith(SCOPE_MARK)) throw new Error(`tfjs API index: a member may not start with ${SCOPE_MARK}: ${name}`);
      lines.push(line([name, m.code, m.doc, m.anchor, m.detail, m.scope]));
    }
  }
  return lines.join('\n');
}

export function readIndex(text: string): ApiIndex {
  const [version = '', ...lines] = text.split('\n');
  const scopes = new Map<string, StoredScope>();
  let current: StoredScope | null = null;
  for (const line of lines) {
    const fields = line.split('\t');
    if (line.startsWith(SCOPE_MARK)) {
      current = { bases: fields[1] ? fields[1].split(',') : [], prefix: fields[2] ?? '', members: new Map() };
      scopes.set(fields[0]!.slice(SCOPE_MARK.length), current);
    } else if (current) {
      const [name = '', code = 'p', doc = '', anchor = '', detail = '', scope = ''] = fields;
      current.members.set(name, { code, doc, anchor, detail, scope });
    }
  }
  return { version, scopes };
}
