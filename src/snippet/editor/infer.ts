/**
 * What an expression in a snippet is, as far as the tfjs API index can tell: read from the
 * syntax tree the editor already has (Lezer), without running anything. A name is followed to
 * its declaration (`const model = tf.sequential()` makes `model` a Sequential), calls give
 * their documented return type, `await` opens a promise, `this` and `super` inside a class that
 * extends a tfjs class are that class (protected members included). What it cannot tell is
 * null, and the editor then offers nothing rather than a guess.
 */
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import { findMember, parseParam, scopeOfType, splitTopLevel, type ApiIndex, type ApiMember, type ScopeRef } from './api';

/** Lezer's tree and nodes, named through CodeMirror's API (the editor reads no other parser). */
type Tree = ReturnType<typeof syntaxTree>;
export type SyntaxNode = ReturnType<Tree['resolveInner']>;

export interface TypeRef extends ScopeRef {
  /**
   * A class of the snippet's own (its declaration), whose members come before its base's; its
   * scope is then '' for an instance, OWN_CLASS for the class itself.
   */
  own: SyntaxNode | null;
  /** Seen from inside the class (`this.`, `super.`): protected members count. */
  inside: boolean;
}

/** A member of one of the snippet's own classes: a method, or a field and the value it is given. */
export interface OwnMember {
  name: string;
  kind: 'method' | 'property';
  value: SyntaxNode | null;
}

/** The site's `Lambda` calls the function given as `fn` with the layer's input first (src/tfjs/lambda.ts). */
const LAMBDA = { scope: 'Lambda', option: 'fn', input: 'Tensor' } as const;

/** The scope of one of the snippet's classes as a value (`Project.`), as `typeof X` is a documented class's. */
export const OWN_CLASS = 'typeof';

const FUNCTIONS = new Set(['ArrowFunction', 'FunctionExpression', 'FunctionDeclaration', 'MethodDeclaration']);
const SCOPES = new Set(['Script', 'Block', ...FUNCTIONS]);
/** Guards against declarations that lead back to themselves (`let a = b; let b = a;`). */
const MAX_DEPTH = 12;
/** The most a keystroke may spend finishing the parse up to the cursor (it is usually done already). */
const PARSE_BUDGET_MS = 8;

const ref = (scope: string, extra: Partial<TypeRef> = {}): TypeRef => ({
  scope,
  array: false,
  promise: false,
  own: null,
  inside: false,
  ...extra,
});

export class Inference {
  /** The syntax tree, parsed at least up to `upto` when that fits the budget. */
  readonly tree: Tree;

  constructor(
    readonly index: ApiIndex,
    readonly state: EditorState,
    upto = state.selection.main.head,
  ) {
    this.tree = ensureSyntaxTree(state, upto, PARSE_BUDGET_MS) ?? syntaxTree(state);
  }

  text(node: SyntaxNode): string {
    return this.state.sliceDoc(node.from, node.to);
  }

  /** The type of an expression node, or null. */
  typeOf(node: SyntaxNode | null, depth = 0): TypeRef | null {
    if (!node || depth > MAX_DEPTH) return null;
    const next = depth + 1;
    switch (node.name) {
      case 'VariableName':
        return this.typeOfName(node, next);
      case 'this':
      case 'super':
        return this.typeOfThis(node, node.name === 'super', next);
      case 'ParenthesizedExpression':
        return this.typeOf(node.firstChild?.nextSibling ?? null, next);
      case 'AwaitExpression': {
        const inner = this.typeOf(node.lastChild, next);
        return inner && { ...inner, promise: false };
      }
      case 'AssignmentExpression':
        return this.typeOf(node.lastChild, next);
      case 'ConditionalExpression': {
        const branches = node.getChildren('⚠').length > 0 ? [] : childrenAfter(node, 'LogicOp');
        for (const branch of branches) {
          const type = this.typeOf(branch, next);
          if (type) return type;
        }
        return null;
      }
      case 'MemberExpression':
        return this.typeOfMember(node, next);
      case 'CallExpression':
        return this.returnType(this.calleeMember(node.firstChild, next));
      case 'NewExpression':
        return this.instanceOf(this.typeOf(node.firstChild?.nextSibling ?? null, next));
      default:
        return null;
    }
  }

