/**
 * Whether code says `await`: the worker instruments only such code (worker/awaits.ts), and the
 * page asks a worker to load the parser for it beside tfjs (bootstrap.ts). One rule for both.
 */
export function saysAwait(code: string): boolean {
  return /\bawait\b/.test(code);
}
