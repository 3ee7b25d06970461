/**
 * The part of Pagefind's browser API the dialog uses. The bundle is written to
 * /pagefind/ after `astro build`, so Vite never sees it: it is imported by URL at run time.
 * Pagefind picks the index of the page's <html lang>, which keeps results in the reader's language.
 */

export interface PagefindWordLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

export interface PagefindSubResult {
  title: string;
  /** The page URL plus `#id` of the heading that opens the section (the bare page URL before the first heading). */
  url: string;
  excerpt: string;
  weighted_locations: PagefindWordLocation[];
  anchor?: { element: string; id: string };
}

export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

export interface Pagefind {
  options(options: { excerptLength?: number; basePath?: string }): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
  /** Resolves null when a newer call superseded this one before its debounce ran out. */
  debouncedSearch(term: string, options?: object, debounceMs?: number): Promise<{ results: PagefindResult[] } | null>;
}

const BUNDLE = '/pagefind/pagefind.js';

let loading: Promise<Pagefind> | null = null;

/** Loads and initialises Pagefind once; a failure (offline, no index in dev) can be retried. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ BUNDLE)) as Pagefind;
    await pagefind.options({ excerptLength: 16 });
    await pagefind.init();
    return pagefind;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
