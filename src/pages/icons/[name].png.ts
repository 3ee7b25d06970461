import type { APIRoute, GetStaticPaths } from 'astro';
import { ICONS, type IconName } from '../../seo/meta';
import { appIcon } from '../../seo/social-image';

/** PNG versions of the favicon, for the web app manifest and platforms without SVG icons. */
export const getStaticPaths = (() => Object.keys(ICONS).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const { size, maskable } = ICONS[params.name as IconName];
  return new Response(new Uint8Array(appIcon(size, maskable)), { headers: { 'content-type': 'image/png' } });
};
