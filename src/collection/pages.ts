/** The guide's pages, read from the content collection: navigation is never hand-written. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../i18n/locales';

export type Page = CollectionEntry<'pages'>;

/** Language of an entry, from its folder (content/<lang>/<key>.mdx). */
export function entryLang(entry: Page): Lang {
  return entry.id.split('/')[0] as Lang;
}

/** All pages of one language, in sidebar order. */
export async function pagesOf(lang: Lang): Promise<Page[]> {
  const all = await getCollection('pages', (entry) => entryLang(entry) === lang);
  return all.sort((a, b) => a.data.order - b.data.order);
}

/** The neighbours of a page in reading order. */
export function neighbours(pages: Page[], key: string): { prev: Page | null; next: Page | null } {
  const i = pages.findIndex((p) => p.data.key === key);
  return { prev: pages[i - 1] ?? null, next: pages[i + 1] ?? null };
}