  /** The documented member a call's callee names, or null (a function of the snippet's own). */
  calleeMember(callee: SyntaxNode | null, depth = 0): ApiMember | null {
    if (!callee) return null;
    if (callee.name === 'VariableName') return this.isLocal(callee) ? null : findMember(this.index, 'scope', this.text(callee));
    if (callee.name !== 'MemberExpression') return null;
    const property = callee.lastChild;
    if (!property || property.name !== 'PropertyName') return null;
    const found = this.memberOf(this.typeOf(callee.firstChild, depth + 1), this.text(property));
    return found && 'signatures' in found ? found : null;
  }

  /** A member of a type: one of the snippet's own class, or a documented one; protected ones only from inside. */
  memberOf(type: TypeRef | null, name: string): ApiMember | OwnMember | null {
    if (!type || type.array || type.promise) return null;
    if (type.own) {
      const own = this.ownMembers(type.own, type.scope === OWN_CLASS).get(name);
      if (own) return own;
      return this.memberOf(this.baseType(type), name);
    }
    const member = findMember(this.index, type.scope, name);
    return member && (!member.isProtected || type.inside) ? member : null;
  }

  /** The type a member has (a property's type, a namespace, a class's static side). */
  typeOfMemberValue(member: ApiMember | OwnMember | null, depth = 0): TypeRef | null {
    if (!member) return null;
    if (!('signatures' in member)) return member.value ? this.typeOf(member.value, depth + 1) : null;
    if (member.kind === 'namespace') return ref(member.type);
    if (member.kind === 'class') return ref(`typeof ${member.type}`);
    if (member.kind === 'property' || member.kind === 'constant') {
      const scope = scopeOfType(this.index, member.type);
      return scope && ref(scope.scope, scope);
    }
    return null;
  }

  /** Methods and fields of one of the snippet's classes: declared ones, and `this.x = …` in its methods. */
  ownMembers(classNode: SyntaxNode, statics = false): Map<string, OwnMember> {
    const members = new Map<string, OwnMember>();
    const body = classNode.getChild('ClassBody');
    for (let item = body?.firstChild ?? null; item; item = item.nextSibling) {
      const name = item.getChild('PropertyDefinition');
      if (!name || (item.getChild('static') !== null) !== statics) continue;
      const key = this.text(name);
      if (item.name === 'MethodDeclaration') members.set(key, { name: key, kind: 'method', value: null });
      else if (item.name === 'PropertyDeclaration')
        members.set(key, { name: key, kind: 'property', value: item.getChild('Equals')?.nextSibling ?? null });
    }
    if (statics || !body) return members;
    walk(body, (node) => {
      const target = node.name === 'AssignmentExpression' ? node.firstChild : null;
      if (!target || target.name !== 'MemberExpression' || target.firstChild?.name !== 'this') return;
      const key = target.lastChild?.name === 'PropertyName' ? this.text(target.lastChild) : '';
      if (key && !members.has(key)) members.set(key, { name: key, kind: 'property', value: node.lastChild });
    });
    return members;
  }

  /** The base a class of the snippet's own extends, seen from inside or out. */
  baseOf(classNode: SyntaxNode, inside: boolean): TypeRef | null {
    const base = this.typeOf(childAfter(classNode, 'extends'), 1);
    const instance = this.instanceOf(base);
    return instance && { ...instance, inside };
  }

  /** What one of the snippet's own classes extends (its static side for the class itself). */
  baseType(type: TypeRef): TypeRef | null {
    if (!type.own) return null;
    return type.scope === OWN_CLASS ? this.staticOf(type.own) : this.baseOf(type.own, type.inside);
  }

