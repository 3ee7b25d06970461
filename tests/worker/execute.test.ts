import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '../../src/tfjs/tf';
import { selectBackend } from '../../src/tfjs/backend';
import { Lambda, registerLambda } from '../../src/tfjs/lambda';
import { asyncErrorMessage } from '../../src/snippet/worker/errors';
import { formatLogArgs } from '../../src/snippet/worker/console-format';
import { runSnippet } from '../../src/snippet/worker/run';
import { LIMITS, type FromWorker } from '../../src/snippet/protocol';

beforeAll(async () => {
  await selectBackend('cpu');
  registerLambda();
});

/** Runs in this process: fast, and enough for what does not depend on a fresh tfjs. */
async function run(code: string) {
  const events: FromWorker[] = [];
  await runSnippet(code, { tf, Lambda, post: (m) => events.push(m), runId: 7, backend: 'cpu' });
  const of = <T extends FromWorker['type']>(type: T) => events.filter((e): e is Extract<FromWorker, { type: T }> => e.type === type);
  const done = of('done')[0]!;
  return { events, of, done, errors: of('error').map((e) => e.error) };
}

describe('output', () => {
  test('messages come in order: started, shows and logs as they happen, done', async () => {
    const { events, done } = await run(`
show(1, 'first');
console.log('between');
show(tf.tensor1d([1, 2]), 'second');
show('third');`);
    expect(events.map((e) => (e.type === 'show' ? `show:${e.label}` : e.type))).toEqual([
      'started',
      'show:first',
      'log',
      'show:second',
      'show:null',
      'done',
    ]);
    expect(events.every((e) => !('runId' in e) || e.runId === 7)).toBe(true);
    expect(done.ok).toBe(true);
  });

  test('console levels are captured and formatted like a console', async () => {
    const { of } = await run(`
console.log('a', 1, true, null, undefined, [1, 'x'], { k: NaN });
console.info('%s has %d units (%i%%)', 'dense', 4.7, 99.9);
console.warn(tf.tensor1d([1, 2, 3]));
console.error(new RangeError('too far'));
console.log(tf.layers.dense({ units: 1, name: 'd' }), { t: tf.zeros([2, 3]) });`);
    expect(of('log').map((l) => [l.level, l.text])).toEqual([
      ['log', 'a 1 true null undefined [1,"x"] {"k":NaN}'],
      ['info', 'dense has 4 units (99%)'],
      ['warn', 'Tensor\n    [1, 2, 3]'],
      ['error', 'RangeError: too far'],
      ['log', 'Layer Dense (d) {"t":"Tensor float32 [2,3]"}'],
    ]);
  });

  test('what tfjs prints (tensor.print(), model.summary()) is in the output, as the snippet’s own logs are', async () => {
    const { of } = await run(`
tf.tensor1d([1, 2, 3]).print();
tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], name: 'd' })] }).summary();`);
    const lines = of('log').map((l) => l.text);
    expect(lines[0]).toBe('Tensor\n    [1, 2, 3]');
    expect(lines.join('\n')).toMatch(/Layer \(type\)[\s\S]*d \(Dense\)[\s\S]*Total params: 8/);
    // Only while the snippet runs: afterwards the worker's console is its own again.
    expect(console.log).not.toBe(undefined);
    expect(String(console.log)).not.toContain('this.log');
  });

  test('every console method a browser has writes to the output, none throws', async () => {
    const { of, errors } = await run(`
console.table([{ a: 1 }]);
console.dir({ b: 2 });
console.group('g');
console.groupEnd();
console.count(); console.count();
console.count('x');
console.assert(1 === 1, 'fine');
console.assert(1 === 2, 'broken');
console.time('t'); console.timeEnd('t');
console.timeEnd('never');
console.trace('here');`);
    expect(errors).toEqual([]);
    const lines = of('log').map((l) => [l.level, l.text.replace(/\d+\.\d ms/, 'N ms')]);
    expect(lines).toEqual([
      ['log', '[{"a":1}]'],
      ['log', '{"b":2}'],
      ['log', 'g'],
      ['log', 'default: 1'],
      ['log', 'default: 2'],
      ['log', 'x: 1'],
      ['error', 'Assertion failed: broken'],
      ['log', 't: N ms'],
      ['warn', "Timer 'never' does not exist"],
      ['log', 'Trace: here'],
    ]);
  });

  test('top-level await works', async () => {
    const { of, done } = await run(`
const v = await new Promise((resolve) => setTimeout(() => resolve(42), 5));
const data = await tf.tensor1d([3, 4]).data();
show(v); show(Array.from(data));`);
    expect(done.ok).toBe(true);
    expect(of('show').map((s) => s.data)).toEqual([
      { kind: 'number', value: 42 },
      { kind: 'json', value: [3, 4], truncated: false },
    ]);
  });

  test('output beyond the caps is dropped and counted', async () => {
    const { of, done } = await run(`
for (let i = 0; i < ${LIMITS.MAX_SHOWS + 5}; i++) show(i);
for (let i = 0; i < ${LIMITS.MAX_LOG_LINES + 7}; i++) console.log(i);`);
    expect(of('show')).toHaveLength(LIMITS.MAX_SHOWS);
    expect(of('log')).toHaveLength(LIMITS.MAX_LOG_LINES);
    expect(of('dropped')).toEqual([{ type: 'dropped', runId: 7, shows: 5, logs: 7 }]);
    expect(done.ok).toBe(true);
  });

  test('the snippet gets only tf, show, console and Lambda', async () => {
    const { of } = await run(`show([typeof tf.layers.dense, typeof show, typeof Lambda, typeof tf.selectBackend])`);
    expect(of('show')[0]!.data).toEqual({ kind: 'json', value: ['function', 'function', 'function', 'undefined'], truncated: false });
  });
});

