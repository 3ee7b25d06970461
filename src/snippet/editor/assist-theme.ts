/**
 * The look of the editor's help (./assist.ts) in the site's palette: tooltips, the completion
 * list, syntax error marks. A CodeMirror theme rather than a stylesheet, so that it arrives with
 * the help instead of being put in every page; `&.cm-editor` outranks CodeMirror's base theme.
 */
import { EditorView } from '@codemirror/view';

const mono = { fontFamily: 'var(--mono)' };
const underline = { textDecoration: 'underline', textUnderlineOffset: '2px' };

export const assistTheme = EditorView.theme({
  '&.cm-editor .cm-tooltip': {
    maxWidth: 'min(36rem, 90vw)',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius)',
    background: 'var(--bg)',
    color: 'var(--fg)',
    fontFamily: 'var(--sans)',
    fontSize: '0.875rem',
    boxShadow: '0 4px 12px color-mix(in srgb, var(--fg) 15%, transparent)',
  },
  '&.cm-editor .cm-tooltip-autocomplete > ul': { ...mono, maxHeight: '14em' },
  '&.cm-editor .cm-tooltip-autocomplete ul li': { padding: '0.1rem 0.5rem' },
  '&.cm-editor .cm-tooltip-autocomplete ul li[aria-selected]': { background: 'var(--accent)', color: 'var(--bg)' },
  '&.cm-editor .cm-completionKind': { marginLeft: '0.6em', fontFamily: 'var(--sans)', fontSize: '0.8em', opacity: '0.85' },
  '&.cm-editor .cm-completionDetail': {
    ...mono,
    display: 'inline-block',
    maxWidth: '22em',
    marginLeft: '0.6em',
    overflow: 'hidden',
    fontSize: '0.8em',
    fontStyle: 'normal',
    opacity: '0.85',
    textOverflow: 'ellipsis',
    verticalAlign: 'bottom',
    whiteSpace: 'nowrap',
  },
  '&.cm-editor .cm-completionMatchedText': underline,
  '&.cm-editor .cm-tooltip.cm-completionInfo': { padding: '0.5rem 0.75rem' },
  '.cm-tfjs-tooltip, .cm-tfjs-signature-help': { padding: '0.4rem 0.75rem' },
  '.cm-tfjs-signature': { ...mono, display: 'block', fontSize: '0.85em', overflowWrap: 'anywhere' },
  // The current parameter: bold and underlined, not a colour alone.
  '.cm-tfjs-active': { ...underline, fontWeight: '700' },
  '.cm-tfjs-problem': { margin: '0' },
  '.cm-tfjs-kind, .cm-tfjs-doc, .cm-tfjs-more': { margin: '0.3rem 0 0' },
  '.cm-tfjs-kind': { color: 'var(--muted)', fontSize: '0.85em' },
  '.cm-tfjs-doc code': { ...mono, fontSize: '0.9em' },
  '.cm-tfjs-link': { color: 'var(--accent)' },
  '.cm-tfjs-link:focus-visible': { outline: '2px solid var(--accent)', outlineOffset: '2px' },
  // A syntax error found as the reader types: marked as a run's error is (tint, bar, line number), its token underlined.
  '.cm-syntax-error-line': { background: 'color-mix(in srgb, var(--danger) 5%, transparent)', boxShadow: 'inset 3px 0 0 var(--danger)' },
  '.cm-syntax-error-token': { textDecoration: 'underline wavy var(--danger)', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  '&.cm-editor .cm-gutterElement.cm-syntax-error-gutter': { background: 'var(--danger)', color: 'var(--bg)', fontWeight: '700' },
});
