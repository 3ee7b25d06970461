/**
 * What snippets remember in the reader's browser: their edits, kept in
 * localStorage per page, snippet and version of the original code, and the
 * backend they chose. Storage can be missing, full or disabled (private mode): every
 * call here degrades to "not kept" and reports it, never throws, so editing
 * always works. Imported by the bootstrap too: keep it small and DOM-free.
 */
import { parseBackend, type BackendName } from '../tfjs/backends';

const PREFIX = 'lol-edit:v1:';

/** "/en/state/index.html", "/en/state" and "/en/state/" are the same page. */
export function pageKey(pathname: string): string {
  const path = pathname.replace(/index\.html?$/, '');
  return path.endsWith('/') ? path : `${path}/`;
}

/** The key of a snippet's edit; the original's hash in it makes stale saves unreachable. */
export function editKey(page: string, id: string, hash: string): string {
  return `${snippetPrefix(page, id)}${hash}`;
}

function snippetPrefix(page: string, id: string): string {
  return `${PREFIX}${page}#${id}@`;
}

/** localStorage, or null when the browser refuses it (disabled, sandboxed, private mode). */
export function getStorage(): Storage | null {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return null;
    // Some browsers expose the object but throw on first use.
    storage.getItem(PREFIX);
    return storage;
  } catch {
    return null;
  }
}

/**
 * The saved edit for `key`, or null. Saves of the same snippet made against
 * another version of the original are deleted on the way: the code they edited
 * is gone, and replaying them over the new original would mislead the reader.
 */
export function loadEdit(storage: Storage | null, page: string, id: string, hash: string): string | null {
  if (!storage) return null;
  const key = editKey(page, id, hash);
  try {
    const prefix = snippetPrefix(page, id);
    const stale: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k !== null && k !== key && k.startsWith(prefix)) stale.push(k);
    }
    for (const k of stale) storage.removeItem(k);
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Keeps `code` as the edit (or forgets it when it equals the original); false when storage refused. */
export function saveEdit(storage: Storage | null, key: string, code: string, original: string): boolean {
  if (!storage) return false;
  try {
    if (code === original) storage.removeItem(key);
    else storage.setItem(key, code);
    return true;
  } catch {
    // QuotaExceededError, SecurityError: the edit lives on in the editor only.
    return false;
  }
}

export interface Saver {
  /** Saves `code` after a quiet period, so typing does not write on every key. */
  schedule(code: string): void;
  /** Writes a pending save now (page hidden or left). */
  flush(): void;
  /** Drops a pending save. */
  cancel(): void;
}

export interface SaverOptions {
  storage: Storage | null;
  key: string;
  original: string;
  delayMs?: number;
  /** Called once, the first time a save cannot be kept. */
  onFailure: () => void;
  timers?: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;
}

/** A debounced writer for one snippet's edits. */
export function createSaver(options: SaverOptions): Saver {
  const { storage, key, original, delayMs = 400, onFailure } = options;
  const timers = options.timers ?? globalThis;
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let reported = false;

  const write = () => {
    timer = null;
    if (pending === null) return;
    const code = pending;
    pending = null;
    if (!saveEdit(storage, key, code, original) && !reported) {
      reported = true;
      onFailure();
    }
  };

  return {
    schedule(code) {
      pending = code;
      if (timer !== null) timers.clearTimeout(timer);
      timer = timers.setTimeout(write, delayMs);
    },
    flush() {
      if (timer !== null) timers.clearTimeout(timer);
      write();
    },
    cancel() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}

/** The backend the reader chose last, remembered across pages. */
const BACKEND_KEY = 'lol-backend';

export function loadBackendChoice(storage: Storage | null): BackendName | null {
  try {
    return parseBackend(storage?.getItem(BACKEND_KEY));
  } catch {
    return null;
  }
}

export function saveBackendChoice(storage: Storage | null, backend: BackendName): void {
  try {
    storage?.setItem(BACKEND_KEY, backend);
  } catch {
    // Not remembered: the choice still applies to this page.
  }
}
