/**
 * The only snippet code a page loads up front. It must stay tiny (the whole
 * site's first-load JavaScript is budgeted at 8 KB gzip): no editor, no tfjs.
 *
 * It shows a saved edit in place of the original before the reader looks, and
 * waits for intent (hover, touch, focus, a key) on a snippet to start a worker
 * loading tfjs and to load the island, which runs and mounts the editor. Nothing is fetched
 * on idle: most readers never run anything. What the reader does meanwhile is
 * kept: a Run click is queued, and typing goes into the static code, which
 * turns editable on intent.
 */
import { saysAwait } from './awaits-word';
import { actionOf, rootKey, SELECTORS, setEdited, setLoadFailed, setState, type Action, type Boot } from './markup';
import { mark } from './marks';
import { DEFAULT_BACKEND } from '../tfjs/backends';
import type { StartedWorker } from './runtime/pool';
import { spawnWorker } from './runtime/spawn';
import { showStatic } from './static-code';
import { getStorage, loadBackendChoice, loadEdit, pageKey } from './storage';

type Island = typeof import('./island/index');

const boots = new Map<HTMLElement, Boot>();
/** The worker spawned on the first intent; later intents leave workers to the pool. */
let firstWorker: StartedWorker | null = null;
const engaged = new WeakSet<Boot>();
let island: Promise<Island> | null = null;

function loadIsland(): Promise<Island> {
  island ??= import('./island/index').catch((error: unknown) => {
    // Let the next intent try again (the connection may be back).
    island = null;
    throw error;
  });
  return island;
}

// --- The static code ---------------------------------------------------------

/** Takes typing until the editor replaces the block (plain text only). */
function makeEditable(pre: HTMLElement): void {
  if (pre.isContentEditable) return;
  pre.contentEditable = 'plaintext-only';
  if (pre.contentEditable !== 'plaintext-only') pre.contentEditable = 'true';
  pre.spellcheck = false;
}

/** Why a block must not be swapped right now: a pointer held down (a selection being dragged) or IME composition. */
const busy = new Map<HTMLElement, Set<'pointer' | 'ime'>>();
const waiters = new Map<HTMLElement, (() => void)[]>();
/** The pointer holding each block: another pointer (a hovering pen, a second finger) does not let it go. */
const holders = new Map<HTMLElement, number>();

function setBusy(pre: HTMLElement, reason: 'pointer' | 'ime', on: boolean): void {
  const reasons = busy.get(pre) ?? new Set();
  if (on) reasons.add(reason);
  else reasons.delete(reason);
  if (reasons.size > 0) {
    busy.set(pre, reasons);
    return;
  }
  busy.delete(pre);
  for (const resolve of waiters.get(pre) ?? []) resolve();
  waiters.delete(pre);
}

function settled(pre: HTMLElement): Promise<void> {
  if (!busy.has(pre)) return Promise.resolve();
  return new Promise((resolve) => waiters.set(pre, [...(waiters.get(pre) ?? []), resolve]));
}

function setup(root: HTMLElement, page: string, storage: Storage | null): Boot | null {
  const pre = root.querySelector<HTMLElement>(SELECTORS.staticCode);
  if (!pre) return null;
  const { id, hash } = rootKey(root);
  // The highlighted code's text is the original code exactly (Snippet.astro renders one line per line).
  const original = pre.textContent ?? '';
  const saved = loadEdit(storage, page, id, hash);
  if (saved !== null) {
    showStatic(pre, saved);
    setEdited(root, true);
  }
  const shown = pre.textContent ?? '';
  // Only the main button drags a selection; a right click's release goes to the context menu instead.
  pre.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    holders.set(pre, event.pointerId);
    setBusy(pre, 'pointer', true);
  });
  pre.addEventListener('compositionstart', () => setBusy(pre, 'ime', true));
  pre.addEventListener('compositionend', () => setBusy(pre, 'ime', false));
  return { root, pre, original, code: saved ?? shown, shown, pending: [], hydrated: false, settled: () => settled(pre) };
}

// --- Intent ------------------------------------------------------------------