  /** Whether a name is declared in the snippet (a local shadows `tf`, `show` ...). */
  isLocal(name: SyntaxNode): boolean {
    return this.declaration(name) !== null;
  }

  private typeOfName(node: SyntaxNode, depth: number): TypeRef | null {
    const declared = this.declaration(node);
    if (!declared) {
      const member = findMember(this.index, 'scope', this.text(node));
      return this.typeOfMemberValue(member, depth);
    }
    if (declared.kind === 'class') return ref(OWN_CLASS, { own: declared.node });
    if (declared.kind === 'value') return this.typeOf(declared.node, depth);
    if (declared.kind === 'function') return null;
    return this.typeOfParam(declared.node, declared.position, depth);
  }

  /** A parameter's type, from what the function is given to: an overridden method, Lambda's `fn`, a typed callback. */
  private typeOfParam(fn: SyntaxNode, position: number, depth: number): TypeRef | null {
    if (fn.name === 'MethodDeclaration') {
      const classNode = fn.parent?.parent ?? null;
      const name = fn.getChild('PropertyDefinition');
      if (!classNode || !name) return null;
      const base = this.memberOf(this.baseOf(classNode, true), this.text(name));
      return this.paramType(base && 'signatures' in base ? base.signatures[0]?.params[position]?.type : undefined);
    }
    const holder = fn.parent;
    if (holder?.name === 'Property' && this.text(holder.firstChild!) === LAMBDA.option && position === 0) {
      const call = holder.parent?.parent;
      if (call?.name === 'ArgList' && call.parent?.name === 'NewExpression') {
        const made = this.instanceOf(this.typeOf(call.parent.firstChild?.nextSibling ?? null, depth));
        if (made && this.inherits(made.scope, LAMBDA.scope)) return ref(LAMBDA.input);
      }
    }
    if (holder?.name === 'ArgList') {
      const callee = this.calleeMember(holder.parent?.firstChild ?? null, depth);
      const type = callee?.signatures[0]?.params[argumentIndex(holder, fn.from)]?.type ?? '';
      const params = /^\(([^]*)\)\s*=>/.exec(type)?.[1];
      return params
        ? this.paramType(splitTopLevel(params, ',')[position] && parseParam(splitTopLevel(params, ',')[position]!.trim()).type)
        : null;
    }
    return null;
  }

  private paramType(type: string | undefined): TypeRef | null {
    const scope = type ? scopeOfType(this.index, type) : null;
    return scope && ref(scope.scope, scope);
  }

  private typeOfThis(node: SyntaxNode, isSuper: boolean, depth: number): TypeRef | null {
    for (let at = node.parent; at; at = at.parent) {
      if (at.name === 'FunctionExpression' || at.name === 'FunctionDeclaration') return null;
      if (at.name !== 'MethodDeclaration' && at.name !== 'PropertyDeclaration') continue;
      const classNode = at.parent?.parent;
      if (!classNode) return null;
      const isStatic = at.getChild('static') !== null;
      if (isSuper) {
        const base = isStatic ? this.typeOf(childAfter(classNode, 'extends'), depth) : this.baseOf(classNode, true);
        return base && { ...base, inside: true };
      }
      return ref(isStatic ? OWN_CLASS : '', { own: classNode, inside: true });
    }
    return null;
  }

  private staticOf(classNode: SyntaxNode): TypeRef | null {
    return this.typeOf(childAfter(classNode, 'extends'), 1);
  }

  private typeOfMember(node: SyntaxNode, depth: number): TypeRef | null {
    const object = this.typeOf(node.firstChild, depth);
    const property = node.lastChild;
    if (!object || !property) return null;
    // `xs[0]`: an element of an array.
    if (property.name === ']') return object.array ? { ...object, array: false } : null;
    if (property.name !== 'PropertyName') return null;
    return this.typeOfMemberValue(this.memberOf(object, this.text(property)), depth);
  }

