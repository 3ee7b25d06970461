import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, LANG_NAMES, type Lang } from '../../../i18n/locales';
import { strings } from '../../../i18n/translate';
import { pagesOf } from '../../../collection/pages';
import { socialCard } from '../../../seo/social-image';

/** One social card per page and language, drawn at build time. */
export const getStaticPaths = (async () => {
  const paths = [];
  for (const lang of LANGS) {
    for (const page of await pagesOf(lang)) {
      paths.push({ params: { lang, key: page.data.key }, props: { title: page.data.title, description: page.data.description } });
    }
  }
  return paths;
}) satisfies GetStaticPaths;

interface Props {
  title: string;
  description: string;
}

export const GET: APIRoute<Props> = ({ params, props }) => {
  const lang = params.lang as Lang;
  const png = socialCard({ ...props, siteName: strings[lang]['site.name'], language: LANG_NAMES[lang] });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
