/** What the cross-engine specs do to a snippet, through a Tab: run it, wait for it, read its output. */
import { deflateRawSync } from 'node:zlib';
import { waitFor, type Tab } from './tab';

export const FINAL = ['done', 'error', 'stopped'];

/** The share link that opens `code` in snippet `id` of the page at `path` (as the Share button makes it). */
export function shareLink(path: string, id: string, code: string): string {
  return `${path}#snippet=${id}&code=${deflateRawSync(Buffer.from(code)).toString('base64url')}`;
}

/** Clicks Run as a reader does (which also shows the intent that loads the island). */
export async function clickRun(tab: Tab, id: string): Promise<void> {
  await tab.click(`[data-snippet="${id}"] [data-action="run"]`);
}

/** Waits for the run to end; returns the final state. */
export async function settled(tab: Tab, id: string, timeout = 30_000): Promise<string> {
  return waitFor(
    tab,
    (snippet: string, final: string[]) => {
      const state = document.querySelector<HTMLElement>(`[data-snippet="${snippet}"]`)?.dataset.state ?? '';
      return final.includes(state) ? state : '';
    },
    [id, FINAL],
    { timeout, message: `snippet ${id} to settle` },
  );
}

/** Waits until the editor has replaced the static code (the island is loaded). */
export async function hydrated(tab: Tab, id: string): Promise<void> {
  await waitFor(tab, (snippet: string) => Boolean(document.querySelector(`[data-snippet="${snippet}"] .cm-content`)), [id], {
    message: `the editor of ${id}`,
  });
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

/** What a reader sees of a run: its state, errors, shown values and logs, as plain data. */
export interface SeenOutput {
  state: string;
  errors: { expected: string | null; line: string | null; text: string }[];
  /** The kind of each shown value, in order (tensor, layer, model, text, json …). */
  shown: string[];
  /** Each tensor's shape and its values as printed. */
  tensors: { shape: string; values: string[] }[];
  /** Each weight row: name, shape, trainable. */
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
      errors: all('[data-error]').map((e) => ({ expected: e.dataset.expected ?? null, line: e.dataset.line ?? null, text: e.textContent ?? '' })),
      shown: all('[data-shown]').map((e) => e.dataset.shown ?? ''),
      tensors: all('[data-tensor]').map((t) => {
        const cells = Array.from(t.querySelectorAll('[data-value]'), (v) => (v.textContent ?? '').trim());
        // A scalar or a short vector is one line of text rather than cells.
        return { shape: t.dataset.shape ?? '', values: cells.length > 0 ? cells : [(t.textContent ?? '').trim()] };
      }),
      weights: all('[data-weight]').map((w) => `${w.dataset.name}:${w.dataset.shape}:${w.dataset.trainable}`),
      logs: all('[data-log]').map((l) => l.textContent ?? ''),
      markedLines: Array.from(root.querySelectorAll('.cm-content .cm-line'))
        .map((line, i) => (line.classList.contains('cm-error-line') ? i + 1 : 0))
        .filter((n) => n > 0),
    };
  }, id);
}