  private returnType(member: ApiMember | null): TypeRef | null {
    const returns = member?.signatures[0]?.returns;
    const scope = returns ? scopeOfType(this.index, returns) : null;
    return scope && ref(scope.scope, scope);
  }

  /** `new X()`: an instance of a class value (a documented class's static side, or the snippet's own class). */
  private instanceOf(type: TypeRef | null): TypeRef | null {
    if (!type) return null;
    if (type.own) return type.scope === OWN_CLASS ? { ...type, scope: '', inside: false } : null;
    return type.scope.startsWith('typeof ') ? ref(type.scope.slice('typeof '.length)) : null;
  }

  private inherits(scope: string, base: string, seen = new Set<string>()): boolean {
    if (scope === base) return true;
    if (seen.has(scope)) return false;
    seen.add(scope);
    return (this.index.scopes.get(scope)?.bases ?? []).some((b) => this.inherits(b, base, seen));
  }

  /**
   * Where a name is declared, searching outwards from its use: a `const`/`let`/`var` (the last
   * one before the use), a class, or a parameter of an enclosing function.
   */
  private declaration(use: SyntaxNode): { kind: 'value' | 'class' | 'function' | 'param'; node: SyntaxNode; position: number } | null {
    const name = this.text(use);
    for (let scope = use.parent; scope; scope = scope.parent) {
      if (FUNCTIONS.has(scope.name)) {
        const params = scope.getChild('ParamList');
        let position = 0;
        for (let p = params?.firstChild ?? null; p; p = p.nextSibling) {
          if (p.name === 'VariableDefinition' && this.text(p) === name) return { kind: 'param', node: scope, position };
          if (p.name === ',') position++;
        }
      }
      if (!SCOPES.has(scope.name)) continue;
      let found: { kind: 'value' | 'class' | 'function'; node: SyntaxNode; position: number } | null = null;
      for (let statement = scope.firstChild; statement; statement = statement.nextSibling) {
        if (statement.from > use.from && found) break;
        // The statement's kind first: looking a child up costs a cursor, and most statements are not declarations.
        if (statement.name === 'ClassDeclaration' || statement.name === 'FunctionDeclaration') {
          const named = statement.getChild('VariableDefinition');
          if (named && this.text(named) === name)
            found = { kind: statement.name === 'ClassDeclaration' ? 'class' : 'function', node: statement, position: 0 };
        } else if (statement.name === 'VariableDeclaration') {
          for (let d = statement.firstChild; d; d = d.nextSibling) {
            if (d.name !== 'VariableDefinition' || this.text(d) !== name) continue;
            const value = d.nextSibling?.name === 'Equals' ? d.nextSibling.nextSibling : null;
            // `const x = x.` is being typed: its own value says nothing yet.
            if (value && !(value.from <= use.from && use.to <= value.to)) found = { kind: 'value', node: value, position: 0 };
          }
        }
      }
      if (found) return found;
    }
    return null;
  }
}

/** The argument index at `pos` in an argument list: the commas before it. */
export function argumentIndex(args: SyntaxNode, pos: number): number {
  let index = 0;
  for (let c = args.firstChild; c && c.from < pos; c = c.nextSibling) if (c.name === ',') index++;
  return index;
}

/** Calls `visit` on every node under `node`. */
function walk(node: SyntaxNode, visit: (node: SyntaxNode) => void): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    visit(child);
    walk(child, visit);
  }
}

/** The first child after the child named `name`: `extends X` gives X. */
function childAfter(node: SyntaxNode, name: string): SyntaxNode | null {
  return node.getChild(name)?.nextSibling ?? null;
}

/** The children after each child named `name`: a conditional's two branches (`? a : b`). */
function childrenAfter(node: SyntaxNode, name: string): SyntaxNode[] {
  return node.getChildren(name).flatMap((c) => (c.nextSibling ? [c.nextSibling] : []));
}
