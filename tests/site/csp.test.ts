import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { policyFor, withPolicy } from '../../src/build/csp';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('Content-Security-Policy', () => {
  it('allows only the site’s own scripts and workers, and hashes of the inline scripts it has', () => {
    const policy = Object.fromEntries(policyFor(['a()']).split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(policy['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", sha('a()')]);
    expect(policy['worker-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policyFor(['a()']).includes("'unsafe-eval'")).toBe(false);
  });

  it('goes first in <head>, hashes executable inline scripts only, and is added once', () => {
    const html =
      '<html><head><script>theme()</script></head><body>' +
      '<script type="application/json" data-original>"code"</script><script type="module">island()</script><script src="/x.js"></script></body></html>';
    const out = withPolicy(html);
    expect(out.startsWith('<html><head><meta http-equiv="content-security-policy"')).toBe(true);
    expect(out).toContain(sha('theme()'));
    expect(out).toContain(sha('island()'));
    expect(out).not.toContain(sha('"code"'));
    expect(withPolicy(out)).toBe(out);
  });
});
