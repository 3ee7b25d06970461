/**
 * What a screen reader hears when a run ends: one short paragraph (how many results and what
 * they are, by shape, not value by value; the console in a word; the error; the leak count).
 * The detailed output sits in an `aria-live="off"` container, so a 12x12 matrix or 500 console
 * lines are there to be explored, never read out unasked.
 */
import type { Lang } from '../../i18n/locales';
import type { RunEvent } from '../protocol';

import { blockedText } from '../render/messages';
import { summarize } from '../render/summary';
import { matchesExpected } from '../state';
import { translator } from '../../i18n/translate';

/** Results described one by one; the rest are counted. */
const LISTED = 3;
const MAX_TEXT = 120;

export class RunAnnouncer {
  private results: string[] = [];
  private resultCount = 0;
  private logCount = 0;
  private firstLog = '';
  private droppedShows = 0;
  private droppedLogs = 0;
  private errors: string[] = [];
  private fit: string | null = null;
  private leaked: string | null = null;
  private notes: string[] = [];
  private blocked: string | null = null;

  constructor(
    private readonly lang: Lang,
    private readonly expectError: string | null,
  ) {}

  reset(): void {
    this.results = [];
    this.resultCount = 0;
    this.logCount = 0;
    this.firstLog = '';
    this.droppedShows = 0;
    this.droppedLogs = 0;
    this.blocked = null;
    this.errors = [];
    this.fit = null;
    this.leaked = null;
    this.notes = [];
  }

  add(event: RunEvent): void {
    const { lang } = this;
    switch (event.type) {
      case 'show':
        this.resultCount++;
        if (this.results.length < LISTED) this.results.push(summarize({ label: event.label, data: event.data }, lang));
        return;
      case 'log':
        if (this.logCount++ === 0) this.firstLog = event.text;
        return;
      case 'blocked':
        // The first refusal explains the others (and the "Failed to fetch" that follows).
        this.blocked ??= blockedText(event.directive, short(event.url, 80), lang);
        return;
      case 'dropped':
        // Counts so far: the last report holds the totals, on top of what was shown.
        this.droppedShows = event.shows;
        this.droppedLogs = event.logs;
        return;
      case 'fit-epoch': {
        const loss = event.logs.loss;
        this.fit = translator(lang).t('output.announceFit', {
          epoch: event.epoch + 1,
          epochs: event.epochs,
          loss: loss === undefined ? '?' : translator(lang).number(loss),
        });
        return;
      }
      case 'error': {
        const expected = this.expectError !== null && matchesExpected(event.error, this.expectError);
        const where = event.error.location ? `, ${translator(lang).t('output.announceLine', { line: event.error.location.line })}` : '';
        this.errors.push(
          translator(lang).t('output.announceError', {
            kind: translator(lang).t(expected ? 'output.expectedError' : 'output.error'),
            name: event.error.name === 'Thrown' ? translator(lang).t('output.thrown') : event.error.name,
            message: short(event.error.message),
          }) + where,
        );
        return;
      }
      case 'done':
        this.leaked = event.leakedTensors > 0 ? translator(lang).plural('output.leaked', event.leakedTensors) : null;
        return;
      default:
        return;
    }
  }

  /** A message from the page itself (stopped, time limit, a verdict). */
  note(text: string): void {
    this.notes.push(short(text, 300));
  }

  /** The paragraph to announce now. */
  text(): string {
    const { lang } = this;
    const parts: string[] = [...this.notes, ...(this.blocked ? [this.blocked] : []), ...this.errors];
    const results = this.resultCount + this.droppedShows;
    if (results > 0) {
      const list = [...this.results];
      if (results > this.results.length)
        list.push(translator(lang).t('output.announceMore', { n: translator(lang).count(results - this.results.length) }));
      parts.push(translator(lang).plural('output.announceResults', results, { list: translator(lang).list(list) }));
    }
    const logs = this.logCount + this.droppedLogs;
    if (logs === 1) parts.push(translator(lang).t('output.announceLog', { text: short(this.firstLog) }));
    else if (logs > 1) parts.push(translator(lang).plural('output.announceLogs', logs));
    if (this.fit) parts.push(this.fit);
    if (this.leaked) parts.push(this.leaked);
    if (parts.length === 0) parts.push(translator(lang).t('output.announceNothing'));
    // Each part a sentence: a full stop unless it already ends with one (or ? ! …).
    return parts.map((p) => p.trim().replace(/([^.?!…])$/, '$1.')).join(' ');
  }
}

/** First line of a text, cut to `max` characters: a message is announced, not recited. */
function short(text: string, max = MAX_TEXT): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
