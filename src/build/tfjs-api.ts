/**
 * Generates the editor's tfjs API index (src/snippet/editor/api.ts) at build time, with the
 * TypeScript compiler API, from the type definitions and doc comments of the installed tfjs
 * packages and of the snippet scope (src/snippet/scope.ts: `tf`, `show`, `console`, the site's
 * `Lambda`). Nothing is listed by hand: upgrading tfjs updates what the editor offers.
 *
 * Of tfjs' namespaces it keeps what the official reference documents (a `@doc` tag), and what
 * the guide's own snippets use beyond it (`tf.io.fromMemory`): the rest is tfjs' plumbing
 * (kernel registries, deprecated variants), which would weigh on every reader for none.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT_SCOPE } from '../snippet/editor/api';
import { pack, prune } from './tfjs-api-pack';
import { Walker } from './tfjs-api-walker';

/** The API index of the snippet scope, read from the project at `root`, in its stored form (src/snippet/editor/api-format.ts). */
export function buildApiIndex(root: string): string {
  const core = join(root, 'node_modules/@tensorflow/tfjs-core');
  const entry = join(root, 'src/snippet/scope.ts');
  const program = ts.createProgram([entry, ...opFiles(join(core, 'dist/ops'))], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  // A type that does not resolve would quietly make `tf` a constant of type any: fail the build instead.
  const errors = ts.getPreEmitDiagnostics(program, program.getSourceFile(entry));
  if (errors.length > 0)
    throw new Error(`tfjs API index: ${entry} does not type-check: ${ts.flattenDiagnosticMessageText(errors[0]!.messageText, '\n')}`);
  const walker = new Walker(program.getTypeChecker(), program, usedInSnippets(join(root, 'content/snippets')));
  walker.collectExports(walker.checker.getSymbolAtLocation(program.getSourceFile(join(root, 'src/tfjs/tf.ts'))!)!);
  const scopeModule = walker.checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const snippetScope = walker.checker.getExportsOfModule(scopeModule).find((s) => s.name === 'SnippetScope')!;
  walker.namespaceScope(ROOT_SCOPE, walker.checker.getDeclaredTypeOfSymbol(snippetScope).getProperties(), null);
  walker.drain();
  prune(walker.scopes, walker.listed);
  const version = (JSON.parse(readFileSync(join(core, 'package.json'), 'utf8')) as { version: string }).version;
  return pack(walker.scopes, version);
}

/** Every dotted name from `tf` that the guide's snippets write: 'tf.io', 'tf.io.fromMemory' … */
function usedInSnippets(dir: string): Set<string> {
  const used = new Set<string>();
  for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')) : []) {
    for (const [chain] of readFileSync(join(dir, file), 'utf8').matchAll(/\btf(?:\s*\.\s*[A-Za-z_$][\w$]*)+/g)) {
      const names = chain.split('.').map((n) => n.trim());
      for (let i = 2; i <= names.length; i++) used.add(names.slice(0, i).join('.'));
    }
  }
  return used;
}

/** The op modules of tfjs-core: their `name_` functions carry the docs of namespaced ops (`tf.losses.*`). */
function opFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && f.name.endsWith('.d.ts') && !f.name.endsWith('_test.d.ts'))
    .map((f) => join(f.parentPath, f.name));
}
