/**
 * Syntax errors as the reader types: the first error the editor's parser finds, on its line,
 * worded in the page's language; and none in the code the guide itself shows.
 */
import { javascript } from '@codemirror/lang-javascript';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/locales';
import { assistSay } from '../../src/snippet/editor/labels';
import { findProblem, problemText } from '../../src/snippet/editor/syntax';
import { readSnippet, snippetIds } from '../../src/collection/files';

const problem = (code: string, lang: 'en' | 'fr' = 'en') =>
  findProblem(EditorState.create({ doc: code, extensions: [javascript()] }), assistSay(lang));

describe('syntax errors while typing', () => {
  it('marks `const x = ;` on line 1, at the token the parser did not expect', () => {
    const found = problem('const x = ;\nshow(1);')!;
    expect(found).toMatchObject({ line: 1, from: 10, to: 11, message: 'Unexpected “;”' });
    expect(problemText(found, assistSay('en'))).toBe('Syntax error on line 1: Unexpected “;”');
  });

  it('says it in French on a French page', () => {
    const found = problem('show(1);\nconst x = ;', 'fr')!;
    expect(found.line).toBe(2);
    expect(problemText(found, assistSay('fr'))).toBe('Erreur de syntaxe à la ligne 2\u00a0: «\u00a0;\u00a0» inattendu');
  });

  it('reports code that stops too early', () => {
    expect(problem('show(tf.tensor([1, 2]')?.message).toBe('Unexpected end of the code');
  });

  it('finds nothing wrong in valid code: top-level await, return, classes', () => {
    expect(
      problem(
        'const m = tf.sequential();\nawait m.fit(x, y);\nif (m) return;\nclass A extends tf.layers.Layer { static className = "A"; }',
      ),
    ).toBeNull();
  });

  it('finds nothing wrong in any snippet the guide shows, in either language', () => {
    for (const id of snippetIds()) {
      for (const lang of LANGS) {
        const { code } = readSnippet(id, lang);
        expect(problem(code, lang), `${id} (${lang})`).toBeNull();
      }
    }
  });
});
