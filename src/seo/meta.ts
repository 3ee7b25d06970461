/** What link previews and installed-app metadata derive from: locales and the URLs of generated images. */
import type { Lang } from '../i18n/locales';
import { HOME_KEY, langFromPath } from '../i18n/paths';

/** Open Graph wants territory-qualified locales. */
export const OG_LOCALES: Record<Lang, string> = { en: 'en_US', fr: 'fr_FR' };

/** Size of the social cards: the 1.91:1 image every preview renders without cropping. */
export const CARD = { width: 1200, height: 630 } as const;

/** Path of the social card generated for a page (src/pages/og/[lang]/[key].png.ts). */
export function socialImagePath(lang: Lang, key: string): string {
  return `/og/${lang}/${key}.png`;
}

/** The page key a path names (/fr/state/ -> state, /fr/ -> index), or null outside a language. */
export function keyFromPath(pathname: string): string | null {
  if (!langFromPath(pathname)) return null;
  return pathname.split('/').filter(Boolean)[1] ?? HOME_KEY;
}

/** The app icons (src/pages/icons/[name].png.ts): the manifest lists them, the head links some. */
export const ICONS = {
  '32': { size: 32, maskable: false },
  '192': { size: 192, maskable: false },
  '512': { size: 512, maskable: false },
  'maskable-512': { size: 512, maskable: true },
  // iOS draws its own rounded corners and shows transparency as black: full-bleed square.
  'apple-touch': { size: 180, maskable: true },
} as const satisfies Record<string, { size: number; maskable: boolean }>;

export type IconName = keyof typeof ICONS;
