/**
 * Walks the snippet scope's types with the TypeScript checker and drafts the tfjs API index
 * (./tfjs-api.ts): namespaces, the instance and static sides of classes, interfaces; each member
 * with its kind, first doc sentence, anchor in the official reference, signatures or type.
 */
import ts from 'typescript';
import { ROOT_SCOPE } from '../snippet/editor/api';
import type { DraftMember, DraftScopes } from './tfjs-api-pack';
import { anchors, docTag, docText, firstSentence, genericsOf, givenThrough, paramEntry, typeText, type DocTag } from './tfjs-api-text';

const { SymbolFlags, ModifierFlags } = ts;

type Member = DraftMember;

export class Walker {
  readonly scopes: DraftScopes = {};
  private readonly queue: (() => void)[] = [];
  private readonly requested = new Set<string>();
  /** `losses.meanSquaredError` → the documented `meanSquaredError_`, by the `@doc` namespace. */
  private readonly ops = new Map<string, ts.Symbol>();
  /** Classes the official reference lists: their overrides keep their own entries (and anchors). */
  readonly listed = new Set<string>();
  /** What a snippet can name (`tf.X`, `tf.io.X`): a type tfjs does not export is its own business. */
  private readonly exported = new Set<ts.Symbol>();

  constructor(
    readonly checker: ts.TypeChecker,
    program: ts.Program,
    /** What the guide's snippets use (`tf.io.fromMemory`), kept whether the reference lists it or not. */
    private readonly used: ReadonlySet<string>,
  ) {
    for (const file of program.getSourceFiles()) if (file.fileName.includes('/tfjs-core/dist/ops/')) this.readOps(file);
  }

  /** Everything `module` exports, nested namespaces included, types too. */
  collectExports(module: ts.Symbol): void {
    for (const exported of this.checker.getExportsOfModule(module)) {
      const symbol = this.resolve(exported);
      if (this.exported.has(symbol)) continue;
      this.exported.add(symbol);
      if (symbol.flags & SymbolFlags.ValueModule) this.collectExports(symbol);
    }
  }

