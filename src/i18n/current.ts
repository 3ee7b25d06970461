/** The language of the page being rendered, for components used inside MDX. */
import type { AstroGlobal } from 'astro';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/locales';
import { langFromPath } from '../i18n/paths';

export function currentLang(astro: AstroGlobal): Lang {
  const locale = astro.currentLocale;
  if (isLang(locale)) return locale;
  return langFromPath(astro.url.pathname) ?? DEFAULT_LANG;
}