function intent(boot: Boot): void {
  if (engaged.has(boot)) return;
  engaged.add(boot);
  mark('intent');
  if (!boot.hydrated) makeEditable(boot.pre);
  // tfjs starts loading now, in a worker spawned here rather than once the island's code has
  // arrived: its download and parse are the longest part of a first Run.
  let started: StartedWorker | undefined;
  if (!firstWorker) {
    const backend = loadBackendChoice(getStorage()) ?? DEFAULT_BACKEND;
    started = firstWorker = { worker: spawnWorker(), backend };
    mark('worker-spawn');
    started.worker.postMessage({ type: 'init', backend, parser: saysAwait(boot.code) });
  }
  // Only the island's chunk not arriving is a load failure; an error in `engage` is a bug, and
  // stays one (once engaged, the worker is the pool's: it must not be ended here).
  loadIsland().then(
    (m) => m.engage(boot, started),
    () => {
      started?.worker.terminate();
      firstWorker = null;
      // Offline or blocked: the note says so; the static code stays readable and selectable.
      engaged.delete(boot);
      setLoadFailed(boot.root, 'island');
      if (boot.pending.includes('run')) showState(boot, 'error');
      boot.pending = [];
    },
  );
}

function bootOf(target: EventTarget | null): Boot | undefined {
  const root = target instanceof Element ? target.closest<HTMLElement>(SELECTORS.root) : null;
  return root ? boots.get(root) : undefined;
}

function queue(boot: Boot, action: Action): void {
  if (!boot.pending.includes(action)) boot.pending.push(action);
  if (action === 'run') showState(boot, 'loading');
}

/** The states the page shows before the island is there, with their labels from the markup (this script carries no strings). */
function showState(boot: Boot, state: 'loading' | 'error'): void {
  setState(boot.root, state);
  const label = boot.root.querySelector<HTMLElement>(SELECTORS.state);
  const text = label?.dataset[state === 'loading' ? 'labelLoading' : 'labelError'];
  if (label && text) label.textContent = text;
}

function onIntent(event: Event): void {
  const boot = bootOf(event.target);
  if (boot) intent(boot);
}

/** Buttons pressed before the island loaded are queued, not lost. */
function onClick(event: MouseEvent): void {
  const boot = bootOf(event.target);
  const button = event.target instanceof Element ? event.target.closest<HTMLElement>(SELECTORS.action) : null;
  const action = actionOf(button);
  if (!boot || boot.hydrated || !button || !action || button.getAttribute('aria-disabled') === 'true') return;
  queue(boot, action);
  intent(boot);
}

function onKey(event: KeyboardEvent): void {
  const boot = bootOf(event.target);
  if (!boot) return;
  if (!boot.hydrated && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    queue(boot, 'run');
  }
  intent(boot);
}

/**
 * The pointer was let go: anywhere on the page, or outside the window (the page then sees no
 * release, but a move with no button held, or the window losing focus).
 */
function onRelease(event: Event): void {
  const pointer = event instanceof PointerEvent ? event : null;
  if (holders.size === 0 || (pointer?.type === 'pointermove' && pointer.buttons !== 0)) return;
  for (const [pre, id] of [...holders]) {
    if (pointer && pointer.pointerId !== id) continue;
    holders.delete(pre);
    setBusy(pre, 'pointer', false);
  }
}

/** Opens a share link (`#snippet=<id>&code=...`); the island decodes it, and never runs it. */
function openShared(): void {
  if (!location.hash.startsWith('#snippet=')) return;
  loadIsland()
    .then((m) => m.openShareLink(location.hash, boots))
    .catch(() => undefined);
}

export function start(): void {
  const storage = getStorage();
  const page = pageKey(location.pathname);
  for (const root of document.querySelectorAll<HTMLElement>(SELECTORS.root)) {
    const boot = setup(root, page, storage);
    if (boot) boots.set(root, boot);
  }
  if (boots.size === 0) return;
  const backend = loadBackendChoice(storage);
  if (backend) for (const select of document.querySelectorAll<HTMLSelectElement>(SELECTORS.backend)) select.value = backend;
  for (const type of ['pointerover', 'pointerdown', 'touchstart', 'focusin'] as const) {
    document.addEventListener(type, onIntent, { capture: true, passive: true });
  }
  document.addEventListener('keydown', onKey, true);
  document.addEventListener('click', onClick, true);
  for (const type of ['pointerup', 'pointercancel', 'pointermove'] as const) window.addEventListener(type, onRelease, true);
  // Not captured: only the window's own blur (the reader left it), not every element's.
  window.addEventListener('blur', onRelease);
  openShared();
  window.addEventListener('hashchange', openShared);
}
