import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WORKER_POLICY, headersFile, parsePolicy, policyFor, withPolicy } from '../../src/build/csp';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('Content-Security-Policy', () => {
  it('allows only the site’s own scripts and workers, and hashes of the inline scripts it has', () => {
    const policy = parsePolicy(policyFor(['a()']));
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

  it('gives the snippet worker, and it alone, a policy of its own that keeps it to the site', () => {
    const file = headersFile(['island-Ab1.js', 'worker-_L-cJuAJ.js', 'page-x.js', 'tf-worker-helper.js']);
    const rules = file.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(rules).toEqual(['/_astro/worker-_L-cJuAJ.js', `  Content-Security-Policy: ${WORKER_POLICY}`]);
    const policy = parsePolicy(WORKER_POLICY);
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    // Firefox and WebKit check the worker's own module imports against worker-src.
    expect(policy['worker-src']).toEqual(["'self'"]);
    // Snippets are compiled with new Function (a blob: module in WebKit): eval is allowed in the worker, never on the page.
    expect(policy['script-src']).toEqual(["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'", 'blob:']);
  });

  it('fails the build rather than guess when the snippet worker cannot be told apart', () => {
    expect(() => headersFile(['island.js'])).toThrow(/found 0/);
    expect(() => headersFile(['worker-a.js', 'worker-b.js'])).toThrow(/found 2/);
  });
});
