/**
 * The part of Pagefind's browser API the dialog uses. The bundle is written to
 * /pagefind/ after `astro build`, so Vite never sees it: it is imported by URL at run time.
 * Pagefind picks the index of the page's <html lang>, which keeps results in the reader's language
 * unless the reader widens the search to every language.
 */
import { LANGS } from '../i18n/locales';
import type { SearchScope } from './scope';

interface PagefindWordLocation {
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

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

/** One search engine: Pagefind's `createInstance()`, with its own indexes. */
export interface PagefindInstance {
  init(): Promise<void>;
  /** Adds another index to this instance's searches (here: the other language's). */
  mergeIndex(
    indexPath: string,
    options?: { language?: string; baseUrl?: string; indexWeight?: number; excerptLength?: number },
  ): Promise<void>;
  /** Resolves null when a newer call superseded this one before its debounce ran out. */
  debouncedSearch(term: string, options?: object, debounceMs?: number): Promise<{ results: PagefindResult[] } | null>;
}

interface PagefindModule {
  createInstance(options?: { excerptLength?: number }): PagefindInstance;
}

const BUNDLE_DIR = '/pagefind/';
const EXCERPT_LENGTH = 16;
/**
 * Score factor of the merged languages' pages: when pages of both languages match about as
 * well, the reader's own rank higher; a word only the other language has still finds its pages.
 */
const OTHER_LANGUAGES_WEIGHT = 0.6;

const engines = new Map<SearchScope, Promise<PagefindInstance>>();

/**
 * The engine of a scope, loaded and initialised once; a failure (offline, no index in dev)
 * can be retried. Pagefind picks the index of the page's <html lang>; for 'all', the other
 * languages' indexes of the same bundle are merged in. Pagefind skips a merge whose path is a
 * prefix of its own (`/pagefind/`), taking it for itself, so the bundle is named by its full
 * URL: the same files, fetched with the other language's metadata.
 */
export function loadPagefind(scope: SearchScope): Promise<PagefindInstance> {
  let loading = engines.get(scope);
  if (!loading) {
    loading = (async () => {
      // The site's own Pagefind bundle, at a path fixed by the build.
      // eslint-disable-next-line no-unsanitized/method
      const module = (await import(/* @vite-ignore */ `${BUNDLE_DIR}pagefind.js`)) as PagefindModule;
      const engine = module.createInstance({ excerptLength: EXCERPT_LENGTH });
      await engine.init();
      if (scope === 'all') {
        const bundle = new URL(BUNDLE_DIR, location.href).href;
        for (const language of LANGS.filter((lang) => lang !== document.documentElement.lang)) {
          await engine.mergeIndex(bundle, { language, baseUrl: '/', indexWeight: OTHER_LANGUAGES_WEIGHT, excerptLength: EXCERPT_LENGTH });
        }
      }
      return engine;
    })().catch((error: unknown) => {
      engines.delete(scope);
      throw error;
    });
    engines.set(scope, loading);
  }
  return loading;
}
