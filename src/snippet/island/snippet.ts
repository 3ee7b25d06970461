/**
 * One live snippet: wires the toolbar, runs the code, keeps edits, and shows what its runs
 * produce. The editor (CodeMirror, most of the island's weight) is a chunk of its own, and
 * replaces the static code in place, keeping what the reader typed meanwhile. A Run clicked
 * at once runs the static code and brings the editor only once the run has ended: loading
 * the editor during the run would take the main thread, and one of a phone's few cores, from
 * the worker that is starting tfjs (on two cores, about a third longer). Any other intent
 * (pointer, focus or key in the code, another button) brings it at once. Page-wide pieces
 * (worker pool, backend choice, share links, other tabs) come from ./index.ts.
 */
import type { EditorView } from '@codemirror/view';
import type { Lang } from '../../i18n/locales';
import { actionOf, readRoot, SELECTORS, setLoadFailed, type Action, type Boot, type Note } from '../markup';
import type { BackendName, ErrorData, RunEvent } from '../protocol';
import { DEFAULT_BACKEND, parseBackend } from '../../tfjs/backends';
import { SnippetRunner, type RunSink } from '../runtime/runner';
import { StartError, type WorkerPool } from '../runtime/pool';
import { encodeCode, shareUrl, SHARE_MAX_BYTES } from '../share';
import { isBusy, type SnippetState, type Verdict } from '../state';
import { showStatic } from '../static-code';
import { createSaver, editKey, saveEdit, type Saver } from '../storage';
import { h } from '../render/dom';
import { copyText } from './clipboard';
import { OutputView } from './output';
import { StatusLine } from './status';
import { takeOver } from './take-over';
import { translator, type Translator } from '../../i18n/translate';
import { mark } from '../marks';

type Editor = typeof import('../editor/index');

/** What every snippet on the page shares. */
export interface PageContext {
  pool: WorkerPool;
  storage: Storage | null;
  page: string;
  backend(): BackendName;
  setBackend(backend: BackendName): void;
}

export class SnippetIsland implements RunSink {
  readonly id: string;
  readonly key: string;
  readonly root: HTMLElement;
  private readonly lang: Lang;
  private readonly say: Translator['t'];
  private readonly original: string;
  private readonly boot: Boot;
  /** The editor, once mounted; until then the static block holds the code (editable since the intent). */
  private view: EditorView | null = null;
  private editor: Promise<EditorView> | null = null;
  /** The editor's module, there when `view` is. */
  private tools: Editor | null = null;
  /** The line of the last run's error, marked in the editor once it mounts. */
  private errorLine: number | null = null;
  private readonly saver: Saver;
  private readonly runner: SnippetRunner;
  private readonly output: OutputView;
  private readonly status: StatusLine;
  /** The code of the run under way, to tell whether an error's line still means anything. */
  private runCode: string | null = null;
  private verdictShown: { cancelled: boolean } | null = null;
  /** The static block as the build highlighted it, while it still shows the original (Reset without an editor puts it back). */
  private readonly pristine: Node | null;
  /** Code loaded from a link is shown, not saved, until the reader edits it. */
  private fromLink = false;
  private loadingLink = false;
  /** Code from a share link, waiting for the editor. */
  private shared: string | null = null;

  constructor(
    boot: Boot,
    private readonly ctx: PageContext,
  ) {
    const root = (this.root = boot.root);
    this.boot = boot;
    const settings = readRoot(root);
    this.id = settings.id;
    this.lang = settings.lang;
    this.say = translator(this.lang).t;
    this.original = boot.original;
    this.pristine = boot.pre.textContent === boot.original ? boot.pre.cloneNode(true) : null;
    this.key = editKey(ctx.page, this.id, settings.hash);
    this.status = new StatusLine(root, this.say, this.lang, () => (this.view ?? boot.pre).focus());
    this.saver = createSaver({
      storage: ctx.storage,
      key: this.key,
      original: this.original,
      onFailure: () => this.status.note('storage', 'warn', this.say('snippet.storageFailed')),
    });
    const { expectError } = settings;
    this.output = new OutputView(root.querySelector<HTMLElement>(SELECTORS.output)!, this.lang, expectError);
    this.runner = new SnippetRunner({
      pool: ctx.pool,
      sink: this,
      // Read at each run: the attribute is the snippet's `@timeout`, and stays the one source.
      timeoutMs: () => readRoot(root).timeoutMs,
      expectError,
    });

    this.status.setEdited(this.code() !== this.original);
    this.wire();
  }

