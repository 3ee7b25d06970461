/** URLs of pages, derived in one place so links, alternates and the sitemap agree. */
import { LANGS, type Lang } from './locales';

/** The overview page is the language's home: /en/ rather than /en/index/. */
export const HOME_KEY = 'index';

/** Path of a page in a language, always with a trailing slash. */
export function pagePath(lang: Lang, key: string): string {
  return key === HOME_KEY ? `/${lang}/` : `/${lang}/${key}/`;
}

/** The same page in every language, for the switch and the hreflang alternates. */
export function alternates(key: string): { lang: Lang; path: string }[] {
  return LANGS.map((lang) => ({ lang, path: pagePath(lang, key) }));
}

/** Language of a path like /fr/state/, or null. */
export function langFromPath(pathname: string): Lang | null {
  const first = pathname.split('/')[1];
  return (LANGS as readonly string[]).includes(first ?? '') ? (first as Lang) : null;
}
