/** The language of the page being rendered, for components used inside MDX. */
import type { AstroGlobal } from 'astro';
import { DEFAULT_LANG, isLang, type Lang } from './locales';
import { langFromPath } from './paths';

export function currentLang(astro: AstroGlobal): Lang {
  const locale = astro.currentLocale;
  if (isLang(locale)) return locale;
  return langFromPath(astro.url.pathname) ?? DEFAULT_LANG;
}
