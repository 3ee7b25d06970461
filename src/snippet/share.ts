/**
 * Share links: a snippet's code, deflated and base64url-encoded, in the hash of
 * the same page: `/en/state/#snippet=state-lambda&code=<data>`. The hash never
 * reaches a server, and the page opens on the snippet it names.
 *
 * A link is untrusted input: everything decoded here is returned as a plain
 * string for the editor, never as markup, and never run.
 */

/** Largest code a link may carry once decoded (bytes of UTF-8). */
export const SHARE_MAX_BYTES = 100_000;
/** Base64 of deflated data can exceed its input a little; anything longer is refused unread. */
const MAX_ENCODED_CHARS = Math.ceil((SHARE_MAX_BYTES * 4) / 3) + 1024;

const SNIPPET_ID = /^[a-z0-9][a-z0-9-]{0,80}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export type ShareProblem = 'invalid' | 'too-large' | 'unknown-snippet';

export class ShareError extends Error {
  constructor(readonly problem: ShareProblem) {
    super(`share link: ${problem}`);
  }
}

/** The code, deflated and base64url-encoded for a URL. */
export async function encodeCode(code: string): Promise<string> {
  const bytes = new TextEncoder().encode(code);
  if (bytes.length > SHARE_MAX_BYTES) throw new ShareError('too-large');
  const deflated = await collect(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw')), Infinity);
  return toBase64Url(deflated);
}

/** Decodes what `encodeCode` made; refuses bad data and anything inflating past the limit. */
export async function decodeCode(data: string): Promise<string> {
  if (data.length > MAX_ENCODED_CHARS) throw new ShareError('too-large');
  if (data.length === 0 || !BASE64URL.test(data)) throw new ShareError('invalid');
  let deflated: Uint8Array<ArrayBuffer>;
  try {
    deflated = fromBase64Url(data);
  } catch {
    throw new ShareError('invalid');
  }
  let bytes: Uint8Array;
  try {
    // Capped while streaming: a few KB of crafted data can inflate to gigabytes.
    bytes = await collect(new Blob([deflated]).stream().pipeThrough(new DecompressionStream('deflate-raw')), SHARE_MAX_BYTES);
  } catch (error) {
    throw error instanceof ShareError ? error : new ShareError('invalid');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareError('invalid');
  }
}

/** The link to `pageUrl` (its path and query kept, its hash replaced) that opens snippet `id` with `data`. */
export function shareUrl(pageUrl: string, id: string, data: string): string {
  const url = new URL(pageUrl);
  url.hash = `snippet=${encodeURIComponent(id)}&code=${data}`;
  return url.href;
}

export interface SharedLink {
  /** The snippet the link names (not checked against the page yet). */
  id: string;
  data: string;
}

/** The snippet and data named by a location hash, or null when the hash is not a share link. */
export function parseShareHash(hash: string): SharedLink | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body.startsWith('snippet=')) return null;
  const params = new URLSearchParams(body);
  return { id: params.get('snippet') ?? '', data: params.get('code') ?? '' };
}

export type ShareOutcome = { ok: true; id: string; code: string } | { ok: false; id: string | null; problem: ShareProblem };

/** Reads a share link against the snippets present on the page. */
export async function readShareLink(link: SharedLink, pageIds: ReadonlySet<string>): Promise<ShareOutcome> {
  if (!SNIPPET_ID.test(link.id) || !pageIds.has(link.id)) {
    return { ok: false, id: SNIPPET_ID.test(link.id) ? link.id : null, problem: 'unknown-snippet' };
  }
  try {
    return { ok: true, id: link.id, code: await decodeCode(link.data) };
  } catch (error) {
    return { ok: false, id: link.id, problem: error instanceof ShareError ? error.problem : 'invalid' };
  }
}

/** Reads a whole byte stream, failing as soon as it grows past `limit`. */
async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      throw new ShareError('too-large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode under the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(data: string): Uint8Array<ArrayBuffer> {
  const base64 = data.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
