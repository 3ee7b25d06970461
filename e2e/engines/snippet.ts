/** What the cross-engine specs do to a snippet, through a Tab: run it, wait for it, read its output. */
import { deflateRawSync } from 'node:zlib';
import { waitFor, type Engine, type Tab } from './tab';

const FINAL = ['done', 'error', 'stopped'];

/** The share link that opens `code` in snippet `id` of the page at `path` (as the Share button makes it). */
export function shareLink(path: string, id: string, code: string): string {
  return `${path}#snippet=${id}&code=${deflateRawSync(Buffer.from(code)).toString('base64url')}`;
}

/** Clicks Run as a reader does (which also shows the intent that loads the island). */
export async function clickRun(tab: Tab, id: string): Promise<void> {
  await tab.click(`[data-snippet="${id}"] [data-action="run"]`);
}

/** Waits for the run to end; returns the final state. A run that never ends says where it stood. */
export async function settled(tab: Tab, id: string, timeout = 30_000): Promise<string> {
  return explained(tab, id, () =>
    waitFor(
      tab,
      (snippet: string, final: string[]) => {
        const state = document.querySelector<HTMLElement>(`[data-snippet="${snippet}"]`)?.dataset.state ?? '';
        return final.includes(state) ? state : '';
      },
      [id, FINAL],
      { timeout, message: `snippet ${id} to settle` },
    ),
  );
}

/**
 * Clicks a snippet's code: the static block, or the editor that has replaced it. The pointer
 * passing over the block is an intent that can bring the editor in mid-click, and a click aimed
 * at the static block alone would then wait for a block that is gone.
 */
export async function clickCode(tab: Tab, id: string): Promise<void> {
  await tab.click(`[data-snippet="${id}"] pre, [data-snippet="${id}"] .cm-content`);
}

/** Waits until the editor has replaced the static code (the island is loaded). An editor that never comes says how far it got. */
export async function hydrated(tab: Tab, id: string): Promise<void> {
  await explained(tab, id, () =>
    waitFor(tab, (snippet: string) => Boolean(document.querySelector(`[data-snippet="${snippet}"] .cm-content`)), [id], {
      message: `the editor of ${id}`,
    }),
  );
}

/** Runs `wait`; if it fails, adds where snippet `id` stood: its state, the steps marked so far, its output. */
async function explained<T>(tab: Tab, id: string, wait: () => Promise<T>): Promise<T> {
  try {
    return await wait();
  } catch (error) {
    const where = await tab
      .evaluate((snippet: string) => {
        const root = document.querySelector<HTMLElement>(`[data-snippet="${snippet}"]`);
        return {
          state: root?.dataset.state,
          // The static code turns editable on the first intent.
          intent: root?.querySelector<HTMLElement>('pre')?.isContentEditable,
          hydrated: Boolean(root?.querySelector('.cm-content')),
          loadFailed: root?.dataset.loadFailed !== undefined,
          active: document.activeElement?.className,
          output: root?.querySelector('[data-output]')?.textContent?.slice(0, 300),
          marks: performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`),
          now: Math.round(performance.now()),
        };
      }, id)
      .catch((e: unknown) => String(e));
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${JSON.stringify(where)}`, { cause: error });
  }
}

/** The note a reader sees when part of snippet `id` did not arrive, or '' when none shows. */
export function loadFailedNote(tab: Tab, id: string): Promise<string> {
  return tab.evaluate((snippet: string) => {
    const note = document.querySelector<HTMLElement>(`[data-snippet="${snippet}"] [data-load-failed-note]`);
    return note?.checkVisibility() ? note.innerText.trim() : '';
  }, id);
}

/** The code in a snippet's editor (or its static block), line by line. */
export function codeOf(tab: Tab, id: string): Promise<string> {
  return tab.evaluate((snippet: string) => {
    const root = document.querySelector(`[data-snippet="${snippet}"]`)!;
    const lines = root.querySelectorAll('.cm-content .cm-line');
    if (lines.length > 0) return Array.from(lines, (line) => line.textContent ?? '').join('\n');
    return root.querySelector('pre')?.textContent ?? '';
  }, id);
}

/** What a reader sees of a run (or of the output rendered at build time): state, errors, values, logs. */
export interface SeenOutput {
  state: string;
  /** Whether this is the output rendered at build time. */
  built: boolean;
  errors: { expected: string | null; line: string | null; name: string; text: string }[];
  /** The kind of each shown value, in order (tensor, layer, model, text, json …). */
  shown: string[];
  /** Each tensor's shape and its values as printed. */
  tensors: { shape: string; values: string[] }[];
  /** Each weight row: name, shape, trainable, and its values when shown inline. */
  weights: string[];
  logs: string[];
  /** Lines of the editor marked as the error's. */
  markedLines: number[];
}

export function outputOf(tab: Tab, id: string): Promise<SeenOutput> {
  return tab.evaluate((snippet: string) => {
    const root = document.querySelector<HTMLElement>(`[data-snippet="${snippet}"]`)!;
    const out = root.querySelector('[data-output]')!;
    const all = <T extends Element>(selector: string) => Array.from(out.querySelectorAll<T & HTMLElement>(selector));
    return {
      state: root.dataset.state ?? '',
      built: out.hasAttribute('data-built'),
      errors: all('[data-error]').map((e) => ({
        expected: e.dataset.expected ?? null,
        line: e.dataset.line ?? null,
        name: e.querySelector('.out-error-name')?.textContent ?? '',
        text: e.textContent ?? '',
      })),
      shown: all('[data-shown]').map((e) => e.dataset.shown ?? ''),
      tensors: all('[data-tensor]').map((t) => {
        const cells = Array.from(t.querySelectorAll('[data-value]'), (v) => (v.textContent ?? '').trim());
        // A scalar or a short vector is one line of text rather than cells.
        return { shape: t.dataset.shape ?? '', values: cells.length > 0 ? cells : [(t.textContent ?? '').trim()] };
      }),
      weights: all('[data-weight]').map((w) => {
        const values = w.nextElementSibling?.querySelector('[data-weight-values]')?.textContent ?? '';
        return `${w.dataset.name}:${w.dataset.shape}:${w.dataset.trainable} ${values}`.trim();
      }),
      logs: all('[data-log]').map((l) => l.textContent ?? ''),
      markedLines: Array.from(root.querySelectorAll('.cm-content .cm-line'))
        .map((line, i) => (line.classList.contains('cm-error-line') ? i + 1 : 0))
        .filter((n) => n > 0),
    };
  }, id);
}

/** Numbers as printed, read back (a French decimal comma too). */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/-?\d+(?:[.,]\d+)?(?:e[-+]?\d+)?/gi)].map((m) => Number(m[0].replace(',', '.')));
}