  drain(): void {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) next();
  }

  /** A namespace: a module (`tf`, `tf.layers`) or an object of functions (`tf.losses`). */
  namespaceScope(path: string, symbols: ts.Symbol[], ops: string | null): void {
    const members: Record<string, Member> = {};
    for (const exported of symbols) {
      const symbol = this.resolve(exported);
      const name = exported.name;
      if (name.startsWith('_') || !(symbol.flags & SymbolFlags.Value)) continue;
      if (symbol.getJsDocTags(this.checker).some((t) => t.name === 'deprecated')) continue;
      const op = ops !== null ? this.ops.get(`${ops}.${name}`) : undefined;
      const member = op
        ? this.callable(op, name, 'f')
        : this.valueMember(path === ROOT_SCOPE ? name : `${path}.${name}`, name, symbol, 'f');
      // What the reference lists, what the snippets use, namespaces (pruned if empty), and the site's own.
      const kept = member && (member.a || member.k === 'n' || this.used.has(`${path}.${name}`) || !this.isPackaged(symbol));
      if (member && kept) members[name] = member;
    }
    this.scopes[path] = { m: members };
  }

  /** A class's instance side (and its static side, `typeof Name`), or an interface. */
  typeScope(name: string, symbol: ts.Symbol): void {
    const instance: Record<string, Member> = {};
    const statics: Record<string, Member> = {};
    const classTag = docTag(symbol.getJsDocTags(this.checker));
    if (classTag) this.listed.add(name);
    // The class tfjs' chained ops augment (Tensor): its undocumented methods mirror `tf.` ops.
    const chained = symbol.declarations?.some((d) => d.getSourceFile().fileName.includes('/chained_ops/')) ?? false;
    for (const declaration of symbol.declarations ?? []) {
      if (!ts.isClassDeclaration(declaration) && !ts.isInterfaceDeclaration(declaration)) continue;
      for (const node of declaration.members) {
        const flags = ts.getCombinedModifierFlags(node);
        const memberName = node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : null;
        // tfjs marks internal state with a leading or trailing underscore (`_losses`, `trainable_`).
        if (!memberName || /^_|_$/.test(memberName) || flags & ModifierFlags.Private || ts.isSetAccessor(node)) continue;
        const target = flags & ModifierFlags.Static ? statics : instance;
        if (Object.hasOwn(target, memberName) || ts.isConstructorDeclaration(node)) continue;
        const memberSymbol = this.checker.getSymbolAtLocation(node.name!);
        if (!memberSymbol) continue;
        const member = this.classMember(memberSymbol, memberName, name, classTag);
        // Chained ops (`x.matMul(b)`) carry no docs of their own: they share their op's (./tfjs-api-pack.ts).
        if (chained && !member.d && member.k === 'm') member.r = `tf.${memberName}`;
        if (flags & ModifierFlags.Protected) member.p = true;
        target[memberName] = member;
      }
    }
    const bases = this.baseNames(symbol);
    // An interface describes data, written as an object literal: its keys are completed.
    const options = !(symbol.flags & SymbolFlags.Class);
    const hidden = !options && this.isPackaged(symbol) && !this.exported.has(symbol);
    const open =
      symbol.declarations?.some(
        (d) => (ts.isInterfaceDeclaration(d) || ts.isClassDeclaration(d)) && d.members.some(ts.isIndexSignatureDeclaration),
      ) ?? false;
    this.scopes[name] = {
      ...(bases.length > 0 ? { b: bases } : {}),
      m: instance,
      ...(options ? { options } : {}),
      ...(hidden ? { hidden } : {}),
      ...(open ? { open } : {}),
    };
    // Every class's static side is kept; prune() drops those no snippet can reach as a value.
    if (symbol.flags & SymbolFlags.Class) {
      this.scopes[`typeof ${name}`] = {
        ...(bases.length > 0 ? { b: bases.map((b) => `typeof ${b}`) } : {}),
        m: statics,
        ...(hidden ? { hidden } : {}),
      };
    }
  }

  private baseNames(symbol: ts.Symbol): string[] {
    if (!(symbol.flags & (SymbolFlags.Class | SymbolFlags.Interface))) return [];
    const declared = this.checker.getDeclaredTypeOfSymbol(symbol);
    const bases = declared.isClassOrInterface() ? (this.checker.getBaseTypes(declared) ?? []) : [];
    return bases.flatMap((base) => (base.symbol && this.request(base.symbol) ? [base.symbol.name] : []));
  }

  private classMember(symbol: ts.Symbol, name: string, owner: string, classTag: DocTag | null): Member {
    if (symbol.flags & SymbolFlags.Method) {
      const member = this.callable(symbol, name, 'm');
      const tag = this.tagOf(symbol);
      if (tag && classTag) member.a = anchors.method(classTag, owner, name);
      else if (tag?.subclasses[0]) member.a = `tf.${tag.subclasses[0]}.${name}`;
      else if (tag) member.a = anchors.fn(tag, name);
      else delete member.a;
      return member;
    }
    const member = this.valueMember(`${owner}.${name}`, name, symbol, 'm')!;
    if (member.k === 'v') member.k = 'p';
    return member;
  }

  /** A value in a namespace or the snippet scope: a namespace, a class, a function or a constant. */
  private valueMember(path: string, name: string, symbol: ts.Symbol, callable: 'f' | 'm'): Member | null {
    if (symbol.flags & SymbolFlags.ValueModule) {
      this.later(path, () => this.namespaceScope(path, this.checker.getExportsOfModule(symbol), null));
      return { k: 'n', t: path };
    }
    if (symbol.flags & SymbolFlags.Class) return this.classValue(symbol, name, symbol);
    const type = this.checker.getTypeOfSymbol(symbol);
    const typeSymbol = type.getSymbol();
    if (typeSymbol && typeSymbol.flags & SymbolFlags.ValueModule)
      return this.withDoc(this.valueMember(path, name, typeSymbol, callable)!, symbol);
    if (typeSymbol && typeSymbol.flags & SymbolFlags.Class && type.getConstructSignatures().length > 0) {
      // `Lambda: typeof Lambda` is the class; `train: typeof OptimizerConstructors` a namespace of its statics.
      if (typeSymbol.name === name) return this.classValue(typeSymbol, name, symbol);
      this.request(typeSymbol);
      return this.withDoc({ k: 'n', t: `typeof ${typeSymbol.name}` }, symbol);
    }
    if (type.getCallSignatures().length > 0) return this.callable(symbol, name, callable);
    const properties = type.getProperties();
    if (
      typeSymbol &&
      typeSymbol.flags & SymbolFlags.TypeLiteral &&
      properties.length > 0 &&
      properties.every((p) => this.checker.getTypeOfSymbol(p).getCallSignatures().length > 0)
    ) {
      this.later(path, () => this.namespaceScope(path, properties, name));
      return this.withDoc({ k: 'n', t: path }, symbol);
    }
    if (typeSymbol && typeSymbol.flags & SymbolFlags.Interface && this.request(typeSymbol)) {
      return this.withDoc({ k: 'v', t: typeSymbol.name }, symbol);
    }
    return this.withDoc({ k: 'v', t: this.propertyType(symbol, type) }, symbol);
  }

  private classValue(classSymbol: ts.Symbol, name: string, docSymbol: ts.Symbol): Member {
    this.request(classSymbol);
    const tag = this.tagOf(classSymbol);
    const member = this.withDoc(
      { k: 'c', t: classSymbol.name },
      docSymbol.getDocumentationComment(this.checker).length > 0 ? docSymbol : classSymbol,
    );
    const construct = this.checker.getTypeOfSymbol(classSymbol).getConstructSignatures();
    const isAbstract = classSymbol.declarations?.some((d) => ts.getCombinedModifierFlags(d) & ModifierFlags.Abstract);
    const signatures = construct.filter(
      (s) => !s.declaration || !(ts.getCombinedModifierFlags(s.declaration) & (ModifierFlags.Private | ModifierFlags.Protected)),
    );
    if (!isAbstract && signatures.length > 0) member.s = signatures.map((s) => this.signature(s, classSymbol.name));
    if (tag) member.a = anchors.cls(tag, classSymbol.name);
    return member;
  }

  /** A function or method: its signatures, docs, and anchor when the reference lists it. */
  private callable(symbol: ts.Symbol, name: string, kind: 'f' | 'm'): Member {
    const signatures = this.checker.getTypeOfSymbol(symbol).getCallSignatures();
    const first = signatures[0];
    const member: Member = { k: kind, s: signatures.map((s) => this.signature(s, null)) };
    const text = firstSentence(this.docText(symbol, first));
    if (text) member.d = text;
    const tag = docTag(first?.getJsDocTags() ?? []) ?? this.tagOf(symbol);
    if (tag) member.a = anchors.fn(tag, name);
    return member;
  }

  /** `[returns, ...params]`, types written short; referenced tfjs types become scopes. */
  private signature(signature: ts.Signature, constructs: string | null): string[] {
    const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
    const params = (declaration?.parameters ?? []).filter((p) => !(ts.isIdentifier(p.name) && p.name.text === 'this'));
    const generics = genericsOf(declaration, declaration?.parent ? genericsOf(declaration.parent as ts.Declaration) : new Map());
    // `matMul<T extends Tensor>(…): T` returns a Tensor, but `fromConfig<T>(cls: SerializableConstructor<T>): T`
    // an instance of the class passed: a type parameter given through another type stays a name.
    for (const name of generics.keys()) if (params.some((p) => p.type && givenThrough(p.type, name))) generics.set(name, name);
    for (const param of params) if (param.type) this.useTypeNode(param.type);
    if (declaration?.type) this.useTypeNode(declaration.type);
    const returns =
      constructs ?? (declaration?.type ? typeText(declaration.type, generics) : this.checker.typeToString(signature.getReturnType()));
    return [returns, ...params.map((p) => paramEntry(p, generics, this.checker))];
  }

  private propertyType(symbol: ts.Symbol, type: ts.Type): string {
    const node = this.typeNode(symbol);
    if (node) {
      this.useTypeNode(node);
      return typeText(node, new Map());
    }
    return this.checker.typeToString(type);
  }

  private typeNode(symbol: ts.Symbol): ts.TypeNode | undefined {
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!declaration) return undefined;
    if (ts.isGetAccessorDeclaration(declaration)) return declaration.type;
    if (ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration) || ts.isVariableDeclaration(declaration))
      return declaration.type;
    return undefined;
  }

  /** Makes scopes of the tfjs classes and interfaces a type names (aliases such as `Tensor2D` inherit their target). */
  private useTypeNode(node: ts.TypeNode): void {
    const visit = (n: ts.Node): void => {
      if (ts.isTypeReferenceNode(n)) {
        const symbol = this.checker.getSymbolAtLocation(n.typeName);
        if (symbol) this.useSymbol(this.resolve(symbol), n.typeName.getText());
      }
      n.forEachChild(visit);
    };
    visit(node);
  }

  private useSymbol(symbol: ts.Symbol, written: string): void {
    if (symbol.flags & (SymbolFlags.Class | SymbolFlags.Interface)) {
      this.request(symbol);
      return;
    }
    if (!(symbol.flags & SymbolFlags.TypeAlias) || this.requested.has(written) || !this.isTfjs(symbol)) return;
    const target = this.checker.getDeclaredTypeOfSymbol(symbol).getSymbol();
    if (target && target.flags & SymbolFlags.Class && this.request(target)) {
      this.requested.add(written);
      this.scopes[written] = { b: [target.name], m: {} };
    }
  }

  /** Queues a scope for a tfjs (or site) class or interface; false for others (lib types). */
  private request(symbol: ts.Symbol): boolean {
    if (!this.isTfjs(symbol)) return false;
    this.later(symbol.name, () => this.typeScope(symbol.name, symbol));
    return true;
  }

  private later(name: string, emit: () => void): void {
    if (this.requested.has(name)) return;
    this.requested.add(name);
    this.queue.push(emit);
  }

  /** Declared in an installed package rather than in the site's sources. */
  private isPackaged(symbol: ts.Symbol): boolean {
    return (symbol.declarations?.[0]?.getSourceFile().fileName ?? '').includes('/node_modules/');
  }

  private isTfjs(symbol: ts.Symbol): boolean {
    const file = symbol.declarations?.[0]?.getSourceFile().fileName ?? '';
    return file.includes('/@tensorflow/') || (file.includes('/src/') && !file.includes('/node_modules/'));
  }

  private resolve(symbol: ts.Symbol): ts.Symbol {
    return symbol.flags & SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  private tagOf(symbol: ts.Symbol): DocTag | null {
    return docTag(symbol.getJsDocTags(this.checker));
  }

  private docText(symbol: ts.Symbol, signature?: ts.Signature): string {
    return docText(this.checker, symbol, signature);
  }

  private withDoc(member: Member, symbol: ts.Symbol): Member {
    const text = firstSentence(this.docText(symbol));
    if (text) member.d = text;
    const tag = this.tagOf(symbol);
    if (tag && member.k !== 'p') member.a = anchors.fn(tag, symbol.name);
    return member;
  }

  /** `export declare const matMul: typeof matMul_` with the docs on `matMul_`: keyed by `@doc` namespace. */
  private readOps(file: ts.SourceFile): void {
    for (const statement of file.statements) {
      if (!ts.isFunctionDeclaration(statement) || !statement.name?.text.endsWith('_')) continue;
      const symbol = this.checker.getSymbolAtLocation(statement.name);
      const tag = symbol ? this.tagOf(symbol) : null;
      if (symbol && tag?.namespace) this.ops.set(`${tag.namespace}.${statement.name.text.slice(0, -1)}`, symbol);
    }
  }
}
