import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, LANG_TAGS, type Lang } from '../../i18n/locales';
import { HOME_KEY, pagePath } from '../../i18n/paths';
import { translator } from '../../i18n/translate';
import { ICONS } from '../../seo/meta';

/**
 * The web app manifest in each language: installed from a French page, the app has a
 * French name and opens on the French overview. The shared `id` keeps it one app.
 */
export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const lang = params.lang as Lang;
  const tr = translator(lang).t;
  const manifest = {
    id: '/',
    name: tr('site.name'),
    short_name: tr('site.name'),
    description: tr('site.tagline'),
    lang: LANG_TAGS[lang],
    dir: 'ltr',
    start_url: pagePath(lang, HOME_KEY),
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b5cad',
    icons: [
      { src: '/favicon.svg', type: 'image/svg+xml', sizes: 'any' },
      ...(['192', '512', 'maskable-512'] as const).map((name) => ({
        src: `/icons/${name}.png`,
        type: 'image/png',
        sizes: `${ICONS[name].size}x${ICONS[name].size}`,
        purpose: ICONS[name].maskable ? 'maskable' : 'any',
      })),
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'content-type': 'application/manifest+json; charset=utf-8' } });
};
