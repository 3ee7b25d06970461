/** The snippet scope the editor documents (src/snippet/scope.ts) is the one the worker hands over. */
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/snippet/worker/compile';
import { Output } from '../../src/snippet/worker/output';
import type { SnippetConsole, SnippetScope } from '../../src/snippet/scope';

describe('the snippet scope', () => {
  it('names what a snippet is compiled with, in order', () => {
    const documented: Record<keyof SnippetScope, true> = { tf: true, show: true, console: true, Lambda: true };
    expect(Object.keys(documented)).toEqual([...PARAMS]);
  });

  it('documents every method of the console a snippet gets', () => {
    const documented: Record<keyof SnippetConsole, true> = {
      ...{ log: true, info: true, warn: true, error: true, debug: true, trace: true, dir: true, dirxml: true, table: true },
      ...{ group: true, groupCollapsed: true, groupEnd: true, assert: true, count: true, countReset: true },
      ...{ time: true, timeLog: true, timeEnd: true },
    };
    expect(Object.keys(new Output(() => undefined, 1).console).sort()).toEqual(Object.keys(documented).sort());
  });
});
