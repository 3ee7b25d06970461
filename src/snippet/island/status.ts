/**
 * The line under a snippet's code (state, backend, duration, "edited") and the
 * notes beside it (shared link, storage refused, another tab). The state is in
 * a status live region, so a screen reader hears "Running…" then "Done".
 */
import type { Lang } from '../../i18n/locales';
import { actionButton, noteSelector, SELECTORS, setEdited, setState, type Note } from '../markup';
import { h } from '../render/dom';
import type { BackendName } from '../protocol';
import { isBusy, type SnippetState } from '../state';
import { translator, type Translator } from '../../i18n/translate';

export type NoteKind = 'info' | 'warn' | 'error';

export interface NoteAction {
  label: string;
  run: () => void;
}

export class StatusLine {
  private readonly state: HTMLElement;
  private readonly runInfo: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly flashed: HTMLElement;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly say: Translator['t'],
    private readonly lang: Lang,
    /** Where focus goes when a note holding it is dismissed (it must not fall to the page). */
    private readonly refocus: () => void,
  ) {
    this.state = root.querySelector<HTMLElement>(SELECTORS.state)!;
    this.runInfo = root.querySelector<HTMLElement>(SELECTORS.runInfo)!;
    this.notes = root.querySelector<HTMLElement>(SELECTORS.notes)!;
    this.flashed = root.querySelector<HTMLElement>(SELECTORS.flash)!;
  }

  /** A short confirmation ("Code copied"), announced, then gone. */
  flash(text: string): void {
    clearTimeout(this.flashTimer);
    this.flashed.textContent = text;
    this.flashTimer = setTimeout(() => (this.flashed.textContent = ''), 5000);
  }

  setState(state: SnippetState): void {
    setState(this.root, state);
    this.state.textContent = this.say(`snippet.state.${state}`);
    if (isBusy(state)) this.runInfo.textContent = '';
    const stop = this.root.querySelector<HTMLElement>(actionButton('stop'));
    stop?.setAttribute('aria-disabled', String(!isBusy(state)));
  }

  /** "on cpu, 42 ms" after a run. */
  setRunInfo(backend: BackendName, durationMs: number): void {
    this.runInfo.textContent = this.say('snippet.ranWith', {
      backend: this.say(`snippet.backendName.${backend}`),
      duration: translator(this.lang).duration(durationMs),
    });
  }

  setEdited(edited: boolean): void {
    setEdited(this.root, edited);
  }

  /**
   * Shows a note (replacing one with the same `key`), with optional buttons.
   * Every note can be dismissed; its text is set as text, never as markup.
   */
  note(key: Note, kind: NoteKind, text: string, actions: NoteAction[] = [], extra?: Node): HTMLElement {
    this.clearNote(key);
    const buttons = [...actions, { label: this.say('snippet.dismiss'), run: () => undefined }].map((action) => {
      const button = h('button', { type: 'button', class: 'snippet__btn snippet__btn--small' }, action.label);
      button.addEventListener('click', () => {
        action.run();
        this.clearNote(key);
        this.refocus();
      });
      return button;
    });
    const note = h(
      'div',
      { class: `snippet__note snippet__note--${kind}`, 'data-note': key, role: kind === 'error' ? 'alert' : 'status' },
      h('p', {}, text),
      extra,
      h('div', { class: 'snippet__note-actions' }, ...buttons),
    );
    this.notes.append(note);
    return note;
  }

  clearNote(key: Note): void {
    for (const note of this.notes.querySelectorAll<HTMLElement>(noteSelector(key))) note.remove();
  }
}
