/**
 * The compiler: how it names the snippet's frames is measured per engine (new Function here in
 * V8 and in Firefox, a blob: module in WebKit, which the cross-engine suite runs), and awaits are
 * instrumented everywhere so an error raised past one gets its line.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { selectBackend } from '../../src/tfjs/backend';
import { Lambda, registerLambda } from '../../src/tfjs/lambda';
import * as tf from '../../src/tfjs/tf';
import type { ErrorData, FromWorker } from '../../src/snippet/protocol';
import { instrumentAwaits } from '../../src/snippet/worker/awaits';
import { prepareCompiler, type Compiler } from '../../src/snippet/worker/compile';
import { runSnippet } from '../../src/snippet/worker/run';

beforeAll(async () => {
  await selectBackend('cpu');
  registerLambda();
});

async function errorOf(code: string, compiler?: Compiler): Promise<ErrorData | undefined> {
  const events: FromWorker[] = [];
  await runSnippet(code, { tf, Lambda, post: (m) => events.push(m), runId: 1, backend: 'cpu', compiler });
  return events.flatMap((e) => (e.type === 'error' ? [e.error] : []))[0];
}

/** What the snippet showed, as the page receives it. */
async function shownBy(code: string, compiler: Compiler): Promise<unknown[]> {
  const events: FromWorker[] = [];
  await runSnippet(code, { tf, Lambda, post: (m) => events.push(m), runId: 1, backend: 'cpu', compiler });
  return events.flatMap((e) => (e.type === 'show' ? [e.data] : []));
}

/** tfjs throws this one from inside fit, after awaits of its own: no frame of the snippet is left in V8 either, without async stacks. */
const FIT_THEN_FAIL = [
  'const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] });',
  "m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });",
  'const x = tf.ones([4, 3]);',
  'const history = await m.fit(x, tf.ones([4, 1]), { epochs: 2, callbacks: { onEpochEnd: () => x.dispose() } });',
].join('\n');

describe('the engine here (V8)', () => {
  test('compiles with new Function and instruments awaits', async () => {
    const compiler = await prepareCompiler();
    expect(compiler.strategy).toBe('function');
    expect(compiler.instrumented).toBe(true);
    expect((await errorOf(FIT_THEN_FAIL))?.location?.line).toBe(4);
  });

  test('without the instrumentation, that error has no line: V8 loses the frames across tfjs timers', async () => {
    const plain = await prepareCompiler({ instrumentAwaits: false });
    expect((await errorOf(FIT_THEN_FAIL, plain))?.location).toBeNull();
  });

  test('runs the snippet in strict mode, as a module would in every engine', async () => {
    const error = await errorOf('undeclared = 1;');
    expect(error).toMatchObject({ name: 'ReferenceError', location: { line: 1 } });
    expect((await errorOf('show(1);\nconst o = 010;'))?.location).toEqual({ line: 2, column: 11 });
  });
});

describe('instrumented awaits', () => {
  test('an error tfjs raises after its own awaits points at the awaiting line', async () => {
    const compiler = await prepareCompiler({ instrumentAwaits: true });
    // Without V8's async frames the stack would hold nothing of the snippet; the await notes where it is.
    const error = await errorOf(FIT_THEN_FAIL, compiler);
    expect(error?.location).toEqual({ line: 4, column: 'const history = '.length + 1 });
  });

  test('the innermost await of the snippet wins, and other errors keep their exact column', async () => {
    const compiler = await prepareCompiler({ instrumentAwaits: true });
    const nested = await errorOf(
      ['async function train() {', '  await Promise.reject(new Error("no"));', '}', 'await train();'].join('\n'),
      compiler,
    );
    expect(nested?.location?.line).toBe(2);
    // A line with an await before the faulty expression: the inserted text is not counted.
    const sameLine = await errorOf('show(1);\nconst v = await Promise.resolve({}); v.missing.value;', compiler);
    expect(sameLine).toMatchObject({
      name: 'TypeError',
      location: { line: 2, column: 'const v = await Promise.resolve({}); v.missing.'.length + 1 },
    });
  });

  test('instrumented code means the same: sequence arguments, nested awaits, a value that is no promise', async () => {
    const compiler = await prepareCompiler({ instrumentAwaits: true });
    const shown = await shownBy('show(await (1, 2));\nshow(await (await Promise.resolve(3)));\nshow(await 4 + 1);', compiler);
    expect(shown).toEqual([
      { kind: 'number', value: 2 },
      { kind: 'number', value: 3 },
      { kind: 'number', value: 5 },
    ]);
  });

  test('warming the parser (done while a spare worker waits) leaves the last snippet’s error locations as they were', async () => {
    const compiler = await prepareCompiler({ instrumentAwaits: true });
    const snippet = await compiler.compile('show(1);\nconst v = await Promise.resolve(null); v.missing;');
    const thrown = await snippet(tf, () => undefined, console, Lambda).then(
      () => null,
      (e: unknown) => e,
    );
    const before = compiler.locate(thrown);
    expect(before).toEqual({ line: 2, column: 'const v = await Promise.resolve(null); v.'.length + 1 });
    await compiler.warm();
    expect(compiler.locate(thrown)).toEqual(before);
  });

  test('leaves code that does not parse to the engine', async () => {
    expect(await instrumentAwaits('const x = await ;', 'h', ['tf'])).toBeNull();
    const compiler = await prepareCompiler({ instrumentAwaits: true });
    expect(await errorOf('show(1);\nconst x = ;', compiler)).toMatchObject({
      name: 'SyntaxError',
      location: { line: 2, column: 11 },
      origin: 'syntax',
    });
  });

  test('code that never says await is not parsed (a fresh worker’s first parse is its slowest), and runs the same', async () => {
    // Acorn would refuse this; untouched, it reaches the engine, which reports it as above.
    expect((await instrumentAwaits('const x = ;', 'h', ['tf']))?.code).toBe('const x = ;');
    const compiler = await prepareCompiler({ instrumentAwaits: true });
    expect(await errorOf('show(1);\nconst tf = 2;', compiler)).toMatchObject({ name: 'SyntaxError', origin: 'syntax' });
    const shown = await shownBy("show('await'); // await in a string and a comment still instruments\nshow(await 1);", compiler);
    expect(shown).toEqual([
      { kind: 'text', text: 'await' },
      { kind: 'number', value: 1 },
    ]);
  });
});
