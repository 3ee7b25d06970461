/**
 * The live snippet island, loaded by the bootstrap on the reader's first sign
 * of intent. Page-wide: one worker pool (with its warm spare), the backend
 * choice, share links, saves from other tabs, and flushing edits when the page
 * is hidden. Each snippet is a SnippetIsland.
 */
import '../render/render.css';
import { readRoot, SELECTORS, setLoadFailed, stateOf, type Boot } from '../markup';
import type { BackendName } from '../protocol';
import { DEFAULT_BACKEND } from '../../tfjs/backends';
import { translator } from '../../i18n/translate';
import { mark } from '../marks';
import { WorkerPool, type StartedWorker } from '../runtime/pool';
import { spawnWorker } from '../runtime/spawn';
import { parseShareHash, readShareLink, type ShareProblem } from '../share';
import { getStorage, loadBackendChoice, pageKey, saveBackendChoice } from '../storage';
import { SnippetIsland, type PageContext } from './snippet';

const storage = getStorage();
let backend: BackendName = loadBackendChoice(storage) ?? DEFAULT_BACKEND;
const ctx: PageContext = {
  pool: new WorkerPool(spawnWorker),
  storage,
  page: pageKey(location.pathname),
  backend: () => backend,
  setBackend(next) {
    backend = next;
    saveBackendChoice(storage, next);
    for (const select of document.querySelectorAll<HTMLSelectElement>(SELECTORS.backend)) select.value = next;
    ctx.pool.warm(next);
  },
};

const islands = new Map<HTMLElement, SnippetIsland>();

/**
 * The reader showed intent on `boot`'s snippet: make sure tfjs is loading (in `started`, the
 * worker the bootstrap spawned on the first intent), and mount its editor.
 */
export function engage(boot: Boot, started?: StartedWorker): SnippetIsland {
  ctx.pool.warm(backend, started);
  return mount(boot);
}

/**
 * Brings the snippet to life and plays the queued actions. Its editor comes at once, unless a
 * Run is among them: then once that run has ended (see ./snippet.ts).
 */
function mount(boot: Boot): SnippetIsland {
  let island = islands.get(boot.root);
  if (!island) {
    mark('island');
    island = new SnippetIsland(boot, ctx);
    islands.set(boot.root, island);
    boot.hydrated = true;
    setLoadFailed(boot.root, null);
    // A Run that failed because the island did not arrive (bootstrap.ts) is over: the snippet is ready now.
    if (stateOf(boot.root) === 'error') island.state('idle');
    const actions = boot.pending.splice(0);
    for (const action of actions) island.act(action);
    if (!actions.includes('run')) island.bringEditor();
  }
  return island;
}

const PROBLEM_KEYS = {
  invalid: 'snippet.sharedInvalid',
  'too-large': 'snippet.sharedTooLarge',
  'unknown-snippet': 'snippet.sharedUnknown',
} as const satisfies Record<ShareProblem, string>;

/**
 * Opens `#snippet=<id>&code=...`: scrolls to that snippet and loads the code
 * into its editor as text. It is not run, and tfjs is not fetched for it. A bad
 * link leaves the original code in place and says what was wrong.
 */
export async function openShareLink(hash: string, boots: ReadonlyMap<HTMLElement, Boot>): Promise<void> {
  const link = parseShareHash(hash);
  if (!link || boots.size === 0) return;
  const byId = new Map([...boots.values()].map((boot) => [readRoot(boot.root).id, boot]));
  const outcome = await readShareLink(link, new Set(byId.keys()));
  const boot = (outcome.id !== null ? byId.get(outcome.id) : undefined) ?? [...boots.values()][0]!;
  boot.root.scrollIntoView({ block: 'start' });
  const island = mount(boot);
  if (outcome.ok) {
    island.loadShared(outcome.code);
    return;
  }
  island.note('shared', translator(readRoot(boot.root).lang).t(PROBLEM_KEYS[outcome.problem], { id: link.id.slice(0, 80) }));
}

// Another tab saved a snippet this page shows: that snippet tells the reader.
window.addEventListener('storage', (event) => {
  if (event.storageArea !== storage || event.key === null) return;
  for (const island of islands.values()) if (island.key === event.key) island.savedElsewhere(event.newValue);
});

// The last keystrokes before leaving must not wait for the debounce.
const flushAll = () => {
  for (const island of islands.values()) island.flush();
};
window.addEventListener('pagehide', flushAll);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushAll();
});