/** The text with its numbers taken out, to compare what is not a number exactly. */
const words = (text: string) => text.replace(/-?\d+(?:[.,]\d+)?(?:e[-+]?\d+)?/gi, '#');

/**
 * Where two outputs differ, as readable lines (none when the same). Numbers are compared to
 * 4 significant digits, as they are printed: float32 maths may differ in the last bit between
 * engines. Error messages are compared when tfjs wrote them (a declared error), not the
 * engine's own wording of a TypeError; columns are not compared (engines count differently).
 */
/**
 * JavaScriptCore places an error elsewhere than V8 and SpiderMonkey, as it does for any script:
 * a call's column is its argument list's, and a proper tail call leaves no frame of the function
 * that made it (the error of `(x) => tf.matMul(x, w)` is placed at its caller). There the error's
 * text is compared, and a line must still be given, but not which.
 */
const SAME_POSITIONS: Record<Engine, boolean> = { chromium: true, firefox: true, webkit: false };

function errorRow(error: SeenOutput['errors'][number], positions: boolean): string {
  const line = positions || error.line === null || !/^\d+$/.test(error.line) ? error.line : 'N';
  const text = positions ? error.text : error.text.replace(/\b(line|ligne) \d+, (column|colonne) \d+/g, '$1 N, $2 N');
  return `${error.expected} ${error.name} line ${line}${error.expected === 'true' ? ` ${text}` : ''}`;
}

/** What differs between two outputs, in words, for the snippet run in `engine`. */
export function differences(expected: SeenOutput, actual: SeenOutput, engine: Engine): string[] {
  const positions = SAME_POSITIONS[engine];
  const out: string[] = [];
  const same = (what: string, a: string, b: string) => {
    const [na, nb] = [numbersIn(a), numbersIn(b)];
    const close = na.length === nb.length && na.every((x, i) => Math.abs(x - nb[i]!) <= 1e-3 * Math.max(1, Math.abs(x)));
    if (words(a) !== words(b) || !close) out.push(`${what}: expected ${JSON.stringify(a)}, got ${JSON.stringify(b)}`);
  };
  const list = (what: string, a: string[], b: string[]) => {
    if (a.length !== b.length) out.push(`${what}: expected ${a.length}, got ${b.length}`);
    else a.forEach((x, i) => same(`${what} ${i}`, x, b[i]!));
  };
  list('shown', expected.shown, actual.shown);
  list(
    'tensor',
    expected.tensors.map((t) => `${t.shape} ${t.values.join(' ')}`),
    actual.tensors.map((t) => `${t.shape} ${t.values.join(' ')}`),
  );
  list('weight', expected.weights, actual.weights);
  list('log', expected.logs, actual.logs);
  list(
    'error',
    expected.errors.map((e) => errorRow(e, positions)),
    actual.errors.map((e) => errorRow(e, positions)),
  );
  return out;
}
