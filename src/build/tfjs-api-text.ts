/**
 * Text helpers for the tfjs API index (./tfjs-api.ts): a doc comment and its first sentence, a
 * type written short, and the anchor the official reference gives a symbol.
 */
import ts from 'typescript';

const MAX_DOC = 110;

/** The first sentence of a doc comment, markdown links and code blocks left out, on one line. */
export function firstSentence(doc: string): string {
  const paragraph = (doc.split(/\n\s*\n/).find((p) => p.trim() !== '' && !p.trim().startsWith('```')) ?? '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  // A period ends the sentence unless it closes an abbreviation ("e.g.", "i.e.").
  const end = /(?<!\b(?:e\.g|i\.e|etc|vs|resp))\.(?=\s|$)/.exec(paragraph);
  const sentence = end ? paragraph.slice(0, end.index + 1) : paragraph;
  if (sentence.length <= MAX_DOC) return sentence;
  // Cut at a word, and never inside a `code` span (an odd backtick would open one that never closes).
  let cut = sentence.slice(0, sentence.lastIndexOf(' ', MAX_DOC - 1));
  if ((cut.match(/`/g) ?? []).length % 2 === 1) cut = cut.slice(0, cut.lastIndexOf('`')).trimEnd();
  return `${cut.replace(/[\s,;:(]+$/, '')}…`;
}

/** What tfjs' `@doc {heading, subheading, namespace?, subclasses?}` tag says: the reference lists the symbol. */
export interface DocTag {
  namespace: string | null;
  subclasses: string[];
}

/** Reads the `@doc` tag among a symbol's or signature's JSDoc tags; null when it has none. */
export function docTag(tags: readonly ts.JSDocTagInfo[]): DocTag | null {
  const tag = tags.find((t) => t.name === 'doc');
  if (!tag) return null;
  const text = ts.displayPartsToString(tag.text);
  const namespace = /namespace:\s*'([^']+)'/.exec(text)?.[1] ?? null;
  const subclasses = /subclasses:\s*\[([^\]]*)\]/.exec(text)?.[1]?.match(/[\w$]+/g) ?? [];
  return { namespace, subclasses };
}

/**
 * Anchors as the tfjs website writes them (tensorflow/tfjs-website, build-scripts/doc-gen/util.ts,
 * `linkSymbols`): `#matMul`, `#layers.dense` for functions; `#class:Tensor`, `#class:layers.Layer`
 * for classes; `#tf.LayersModel.fit`, `#tf.layers.Layer.addWeight` for methods.
 */
export const anchors = {
  fn: (tag: DocTag, name: string) => `${tag.namespace ? `${tag.namespace}.` : ''}${name}`,
  cls: (tag: DocTag, name: string) => `class:${tag.namespace ? `${tag.namespace}.` : ''}${name}`,
  method: (classTag: DocTag, className: string, name: string) =>
    `tf.${classTag.namespace ? `${classTag.namespace}.` : ''}${className}.${name}`,
};

/** Type parameters replaced by their constraint: `T extends Tensor` reads `Tensor`. */
export type Generics = ReadonlyMap<string, string>;

const MAX_TYPE = 90;
/** Standard generics whose arguments say what they hold; a tfjs type's arguments (`Tensor<Rank.R2>`) only add noise. */
const KEEP_ARGUMENTS = new Set(['Promise', 'Array', 'Record', 'Map', 'Set', 'Partial', 'Readonly', 'ReadonlyArray']);

/**
 * A type node written short: type arguments dropped (`Tensor<R>` is `Tensor`) except a standard
 * generic's (`Promise<History>`), type parameters replaced by their constraint, whitespace collapsed, long object
 * literal types elided.
 */
export function typeText(node: ts.TypeNode, generics: Generics): string {
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if (generics.has(name)) return generics.get(name)!;
    if (KEEP_ARGUMENTS.has(name) && node.typeArguments) {
      return `${name}<${node.typeArguments.map((a) => typeText(a, generics)).join(', ')}>`;
    }
    return name;
  }
  if (ts.isUnionTypeNode(node)) return node.types.map((t) => typeText(t, generics)).join(' | ');
  if (ts.isArrayTypeNode(node)) {
    const element = typeText(node.elementType, generics);
    return ts.isUnionTypeNode(node.elementType) ? `(${element})[]` : `${element}[]`;
  }
  if (ts.isParenthesizedTypeNode(node)) return `(${typeText(node.type, generics)})`;
  const text = node.getText().replace(/\s+/g, ' ');
  if (ts.isTypeLiteralNode(node) && text.length > MAX_TYPE) return '{…}';
  return text;
}

/** The constraints of a declaration's type parameters, for `typeText`. */
export function genericsOf(declaration: ts.Declaration | undefined, outer: Generics = new Map()): Map<string, string> {
  const map = new Map(outer);
  const params =
    declaration && 'typeParameters' in declaration
      ? (declaration.typeParameters as ts.NodeArray<ts.TypeParameterDeclaration> | undefined)
      : undefined;
  for (const param of params ?? []) {
    map.set(param.name.text, param.constraint ? typeText(param.constraint, map) : 'unknown');
  }
  return map;
}

/** One parameter as the index stores it: `name?: type`, `...name: type`. */
export function paramEntry(param: ts.ParameterDeclaration, generics: Generics, checker: ts.TypeChecker): string {
  const name = ts.isIdentifier(param.name) ? param.name.text : 'args';
  const optional = param.questionToken !== undefined || param.initializer !== undefined;
  const type = param.type ? typeText(param.type, generics) : checker.typeToString(checker.getTypeAtLocation(param));
  return `${param.dotDotDotToken ? '...' : ''}${name}${optional ? '?' : ''}: ${type}`;
}

/** The doc comment, also when a bare `/** @nocollapse *\/` after it hides it from TypeScript (`fromConfig`). */
export function docText(checker: ts.TypeChecker, symbol: ts.Symbol, signature?: ts.Signature): string {
  const direct = ts.displayPartsToString((signature ?? symbol).getDocumentationComment(checker));
  if (direct) return direct;
  for (const declaration of symbol.declarations ?? []) {
    const { text } = declaration.getSourceFile();
    for (const range of ts.getLeadingCommentRanges(text, declaration.pos)?.reverse() ?? []) {
      const body = text.slice(range.pos, range.end);
      // The text before the first tag of a `/** … */` comment.
      const lines = body.startsWith('/**')
        ? body
            .slice(3, -2)
            .split('\n')
            .map((line) => line.replace(/^\s*\* ?/, ''))
        : [];
      const tag = lines.findIndex((line) => line.trimStart().startsWith('@'));
      const doc = lines
        .slice(0, tag < 0 ? undefined : tag)
        .join('\n')
        .trim();
      if (doc) return doc;
    }
  }
  return '';
}

/** Whether the type parameter `name` is an argument of another type in `node` (`SerializableConstructor<T>`, `ScopeFn<T>`). */
export function givenThrough(node: ts.Node, name: string): boolean {
  if (ts.isTypeReferenceNode(node) && node.typeArguments?.some((a) => ts.isTypeReferenceNode(a) && a.typeName.getText() === name))
    return true;
  return node.forEachChild((child) => givenThrough(child, name) || undefined) ?? false;
}