describe('errors', () => {
  test('a syntax error is located with acorn', async () => {
    const { errors, done, of } = await run(`show(1);\nconst x = [1, 2;\nshow(x);`);
    expect(errors).toEqual([
      { name: 'SyntaxError', message: expect.stringContaining('Unexpected'), location: { line: 2, column: 16 }, origin: 'syntax' },
    ]);
    // Nothing ran.
    expect(of('show')).toHaveLength(0);
    expect(done.ok).toBe(false);
  });

  test('redeclaring a snippet parameter is a located syntax error', async () => {
    const { errors } = await run(`show(1);\nconst tf = 2;`);
    expect(errors[0]).toMatchObject({ name: 'SyntaxError', location: { line: 2, column: 7 }, origin: 'syntax' });
  });

  test('a runtime error points at the reader line and column, on line 1 too', async () => {
    const first = await run(`undefinedThing();`);
    expect(first.errors[0]).toMatchObject({ name: 'ReferenceError', location: { line: 1, column: 1 }, origin: 'runtime' });

    const nested = await run(`const f = (x) => {\n  return x.missing.value;\n};\nshow(1);\nf({});`);
    expect(nested.errors[0]).toEqual({
      name: 'TypeError',
      message: "Cannot read properties of undefined (reading 'value')",
      location: { line: 2, column: 20 },
      origin: 'runtime',
    });
    expect(nested.of('show')).toHaveLength(1);
  });

  test("tfjs' own messages are kept as they are, located at the reader's call", async () => {
    const { errors } = await run(`
const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], name: 'd' })] });
model.predict(tf.ones([4, 2]));`);
    expect(errors[0]!.message).toBe('Error when checking : expected d_input to have shape [null,3] but got array with shape [4,2].');
    expect(errors[0]!.name).toBe('Error');
    expect(errors[0]!.location?.line).toBe(3);

    // Sequential and functional models word "not compiled" differently; both stay as tfjs says.
    const fit = await run(`
const input = tf.input({ shape: [1] });
const model = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 1 }).apply(input) });
await model.fit(tf.ones([2, 1]), tf.ones([2, 1]));`);
    expect(fit.errors[0]!.message).toContain('You must compile a model before training/testing');
    const sequential = await run(`
const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
await model.fit(tf.ones([2, 1]), tf.ones([2, 1]));`);
    expect(sequential.errors[0]!.message).toBe('The model needs to be compiled before being used.');
  });

  test('an error inside a custom layer is located in the layer code, even from fit', async () => {
    const { errors } = await run(`
class Broken extends tf.layers.Layer {
  static className = 'Broken';
  call(x) {
    throw new Error('broken call');
  }
}
const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] }), new Broken({})] });
model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
await model.fit(tf.ones([2, 1]), tf.ones([2, 1]));`);
    expect(errors[0]).toMatchObject({ message: 'broken call', location: { line: 5, column: 11 } });
  });

  test('throwing a non-Error is reported as Thrown with its text', async () => {
    expect((await run(`throw 42;`)).errors).toEqual([{ name: 'Thrown', message: '42', location: null, origin: 'runtime' }]);
    expect((await run(`throw null;`)).errors[0]).toMatchObject({ name: 'Thrown', message: 'null' });
    expect((await run(`throw { code: 3 };`)).errors[0]).toMatchObject({ name: 'Thrown', message: '{"code":3}' });
  });

  test('asyncErrorMessage locates late errors and marks them async', async () => {
    // Reader code that runs after the run, as a timer callback would.
    await run(`globalThis.lateCallback = () => {\n  null.boom;\n};`);
    const late = (() => {
      try {
        (globalThis as unknown as { lateCallback: () => void }).lateCallback();
      } catch (e) {
        return e;
      }
    })();
    expect(asyncErrorMessage(7, late)).toEqual({
      type: 'error',
      runId: 7,
      error: {
        name: 'TypeError',
        message: "Cannot read properties of null (reading 'boom')",
        location: { line: 2, column: 8 },
        origin: 'async',
      },
    });
    expect(asyncErrorMessage(7, 'nope')).toEqual({
      type: 'error',
      runId: 7,
      error: { name: 'Thrown', message: 'nope', location: null, origin: 'async' },
    });
  });
});