  /**
   * Mounts the editor in place of the static code (once), when no pointer is held on the block
   * and no IME composition runs there, so that swapping loses nothing the reader does. If its
   * chunk does not arrive (the connection dropped since the island loaded), the snippet says so
   * and the next intent asks again (Chromium fetches it again; Firefox and WebKit keep the failed
   * module and fail at once, so the note's advice, reload, is what works there: e2e/engines).
   * Run keeps working on the static code meanwhile.
   */
  private mountEditor(): Promise<EditorView> {
    this.editor ??= Promise.all([this.loadEditor(), this.boot.settled()]).then(([editor]) => this.swapIn(editor));
    return this.editor;
  }

  private loadEditor(): Promise<Editor> {
    return import('../editor/index').then(
      (editor) => {
        mark('editor-loaded');
        return editor;
      },
      (error: unknown) => {
        this.editor = null;
        setLoadFailed(this.root, 'editor');
        throw new EditorUnavailable(String(error), { cause: error });
      },
    );
  }

  /** Mounts the editor without waiting for it. A chunk that did not arrive is shown by the snippet; anything else is a bug, reported. */
  bringEditor(): void {
    this.mountEditor().catch((error: unknown) => {
      if (!(error instanceof EditorUnavailable)) reportError(error);
    });
  }

  /** Puts the editor in place of the static code, with what the reader did there meanwhile. */
  private swapIn(editor: Editor): EditorView {
    const { boot } = this;
    const start = takeOver(boot);
    const view = editor.createEditor({
      doc: boot.code,
      lang: this.lang,
      cursor: start.typed ? 0 : start.cursor,
      label: this.say('snippet.editorLabel'),
      describedBy: this.root.querySelector(SELECTORS.hint)?.id ?? '',
      onRun: () => this.act('run'),
      onChange: () => this.changed(),
    });
    // Same height as the static code, swapped in one DOM operation: inserting the editor
    // first would let the browser's scroll anchoring shift the page by the block's height.
    view.dom.style.minHeight = `${boot.pre.offsetHeight}px`;
    boot.pre.replaceWith(view.dom);
    this.tools = editor;
    this.view = view;
    // Typing that reached the static code becomes an ordinary, undoable edit.
    if (start.typed) view.dispatch({ changes: start.typed, selection: { anchor: start.cursor }, userEvent: 'input.type' });
    if (start.focused) view.focus();
    if (this.errorLine !== null && this.runCode === this.code()) editor.markErrorLine(view, this.errorLine);
    this.status.setEdited(this.code() !== this.original);
    setLoadFailed(this.root, null);
    mark('editor');
    this.applyShared(view, editor);
    return view;
  }

  code(): string {
    return this.view ? this.view.state.doc.toString() : (this.boot.pre.textContent ?? '');
  }

  /** A toolbar action, from a button, a key, or queued before the island loaded. */
  act(action: Action): void {
    if (action === 'run') void this.runner.run((this.runCode = this.code()), this.ctx.backend());
    else if (action === 'stop') this.runner.stop();
    else if (action === 'reset') void this.reset();
    else if (action === 'copy') void this.copy();
    else void this.share();
  }

  /**
   * Shows code from a share link in the editor, now or once it is in (a chunk that failed comes
   * at the next intent); it never runs until the reader presses Run.
   */
  loadShared(code: string): void {
    this.shared = code;
    if (this.view) this.applyShared(this.view, this.tools!);
    else this.bringEditor();
  }

  private applyShared(view: EditorView, tools: Editor): void {
    if (this.shared === null) return;
    this.loadingLink = true;
    tools.replaceCode(view, this.shared);
    this.loadingLink = false;
    this.shared = null;
    this.fromLink = true;
    this.status.note('shared', 'info', this.say('snippet.sharedLoaded'));
  }

  note(key: Note, text: string): void {
    this.status.note(key, 'error', text);
  }

