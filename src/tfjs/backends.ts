/**
 * The backends a snippet can run on: the one list the picker, the stored choice, the worker
 * protocol and the labels follow. Free of tfjs, so the first-load bootstrap may import it.
 */
export const BACKENDS = ['cpu', 'wasm'] as const;

export type BackendName = (typeof BACKENDS)[number];

/** What runs until the reader picks another: it comes with tfjs-core, nothing more to fetch. */
export const DEFAULT_BACKEND: BackendName = 'cpu';

/** `value` if it names a backend (a stored choice, a picker's value), else null. */
export function parseBackend(value: string | null | undefined): BackendName | null {
  return BACKENDS.find((name) => name === value) ?? null;
}
