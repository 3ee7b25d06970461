/** The site's languages: the single list every route, link and string table derives from. */
export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'en';

export const LANG_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français' };

/** BCP 47 tags for <html lang>, hreflang and Intl formatting. */
export const LANG_TAGS: Record<Lang, string> = { en: 'en', fr: 'fr' };

export function isLang(value: string | undefined): value is Lang {
  return (LANGS as readonly string[]).includes(value ?? '');
}
