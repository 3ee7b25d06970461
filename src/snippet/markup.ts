/**
 * The snippet's DOM contract, in one place: the markup Snippet.astro renders at build time,
 * which the bootstrap and the island read in the browser (and the tests and Pagefind select).
 * A leaf module: no DOM access at import; it imports only the language list (and types).
 */
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/locales';
import type { SnippetState } from './state';

/** The toolbar's buttons, in order; `data-action` holds the name. */
export const ACTIONS = ['run', 'stop', 'reset', 'copy', 'share'] as const;
export type Action = (typeof ACTIONS)[number];

/** The selector of one toolbar button. */
export function actionButton(action: Action): string {
  return `[data-action="${action}"]`;
}

/** Where each part of a snippet is, from its root (or from the page, for `root`). */
export const SELECTORS = {
  root: '[data-snippet]',
  /** The static, highlighted code the editor replaces. */
  staticCode: '[data-code] pre',
  action: '[data-action]',
  backend: 'select[data-backend]',
  hint: '[data-hint]',
  state: '[data-status-state]',
  runInfo: '[data-status-run]',
  flash: '[data-status-flash]',
  notes: '[data-notes]',
  output: '[data-output]',
  /** Inside `output`: what a run showed (built at build time, or drawn live). */
  outputItems: '[data-output-items]',
} as const;

/**
 * What did not arrive, as the root's `data-load-failed` says: the island (Run cannot work) or
 * the editor alone (Run works on the static code). Each has its note in the markup.
 */
export const LOAD_FAILURES = ['island', 'editor'] as const;
export type LoadFailure = (typeof LOAD_FAILURES)[number];

/** Shows the note for what did not arrive, or none. */
export function setLoadFailed(root: HTMLElement, failure: LoadFailure | null): void {
  if (failure) root.dataset.loadFailed = failure;
  else delete root.dataset.loadFailed;
}

/** The root's `data-state`, which the CSS styles and the tests wait on. */
export function setState(root: HTMLElement, state: SnippetState): void {
  root.dataset.state = state;
}

export function stateOf(root: HTMLElement): SnippetState | undefined {
  return root.dataset.state as SnippetState | undefined;
}

/** The root's `data-edited`: the code differs from the page's. */
export function setEdited(root: HTMLElement, edited: boolean): void {
  if (edited) root.dataset.edited = '';
  else delete root.dataset.edited;
}

/** The notes beside a snippet, one of each at most; `data-note` holds the name. */
export type Note = 'shared' | 'storage' | 'other-tab' | 'share';

export function noteSelector(note: Note): string {
  return `[data-note="${note}"]`;
}

/** A snippet's time limit when its file sets none (`// @timeout`). */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** A snippet's settings, as its root carries them. */
export interface SnippetRoot {
  id: string;
  lang: Lang;
  /** Hash of the original code: saved edits of another version are not replayed. */
  hash: string;
  timeoutMs: number;
  /** The error text the snippet is meant to fail with, or null. */
  expectError: string | null;
}

/** The root's `data-*` attributes for these settings (rendered by Snippet.astro). */
export function rootAttributes(root: SnippetRoot): Record<string, string | undefined> {
  return {
    'data-snippet': root.id,
    'data-lang': root.lang,
    'data-hash': root.hash,
    'data-timeout': String(root.timeoutMs),
    'data-expect-error': root.expectError ?? undefined,
  };
}

/** What the bootstrap needs of a root (apart, so the first load carries no more). */
export function rootKey(root: HTMLElement): Pick<SnippetRoot, 'id' | 'hash'> {
  return { id: root.dataset.snippet ?? '', hash: root.dataset.hash ?? '' };
}

/** Reads the settings back from a root element. */
export function readRoot(root: HTMLElement): SnippetRoot {
  const timeout = Number(root.dataset.timeout);
  return {
    ...rootKey(root),
    lang: isLang(root.dataset.lang) ? root.dataset.lang : DEFAULT_LANG,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
    expectError: root.dataset.expectError ?? null,
  };
}

/** The action a button stands for, or null when the element is no toolbar button. */
export function actionOf(button: Element | null): Action | null {
  const name = button instanceof HTMLElement ? button.dataset.action : undefined;
  return (ACTIONS as readonly string[]).includes(name ?? '') ? (name as Action) : null;
}

/** What the bootstrap hands to the island for one snippet. */
export interface Boot {
  root: HTMLElement;
  /** The static code block the editor replaces. */
  pre: HTMLElement;
  /** The page's code, as the static block held it before a saved edit replaced it. */
  original: string;
  /** The code the static block shows: the original, or the reader's saved edit. */
  code: string;
  /** The block's text as the bootstrap left it, to detect typing before the editor came. */
  shown: string;
  /** Buttons pressed before the island was there, in order. */
  pending: Action[];
  hydrated: boolean;
  /** Resolves when no pointer is held down and no IME composition runs in the block: swapping then loses nothing. */
  settled(): Promise<void>;
}