  /** Another tab saved this snippet: say so, and let the reader pick (last save wins meanwhile). */
  savedElsewhere(code: string | null): void {
    const theirs = code ?? this.original;
    if (theirs === this.code()) return;
    this.status.note('other-tab', 'warn', this.say('snippet.otherTab'), [
      { label: this.say('snippet.otherTabLoad'), run: () => void this.withEditor((view, tools) => tools.replaceCode(view, theirs)) },
      { label: this.say('snippet.otherTabKeep'), run: () => this.saveNow() },
    ]);
  }

  /** Writes a pending edit now (the page is being hidden or left). */
  flush(): void {
    this.saver.flush();
  }

  // --- RunSink -------------------------------------------------------------

  begin(): void {
    this.output.clear();
    if (this.verdictShown) this.verdictShown.cancelled = true;
    this.markError(null);
  }

  state(state: SnippetState): void {
    // "done" means everything is on screen, laid out as it stays: it waits for the output still
    // queued for painting, and for the area to let go of the height it held during the run.
    if (state === 'done' || state === 'error') this.output.announce(() => this.ended(state));
    else this.status.setState(state);
    if (state === 'stopped') {
      this.output.announce();
      this.bringEditor();
    }
  }

  /** The run's output is on screen: say so, and bring the editor if a Run clicked at once left it for now. */
  private ended(state: SnippetState): void {
    this.status.setState(state);
    this.bringEditor();
  }

  message(message: RunEvent): void {
    this.output.push(message);
    if (message.type === 'done') this.status.setRunInfo(message.backend, message.durationMs);
    if (message.type === 'error' && message.error.location && this.runCode === this.code()) {
      this.markError(message.error.location.line);
    }
  }

  stopped(reason: 'user' | 'timeout', detail: { limitMs: number; elapsedMs: number }): void {
    const text =
      reason === 'user'
        ? this.say('snippet.stoppedByUser')
        : this.say('snippet.timedOut', { seconds: translator(this.lang).duration(detail.limitMs) });
    this.output.noteForSummary(text);
    this.output.note(() => h('p', { class: 'snippet__stopped', 'data-stopped': reason }, text));
  }

  failedToStart(error: Error): void {
    // Only a failure to start names its cause; a download that failed is the connection's, or a blocker's.
    const text =
      error instanceof StartError && error.stage === 'init'
        ? this.say('snippet.startFailed', { message: error.detail })
        : this.say('snippet.startUnreachable');
    this.output.noteForSummary(text);
    this.output.error(pageError(text));
  }

  lost(detail: { message: string | null }): void {
    const text = this.say('snippet.workerLost', { detail: detail.message ? ` (${detail.message})` : '' });
    this.output.noteForSummary(text);
    this.output.note(() => h('p', { class: 'snippet__stopped', 'data-stopped': 'lost' }, text));
  }

  verdict(verdict: Verdict): void {
    if (this.verdictShown) this.verdictShown.cancelled = true;
    if (verdict.state !== 'error' || verdict.reason === 'failed') return;
    const shown = (this.verdictShown = { cancelled: false });
    const text = this.say(verdict.reason === 'did-not-fail' ? 'snippet.didNotFail' : 'snippet.wrongError', {
      expected: verdict.expected,
    });
    this.output.noteForSummary(text);
    this.output.error(pageError(text), () => !shown.cancelled);
  }

  // --- private -------------------------------------------------------------

  /** Marks the error's line in the editor, now or when it mounts (null: no line). */
  private markError(line: number | null): void {
    this.errorLine = line;
    if (this.view) this.tools!.markErrorLine(this.view, line);
  }

  /** Runs `act` on the editor, mounting it first if need be (an editor that cannot load is shown as such). */
  private async withEditor(act: (view: EditorView, tools: Editor) => void): Promise<void> {
    const view = await this.mountEditor().catch(() => null);
    if (view) act(view, this.tools!);
  }

