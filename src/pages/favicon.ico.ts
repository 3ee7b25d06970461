import type { APIRoute } from 'astro';
import { appIcon } from '../seo/social-image';

/**
 * /favicon.ico, which some clients request whatever the page links: an ICO holding one
 * 32x32 PNG (allowed since Windows Vista and read by every current browser).
 */
export const GET: APIRoute = () => {
  const png = appIcon(32);
  const header = Buffer.alloc(22);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(32, 6); // width
  header.writeUInt8(32, 7); // height
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // the image starts right after this header
  return new Response(new Uint8Array(Buffer.concat([header, png])), { headers: { 'content-type': 'image/x-icon' } });
};
