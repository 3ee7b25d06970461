/** The end of a run, as the worker sends it, for tests that build one by hand. */
import type { RunEvent } from '../../src/snippet/protocol';

type Done = Extract<RunEvent, { type: 'done' }>;

/** A run that ended well on cpu and left nothing behind; a test overrides what it looks at. */
export function doneEvent(overrides: Partial<Done> = {}): Done {
  return {
    type: 'done',
    runId: 1,
    ok: true,
    durationMs: 5,
    leakedTensors: 0,
    leakedVariables: 0,
    optimizerTensors: 0,
    optimizerVariables: 0,
    layerVariables: 0,
    backend: 'cpu',
    ...overrides,
  };
}
