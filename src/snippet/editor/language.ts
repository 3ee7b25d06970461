/**
 * The editor's JavaScript grammar: CodeMirror's, configured to re-parse less per keystroke.
 *
 * Lezer keeps runs of small nodes in flat buffers (1024 entries by default), which an
 * incremental parse cannot reuse in part, and in a text shorter than four buffers it reuses
 * nothing at all: in a snippet, each keystroke re-parsed much of the code (2 ms of the 8 ms a
 * keystroke takes in a 200-line one, in the benchmark's trace). With buffers of 128, that parse
 * falls to about 0.7 ms; a snippet's larger tree costs nothing measurable.
 */
import { javascriptLanguage } from '@codemirror/lang-javascript';

/**
 * Shares javascriptLanguage's language data, so what is registered for that language (the
 * help's completions) applies here too.
 */
export const snippetLanguage = javascriptLanguage.configure({ bufferLength: 128 });
