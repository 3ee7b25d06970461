/**
 * Syntax colours for the editor as token classes shared with the static code
 * (src/markdown/code-tokens.ts): the colours are CSS variables, so light and dark follow
 * the site theme with no JavaScript, and the swap from static code to editor
 * keeps every token's colour.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { tags as t } from '@lezer/highlight';
import { TOKEN } from '../../markdown/code-tokens';

const snippetHighlightStyle = HighlightStyle.define([
  { tag: [t.comment, t.lineComment, t.blockComment], class: TOKEN.comment },
  {
    tag: [
      t.keyword,
      t.controlKeyword,
      t.definitionKeyword,
      t.moduleKeyword,
      t.operatorKeyword,
      t.modifier,
      t.arithmeticOperator,
      t.logicOperator,
      t.bitwiseOperator,
      t.compareOperator,
      t.updateOperator,
      t.definitionOperator,
      t.function(t.punctuation),
    ],
    class: TOKEN.keyword,
  },
  { tag: [t.number, t.bool, t.null, t.self, t.atom, t.definition(t.variableName)], class: TOKEN.constant },
  {
    tag: [
      t.function(t.variableName),
      t.function(t.propertyName),
      t.function(t.definition(t.variableName)),
      t.className,
      t.definition(t.className),
      t.typeName,
    ],
    class: TOKEN.entity,
  },
  { tag: [t.definition(t.propertyName)], class: TOKEN.variable },
  { tag: [t.string, t.special(t.string), t.regexp, t.escape], class: TOKEN.string },
  { tag: t.invalid, class: TOKEN.invalid },
]);

/** Highlighting with the site's token classes. */
export function snippetHighlighting(): Extension {
  return syntaxHighlighting(snippetHighlightStyle);
}
