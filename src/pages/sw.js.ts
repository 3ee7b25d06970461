import type { APIRoute } from 'astro';
import { outDir } from 'astro:config/server';
import workerSource from '../offline/sw.js?raw';
import { buildVersion } from '../offline/version';

/** /sw.js: the offline service worker (src/offline/sw.js) stamped with this build's version. */
export const GET: APIRoute = async () => {
  const version = await buildVersion(new URL('_astro/', outDir), workerSource);
  // Comments stay in the source for readers; the copy every visitor downloads goes without them.
  const code = workerSource
    .replace(/^[ \t]*\/\*[\s\S]*?\*\/[ \t]*\n/gm, '')
    .replace(/^[ \t]*\/\/.*\n/gm, '')
    .replace("'__BUILD_VERSION__'", JSON.stringify(version));
  return new Response(code, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};
