// The baseline the benchmark measures the editor's typing against: CodeMirror as it ships, with
// nothing of the site's (no gutter, no help, no keymaps, the grammar with its default buffers),
// bundled and minified like the site's editor, on a page of its own. What a keystroke costs
// CodeMirror itself on a machine: the site's editor adds to that, and also saves on it (the
// grammar's smaller buffers, typed characters taken from `beforeinput`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ENTRY = `
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { LanguageSupport, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { javascriptLanguage } from '@codemirror/lang-javascript';
new EditorView({
  state: EditorState.create({ extensions: [new LanguageSupport(javascriptLanguage), syntaxHighlighting(defaultHighlightStyle)] }),
  parent: document.getElementById('editor'),
});
`;

/**
 * Writes the page into `dir`, at the playground's path and with its markup hooks (the
 * `[data-snippet="playground"]` root, a `pre`, the editor in it), so that the typing script
 * drives it exactly as it drives the site; returns `dir`.
 */
export async function writeCodeMirrorAlonePage(dir) {
  const page = join(dir, 'en', 'playground');
  mkdirSync(page, { recursive: true });
  await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    outfile: join(dir, 'editor.js'),
    logLevel: 'silent',
  });
  writeFileSync(
    join(page, 'index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>CodeMirror alone</title>
<style>body { max-width: 48rem; margin: 2rem auto; font: 16px/1.5 sans-serif } .cm-editor { font-size: 14px }</style>
<main data-snippet="playground"><pre>CodeMirror alone</pre><div id="editor"></div></main>
<script type="module" src="/editor.js"></script>`,
  );
  return dir;
}
