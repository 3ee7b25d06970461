import { describe, expect, it } from 'vitest';
import type { FromWorker, RunEvent } from '../../src/snippet/protocol';
import { createOutbox } from '../../src/snippet/worker/outbox';
import { doneEvent } from '../helpers/done';

/** A clock the test moves by hand; timers fire when the test says. */
function manualClock() {
  let now = 0;
  const timers: (() => void)[] = [];
  return {
    now: () => now,
    later: (fn: () => void) => void timers.push(fn),
    advance(ms: number) {
      now += ms;
    },
    fire() {
      for (const fn of timers.splice(0)) fn();
    },
  };
}

const log = (text: string, runId = 1): RunEvent => ({ type: 'log', runId, level: 'log', text });
const texts = (sent: FromWorker[]) =>
  sent.map((m) => (m.type === 'batch' ? m.events.map((e) => (e.type === 'log' ? e.text : e.type)) : m.type === 'log' ? m.text : m.type));

describe('worker outbox', () => {
  it('sends a burst as one batch when its timer fires', () => {
    const sent: FromWorker[] = [];
    const clock = manualClock();
    const outbox = createOutbox((m) => sent.push(m), clock);
    for (let i = 0; i < 1000; i++) outbox.post(log(String(i)));
    expect(sent).toHaveLength(0);
    clock.fire();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'batch', runId: 1 });
    expect((sent[0] as Extract<FromWorker, { type: 'batch' }>).events).toHaveLength(1000);
  });

  it('flushes from inside a tight loop, where no timer can fire', () => {
    const sent: FromWorker[] = [];
    const clock = manualClock();
    const outbox = createOutbox((m) => sent.push(m), clock);
    for (let i = 0; i < 100; i++) {
      outbox.post(log(String(i)));
      clock.advance(1);
    }
    // One batch per 16 ms of posting, without any timer having run.
    expect(sent.length).toBeGreaterThanOrEqual(5);
    expect(sent.length).toBeLessThanOrEqual(7);
  });

  it('sends errors and the end of the run at once, after what came before, in order', () => {
    const sent: FromWorker[] = [];
    const outbox = createOutbox((m) => sent.push(m), manualClock());
    outbox.post(log('a'));
    outbox.post({ type: 'error', runId: 1, error: { name: 'Error', message: 'x', location: null, origin: 'runtime' } });
    expect(texts(sent)).toEqual([['a', 'error']]);
    outbox.post(doneEvent({ ok: false, durationMs: 1 }));
    expect(texts(sent)).toEqual([['a', 'error'], 'done']);
  });

  it('never mixes two runs in one batch', () => {
    const sent: FromWorker[] = [];
    const clock = manualClock();
    const outbox = createOutbox((m) => sent.push(m), clock);
    outbox.post(log('a', 1));
    outbox.post(log('b', 2));
    clock.fire();
    expect(sent.map((m) => (m.type === 'batch' || m.type === 'log' ? m.runId : null))).toEqual([1, 2]);
  });
});
