/** Console lines, errors, the end-of-run footer and the "more not shown" line. */
import type { Lang } from '../../i18n/locales';
import type { ErrorData, FromWorker, LogLevel } from '../protocol';
import { h } from './dom';
import { translator } from '../../i18n/translate';

export type DoneData = Pick<
  Extract<FromWorker, { type: 'done' }>,
  'ok' | 'durationMs' | 'leakedTensors' | 'leakedVariables' | 'optimizerTensors' | 'optimizerVariables' | 'layerVariables' | 'backend'
>;

/** V8's words when an allocation is refused (a tensor or array too large for the browser). */
const OUT_OF_MEMORY = /allocation failed|invalid (typed )?array length|out of memory|array buffer/i;

const LEVEL_KEYS = { info: 'output.logInfo', warn: 'output.logWarn', error: 'output.logError' } as const;

/** One console line; warnings and errors carry a word, not just a colour. */
export function renderLog(level: LogLevel, text: string, lang: Lang = 'en'): HTMLElement {
  const tag = level === 'log' ? null : h('span', { class: 'out-badge' }, translator(lang).t(LEVEL_KEYS[level]));
  return h('div', { class: 'out-log', 'data-log': true, 'data-level': level }, tag, tag && ' ', h('span', { class: 'out-log-text' }, text));
}

/**
 * What the worker's security policy refused, in a sentence (shown and announced alike). The
 * browser names a refused `data:` or `blob:` URL by its scheme alone ("data").
 */
export function blockedText(directive: string, url: string, lang: Lang): string {
  const what = /^[a-z][a-z0-9+.-]*$/i.test(url) ? translator(lang).t('output.blockedScheme', { scheme: url }) : url;
  return translator(lang).t('output.blockedText', { directive, url: what });
}

/** A request the worker's security policy refused, said plainly (the browser only says "Failed to fetch"). */
export function renderBlocked(directive: string, url: string, lang: Lang = 'en'): HTMLElement {
  return h(
    'div',
    { class: 'out-log', 'data-blocked': true, 'data-level': 'warn' },
    h('span', { class: 'out-badge' }, translator(lang).t('output.blocked')),
    ' ',
    h('span', { class: 'out-log-text' }, blockedText(directive, url, lang)),
  );
}

/**
 * An error with its name, message (tfjs' own wording, as text) and place in the
 * reader's code. An expected error is the lesson of the snippet, not a breakage.
 */
export function renderError(error: ErrorData, lang: Lang, opts: { expected: boolean }): HTMLElement {
  const root = h('div', {
    class: 'out-error',
    'data-error': true,
    'data-line': error.location?.line ?? null,
    'data-column': error.location?.column ?? null,
    'data-expected': String(opts.expected),
    'data-origin': error.origin,
  });
  // A thrown non-Error has no class: the page names it. Otherwise the name is the error's class, as code.
  const name = error.name === 'Thrown' ? translator(lang).t('output.thrown') : h('code', {}, error.name);
  root.append(
    h(
      'p',
      { class: 'out-error-title' },
      h('span', { class: 'out-badge' }, translator(lang).t(opts.expected ? 'output.expectedError' : 'output.error')),
      ' ',
      h('strong', { class: 'out-error-name' }, name),
      error.location && ' · ',
      error.location && h('span', { class: 'out-error-location' }, translator(lang).t('output.location', { ...error.location })),
    ),
    h('pre', { class: 'out-error-message' }, error.message),
  );
  if (error.origin === 'async') root.append(h('p', { class: 'out-note' }, translator(lang).t('output.asyncError')));
  if (error.name === 'RangeError' && OUT_OF_MEMORY.test(error.message)) {
    root.append(h('p', { class: 'out-note', 'data-out-of-memory': true }, translator(lang).t('output.memoryHint')));
  }
  if (opts.expected) root.append(h('p', { class: 'out-note' }, translator(lang).t('output.expectedNote')));
  return root;
}

/**
 * What the tensors left after a run are: layer weights, an optimizer's state, variables that
 * no layer owns (a `tf.variable` a Lambda captures), or other tensors, which may be a leak.
 */
function leakBreakdown(done: DoneData): { weights: number; optimizer: number; unowned: number; other: number } {
  const weights = done.layerVariables;
  const optimizer = done.optimizerTensors;
  const unowned = Math.max(0, done.leakedVariables - weights - done.optimizerVariables);
  return { weights, optimizer, unowned, other: Math.max(0, done.leakedTensors - weights - optimizer - unowned) };
}

/**
 * The backend (and the duration, for a live run), and the tensors left allocated (the number
 * alone in [data-leaked-tensors]) told apart: layer weights and an optimizer's state stay on
 * purpose; only the other tensors may be a leak.
 */
export function renderDone(done: DoneData, lang: Lang, options: { duration: boolean } = { duration: true }): HTMLElement {
  const count = h('span', { 'data-leaked-tensors': true }, String(done.leakedTensors));
  const { nodes, pluralKey } = translator(lang);
  const sentence = nodes(pluralKey('output.leaked', done.leakedTensors), { n: count });
  const leak = h('p', { class: 'out-leak' }, ...sentence);
  const { weights, optimizer, unowned, other } = leakBreakdown(done);
  const parts: string[] = [];
  if (weights > 0) parts.push(translator(lang).plural('output.leakedWeights', weights));
  if (unowned > 0) parts.push(translator(lang).plural('output.leakedUnowned', unowned));
  if (optimizer > 0) parts.push(translator(lang).plural('output.leakedOptimizer', optimizer));
  if (parts.length > 0) leak.append(' ', translator(lang).t('output.leakedOf', { parts: parts.join(', ') }));
  const ran = options.duration
    ? h(
        'p',
        {},
        translator(lang).t('output.ran', {
          duration: translator(lang).duration(done.durationMs),
          backend: translator(lang).t(`snippet.backendName.${done.backend}`),
        }),
      )
    : null;
  const footer = h('footer', { class: 'out-done', 'data-done': true, 'data-ok': String(done.ok) }, ran, leak);
  if (unowned > 0) footer.append(h('p', { class: 'out-note', 'data-unowned-note': true }, translator(lang).t('output.unownedNote')));
  if (optimizer > 0) footer.append(h('p', { class: 'out-note', 'data-optimizer-note': true }, translator(lang).t('output.optimizerNote')));
  if (other > 0) footer.append(h('p', { class: 'out-note', 'data-leak-hint': true }, translator(lang).t('output.leakHint')));
  return footer;
}

/** Output beyond the caps: "… N more lines not shown". */
export function renderDropped(shows: number, logs: number, lang: Lang): HTMLElement {
  const p = h('p', { class: 'out-more', 'data-dropped': true });
  if (shows > 0) p.append(h('span', { 'data-dropped-shows': shows }, translator(lang).plural('output.droppedShows', shows)));
  if (shows > 0 && logs > 0) p.append(' · ');
  if (logs > 0) p.append(h('span', { 'data-dropped-logs': logs }, translator(lang).plural('output.droppedLines', logs)));
  return p;
}