describe('memory and training', () => {
  test('one deliberate leak counts exactly one tensor', async () => {
    const { done } = await run(`
const kept = tf.tensor1d([1, 2, 3]);
const tidied = tf.tidy(() => tf.square(tf.tensor1d([1, 2])).sum());
tidied.dispose();
show(kept);`);
    expect(done).toMatchObject({ ok: true, leakedTensors: 1, leakedVariables: 0 });
  });

  test('layer weights count as variables', async () => {
    const { done } = await run(`const d = tf.layers.dense({ units: 2 }); const y = d.apply(tf.ones([1, 3])); y.dispose();`);
    // The input tensor leaks; kernel and bias are variables.
    expect(done).toMatchObject({ leakedTensors: 3, leakedVariables: 2 });
  });

  test('an optimizer’s state is counted apart from leaks, and not after dispose()', async () => {
    const fit = (optimizer: string, dispose = '') => `
const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
model.compile({ optimizer: ${optimizer}, loss: 'meanSquaredError' });
const xs = tf.ones([4, 1]);
await model.fit(xs, xs, { epochs: 2 });
xs.dispose();${dispose}`;
    // SGD keeps its negated learning rate as a scalar: kernel + bias + that scalar.
    expect((await run(fit(`'sgd'`))).done).toMatchObject({
      leakedTensors: 3,
      leakedVariables: 2,
      optimizerTensors: 1,
      optimizerVariables: 0,
    });
    expect((await run(fit(`tf.train.sgd(0.1)`))).done).toMatchObject({ leakedTensors: 3, optimizerTensors: 1 });
    // Adam: two moments per weight plus its beta powers, all variables.
    expect((await run(fit(`'adam'`))).done).toMatchObject({
      leakedTensors: 8,
      leakedVariables: 8,
      optimizerTensors: 6,
      optimizerVariables: 6,
    });
    expect((await run(fit(`'sgd'`, '\nmodel.optimizer.dispose();'))).done).toMatchObject({ leakedTensors: 2, optimizerTensors: 0 });
    // An optimizer used by hand (minimize), made with `new`: its learning rate, momentum and
    // accumulator; besides them, the variable and the scalar it was made from.
    const { done } = await run(`
const w = tf.variable(tf.scalar(3));
const opt = new tf.MomentumOptimizer(0.1, 0.9);
opt.minimize(() => w.square());`);
    expect(done).toMatchObject({ leakedTensors: 5, leakedVariables: 2, optimizerTensors: 3, optimizerVariables: 1 });
  });

  test('fit streams each epoch and keeps the reader callbacks', async () => {
    const { of, done } = await run(`
const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
model.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['mse'] });
const xs = tf.tensor2d([[1], [2], [3], [4]]);
const seen = [];
await model.fit(xs, xs, { epochs: 3, callbacks: { onEpochEnd: (epoch) => seen.push(epoch) } });
await model.fit(xs, xs, { epochs: 2, callbacks: [tf.callbacks.earlyStopping({ monitor: 'loss', patience: 5 })] });
show(seen);`);
    expect(done.ok).toBe(true);
    const epochs = of('fit-epoch');
    expect(epochs.map((e) => [e.fitId, e.epoch, e.epochs])).toEqual([
      [1, 0, 3],
      [1, 1, 3],
      [1, 2, 3],
      [2, 0, 2],
      [2, 1, 2],
    ]);
    expect(Object.keys(epochs[0]!.logs).sort()).toEqual(['loss', 'mse']);
    expect(typeof epochs[0]!.logs.loss).toBe('number');
    expect(of('show')[0]!.data).toEqual({ kind: 'json', value: [0, 1, 2], truncated: false });
  });
});

test('formatLogArgs leaves unmatched directives and extra args as a console does', () => {
  expect(formatLogArgs(['%s and %s', 'one'])).toBe('one and %s');
  expect(formatLogArgs(['%c styled', 'color: red', 'tail'])).toBe(' styled tail');
  expect(formatLogArgs([-0, 10n, Symbol('s')])).toBe('-0 10n Symbol(s)');
});