  private wire(): void {
    // The reader turns to the code itself: the editor comes now. Ctrl+Enter runs meanwhile.
    const { pre } = this.boot;
    for (const type of ['pointerdown', 'focusin'] as const) pre.addEventListener(type, () => this.bringEditor());
    // Typing into the static code, while the editor is missing, is an edit too: shown and saved as one.
    pre.addEventListener('input', () => {
      if (!this.view) this.changed();
    });
    pre.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.act('run');
      }
      this.bringEditor();
    });
    for (const button of this.root.querySelectorAll<HTMLButtonElement>(SELECTORS.action)) {
      const action = actionOf(button);
      button.addEventListener('click', () => {
        if (action && button.getAttribute('aria-disabled') !== 'true') this.act(action);
      });
    }
    const select = this.root.querySelector<HTMLSelectElement>(SELECTORS.backend);
    if (!select) return;
    const chosen = (): BackendName => parseBackend(select.value) ?? DEFAULT_BACKEND;
    // A choice made before the island loaded counts too.
    if (chosen() !== this.ctx.backend()) this.ctx.setBackend(chosen());
    select.addEventListener('change', () => this.ctx.setBackend(chosen()));
  }

  private changed(): void {
    const code = this.code();
    if (this.view) this.view.dom.style.minHeight = '';
    this.status.setEdited(code !== this.original);
    if (this.loadingLink) return;
    if (this.fromLink) {
      // The reader made the shared code theirs: save it, and drop the link so a reload shows their version.
      this.fromLink = false;
      history.replaceState(history.state, '', `#${this.root.id}`);
      this.status.clearNote('shared');
    }
    this.saver.schedule(code);
  }

  private saveNow(): void {
    this.saver.cancel();
    if (!saveEdit(this.ctx.storage, this.key, this.code(), this.original)) {
      this.status.note('storage', 'warn', this.say('snippet.storageFailed'));
    }
  }

  /**
   * Back to the page as it was: the original code, in one undoable step (Ctrl+Z brings the edit
   * back, so nothing is asked), and the output rendered at build time; a run under way stops.
   */
  private async reset(): Promise<void> {
    const view = await this.mountEditor().catch(() => null);
    const codeChanged = this.code() !== this.original;
    if (isBusy(this.runner.state)) this.runner.stop();
    if (codeChanged && view) this.tools!.replaceCode(view, this.original);
    else if (codeChanged) this.restoreStatic();
    if (this.output.restoreBuilt()) {
      this.markError(null);
      this.status.setState('idle');
    } else if (!codeChanged) {
      return;
    }
    // Without the editor there is no undo to offer.
    this.status.flash(this.say(view ? 'snippet.resetDone' : 'snippet.resetStatic'));
  }

  /**
   * Without its editor (its chunk did not arrive): the static block shows the original again,
   * highlighted when the build's block was kept, and the saved edit goes. No undo there: the
   * editor's history is what undoes a Reset.
   */
  private restoreStatic(): void {
    const { boot } = this;
    if (this.pristine) boot.pre.replaceChildren(...this.pristine.cloneNode(true).childNodes);
    else showStatic(boot.pre, this.original);
    // The editor, when it comes, starts from the original, with nothing typed to carry over.
    boot.code = boot.shown = this.original;
    this.changed();
  }

  private async copy(): Promise<void> {
    const ok = await copyText(this.code());
    this.status.flash(this.say(ok ? 'snippet.copied' : 'snippet.copyFailed'));
  }

  private async share(): Promise<void> {
    const code = this.code();
    if (new TextEncoder().encode(code).length > SHARE_MAX_BYTES) {
      this.status.note('share', 'error', this.say('snippet.shareTooLong'));
      return;
    }
    const url = encodeCode(code).then((data) => shareUrl(location.href, this.id, data));
    // Started before any await: the clipboard takes the link once it is compressed (see copyText).
    // If compressing fails, so does the copy; the note below says it, and nothing is left unhandled.
    const copied = copyText(url).catch(() => false);
    let href: string;
    try {
      href = await url;
    } catch {
      this.status.note('share', 'error', this.say('snippet.shareFailed'));
      return;
    }
    const link = h('a', { href, class: 'snippet__share-url', 'data-share-url': true }, href);
    this.status.note('share', 'info', this.say((await copied) ? 'snippet.shareCopied' : 'snippet.shareReady'), [], link);
  }
}

/** An error raised by the page, not the snippet (no line in the reader's code). */
function pageError(message: string): ErrorData {
  return { name: 'Error', message, location: null, origin: 'runtime' };
}

/** The editor's chunk did not arrive: the snippet shows its load-failed note. */
class EditorUnavailable extends Error {}
