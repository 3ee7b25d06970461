import { describe, expect, it } from 'vitest';
import { decodeCode, encodeCode, parseShareHash, readShareLink, SHARE_MAX_BYTES, ShareError, shareUrl } from '../../src/snippet/share';

const PAGE = new Set(['playground', 'state-lambda']);

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return error instanceof ShareError ? error.problem : `unexpected: ${String(error)}`;
  }
}

/** Raw deflate of `bytes`, base64url: what a crafted link could carry. */
async function craft(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const out = new Uint8Array(await new Response(stream).arrayBuffer());
  return Buffer.from(out).toString('base64url');
}

describe('share links', () => {
  it('round-trips code through a link to the same page, with the snippet named in the hash', async () => {
    const code = 'const y = tf.mul(x, 2); // « doublé » — ✓\nshow(y, "</script><img src=x onerror=alert(1)>");';
    const url = shareUrl('https://example.org/en/playground/?q=1#old', 'playground', await encodeCode(code));
    const parsed = new URL(url);
    expect(parsed.pathname).toBe('/en/playground/');
    expect(parsed.search).toBe('?q=1');
    expect(parsed.hash).toMatch(/^#snippet=playground&code=[A-Za-z0-9_-]+$/);
    const link = parseShareHash(parsed.hash)!;
    expect(link.id).toBe('playground');
    expect(await readShareLink(link, PAGE)).toEqual({ ok: true, id: 'playground', code });
  });

  it('compresses: a typical snippet makes a short link', async () => {
    const code = 'const dense = tf.layers.dense({ units: 3 });\n'.repeat(20);
    expect((await encodeCode(code)).length).toBeLessThan(code.length / 5);
  });

  it('ignores hashes that are not share links', () => {
    expect(parseShareHash('#get-config')).toBeNull();
    expect(parseShareHash('')).toBeNull();
  });

  it('rejects data that is not base64url', async () => {
    expect(await problemOf(decodeCode('abc$%^'))).toBe('invalid');
    expect(await problemOf(decodeCode(''))).toBe('invalid');
    expect(await problemOf(decodeCode('a'))).toBe('invalid');
  });

  it('rejects base64 that is not deflated data', async () => {
    expect(await problemOf(decodeCode(Buffer.from('just some text, not deflate').toString('base64url')))).toBe('invalid');
  });

  it('rejects deflated bytes that are not UTF-8 text', async () => {
    expect(await problemOf(decodeCode(await craft(new Uint8Array([0xff, 0xfe, 0xfd]))))).toBe('invalid');
  });

  it('rejects code that inflates past the limit (a small link, a huge payload)', async () => {
    const bomb = await craft(new TextEncoder().encode('a'.repeat(SHARE_MAX_BYTES * 20)));
    expect(bomb.length).toBeLessThan(10_000);
    expect(await problemOf(decodeCode(bomb))).toBe('too-large');
  });

  it('rejects an oversized link without reading it', async () => {
    expect(await problemOf(decodeCode('A'.repeat(200_000)))).toBe('too-large');
  });

  it('refuses to make a link for code over the limit', async () => {
    expect(await problemOf(encodeCode('x'.repeat(SHARE_MAX_BYTES + 1)))).toBe('too-large');
  });

  it('accepts code right at the limit', async () => {
    const code = 'x'.repeat(SHARE_MAX_BYTES);
    expect(await decodeCode(await encodeCode(code))).toBe(code);
  });

  it('reports a snippet that is not on the page, and a malformed id', async () => {
    const data = await encodeCode('show(1);');
    expect(await readShareLink({ id: 'nope', data }, PAGE)).toEqual({ ok: false, id: 'nope', problem: 'unknown-snippet' });
    expect(await readShareLink({ id: '<img src=x>', data }, PAGE)).toEqual({ ok: false, id: null, problem: 'unknown-snippet' });
  });

  it('names the snippet of a damaged link, so the message can go next to it', async () => {
    expect(await readShareLink({ id: 'playground', data: '!!' }, PAGE)).toEqual({ ok: false, id: 'playground', problem: 'invalid' });
  });
});
