import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import { Lambda, declaredParameters, registerLambda } from '../../src/tfjs/lambda';

beforeAll(async () => {
  await tfc.setBackend('cpu');
  registerLambda();
});

afterEach(() => Lambda.disableUnsafeDeserialization());

/** A concrete output's values (apply's return type also covers symbolic tensors). */
const values = (t: unknown) => (t as tfc.Tensor).arraySync();
const x23 = () =>
  tfc.tensor2d([
    [1, 2, 3],
    [4, 5, 6],
  ]);

/** The model's topology as tfjs' toJSON writes it (plain JSON, not a string), as modelFromJSON reads it. */
type Topology = Parameters<typeof tfl.models.modelFromJSON>[0] & { config: { layers: { class_name: string }[] } };
function topology(model: tfl.LayersModel): Topology {
  return JSON.parse(JSON.stringify(model.toJSON(null, false))) as Topology;
}

describe('weights', () => {
  it('owns none, even when its function closes over a variable', () => {
    const scale = tfc.variable(tfc.scalar(2));
    const layer = new Lambda({ fn: (x: tfc.Tensor) => tfc.mul(x, scale) });
    expect(values(layer.apply(x23()))).toEqual([
      [2, 4, 6],
      [8, 10, 12],
    ]);
    expect(layer.weights).toEqual([]);
    expect(layer.trainableWeights).toEqual([]);
    expect(layer.nonTrainableWeights).toEqual([]);
  });

  it('lets fit train the dense kernel but never the captured variable', async () => {
    const scale = tfc.variable(tfc.scalar(1.5));
    const dense = tfl.layers.dense({ units: 1, kernelInitializer: 'ones' });
    const model = tfl.sequential({
      layers: [new Lambda({ fn: (x: tfc.Tensor) => tfc.mul(x, scale), inputShape: [2] }), dense],
    });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const kernelBefore = dense.getWeights()[0]!.arraySync();
    await model.fit(
      tfc.tensor2d([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
      tfc.tensor2d([[1], [0], [2]]),
      {
        epochs: 5,
        verbose: 0,
      },
    );
    expect(model.trainableWeights.map((w) => w.name)).toEqual(dense.trainableWeights.map((w) => w.name));
    expect(model.trainableWeights).toHaveLength(2);
    expect(scale.arraySync()).toBe(1.5);
    expect(dense.getWeights()[0]!.arraySync()).not.toEqual(kernelBefore);
  });
});

describe('calling convention', () => {
  it('forwards training only to a function that declares it, as a real boolean', () => {
    const seen: unknown[] = [];
    const layer = new Lambda({
      fn: (x: tfc.Tensor, training: unknown) => {
        seen.push(training);
        return training ? tfc.zerosLike(x) : x;
      },
    });
    expect(values(layer.apply(x23(), { training: true }))).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(values(layer.apply(x23()))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(seen).toEqual([true, false]);

    const received: number[] = [];
    const silent = new Lambda({
      fn: (x: tfc.Tensor, ...rest: unknown[]) => {
        received.push(rest.length);
        return x;
      },
    });
    silent.apply(x23(), { training: true });
    expect(received).toEqual([0]);
  });

  it('gives true during fit and false during predict', async () => {
    const seen = new Set<unknown>();
    const model = tfl.sequential({
      layers: [
        new Lambda({ fn: (x: tfc.Tensor, training: boolean) => (seen.add(training), x), inputShape: [2] }),
        tfl.layers.dense({ units: 1 }),
      ],
    });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    seen.clear();
    await model.fit(tfc.ones([4, 2]), tfc.ones([4, 1]), { epochs: 1, verbose: 0 });
    expect([...seen]).toEqual([true]);
    seen.clear();
    model.predict(tfc.ones([1, 2]));
    expect([...seen]).toEqual([false]);
  });

  it('passes arguments and mask by parameter name', () => {
    const layer = new Lambda({
      fn: (x: tfc.Tensor, offset: number, unknown: unknown, scale: number) =>
        unknown === undefined ? tfc.add(tfc.mul(x, scale), offset) : x,
      arguments: { scale: 10, offset: 1, unused: 5 },
    });
    expect(values(layer.apply(tfc.tensor1d([1, 2])))).toEqual([11, 21]);

    const masked = new Lambda({ fn: (x: tfc.Tensor, mask?: tfc.Tensor) => (mask ? tfc.mul(x, mask) : x) });
    const mask = tfc.tensor1d([1, 0]);
    expect(values(masked.apply(tfc.tensor1d([3, 4]), { mask }))).toEqual([3, 0]);
    expect(values(masked.apply(tfc.tensor1d([3, 4])))).toEqual([3, 4]);
  });

  it('hands a multi-input layer the list of tensors', () => {
    const a = tfl.input({ shape: [2] });
    const b = tfl.input({ shape: [2] });
    const sum = new Lambda({ fn: ([p, q]: tfc.Tensor[]) => tfc.add(p!, q!) }).apply([a, b]) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: [a, b], outputs: sum });
    expect(sum.shape).toEqual([null, 2]);
    expect(values(model.predict([tfc.tensor2d([[1, 2]]), tfc.tensor2d([[10, 20]])]))).toEqual([[11, 22]]);
  });

  it('leaves no intermediate tensors behind', () => {
    const layer = new Lambda({ fn: (x: tfc.Tensor) => tfc.sqrt(tfc.add(tfc.square(x), 1)) });
    const input = x23();
    const before = tfc.memory().numTensors;
    const out = layer.apply(input) as tfc.Tensor;
    expect(tfc.memory().numTensors).toBe(before + 1);
    out.dispose();
  });
});

describe('declaredParameters', () => {
  it.each([
    ['arrow without parens', (x: unknown) => x, ['x']],
    ['arrow with parens', (x: unknown, training: unknown) => [x, training], ['x', 'training']],
    // eslint-disable-next-line @typescript-eslint/require-await -- its source text is what is read
    ['async arrow', async (inputs: unknown, mask: unknown) => [inputs, mask], ['inputs', 'mask']],
    [
      'function expression',
      function f(x: unknown, training: unknown) {
        return [x, training];
      },
      ['x', 'training'],
    ],
    [
      'async function',
      // eslint-disable-next-line @typescript-eslint/require-await -- its source text is what is read
      async function (x: unknown) {
        return x;
      },
      ['x'],
    ],
    [
      'default values with commas and brackets',
      (x: unknown, s = [1, 2], t = { a: ')' }, training = false) => [x, s, t, training],
      ['x', 's', 't', 'training'],
    ],
    ['comments', (x: unknown /* , mask */, training: unknown /* flag */) => [x, training], ['x', 'training']],
    ['destructuring', ({ a }: { a: unknown }, [b]: unknown[], training: unknown) => [a, b, training], ['', '', 'training']],
    ['rest parameter', (x: unknown, ...training: unknown[]) => [x, training], ['x', '']],
    ['no parameters', () => 1, []],
    [
      'method shorthand',
      {
        call(x: unknown, mask: unknown) {
          return [x, mask];
        },
      }.call,
      ['x', 'mask'],
    ],
  ])('%s', (_label, fn, expected) => {
    expect(declaredParameters(fn)).toEqual(expected);
  });

  it('reads source text that tsc or esbuild did not write', () => {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- functions whose source no compiler rewrote
    const fromText = (source: string) => (new Function(`return (${source});`) as () => (...a: unknown[]) => unknown)();
    expect(declaredParameters(fromText('async x => x'))).toEqual(['x']);
    expect(declaredParameters(fromText('(x, // training\n mask) => x'))).toEqual(['x', 'mask']);
    expect(declaredParameters(fromText('function (x, s = "a,b)", training) { return x; }'))).toEqual(['x', 's', 'training']);
    expect(declaredParameters(fromText('(x, trailing,) => x'))).toEqual(['x', 'trailing']);
  });

  it('never matches a destructured or rest parameter', () => {
    const received: unknown[] = [];
    const layer = new Lambda({
      fn: (x: tfc.Tensor, { training }: { training?: unknown } = {}, ...more: unknown[]) => {
        received.push(training, more.length);
        return x;
      },
    });
    layer.apply(x23(), { training: true });
    expect(received).toEqual([undefined, 0]);
  });
});

describe('output shape', () => {
  const summaryOf = (model: tfl.LayersModel) => {
    const lines: string[] = [];
    model.summary(80, undefined, (line: string) => lines.push(line));
    return lines.join('\n');
  };

  it('is inferred by running the function when not declared', () => {
    const layer = new Lambda({ fn: (x: tfc.Tensor) => tfc.sum(tfc.reshape(x, [-1, 2, 3]), -1), inputShape: [6], name: 'pairs' });
    const model = tfl.sequential({ layers: [layer] });
    expect(layer.outputShape).toEqual([null, 2]);
    expect(summaryOf(model)).toMatch(/pairs \(Lambda\)\s+\[\[null,6\]\]\s+\[null,2\]/);
  });

  it('keeps known dimensions that do not follow the batch', () => {
    const total = new Lambda({ fn: (x: tfc.Tensor) => tfc.sum(x, 0) });
    expect(total.computeOutputShape([null, 3])).toEqual([3]);
    const perStep = new Lambda({ fn: (x: tfc.Tensor) => tfc.mean(x, -1) });
    expect(perStep.computeOutputShape([null, null, 4])).toEqual([null, null]);
    expect(perStep.computeOutputShape([8, 5, 4])).toEqual([8, 5]);
  });

  it('takes an array without the batch dimension', () => {
    const layer = new Lambda({ fn: (x: tfc.Tensor) => tfc.reshape(x, [-1, 3, 2]), outputShape: [3, 2], inputShape: [6] });
    tfl.sequential({ layers: [layer] });
    expect(layer.outputShape).toEqual([null, 3, 2]);
  });

  it('takes a function of the full input shape', () => {
    const layer = new Lambda({
      fn: (x: tfc.Tensor) => tfc.concat([x, x], -1),
      outputShape: (s) => [(s as tfl.Shape)[0]!, 2 * (s as tfl.Shape)[1]!],
      inputShape: [3],
      name: 'doubled',
    });
    const model = tfl.sequential({ layers: [layer] });
    expect(layer.outputShape).toEqual([null, 6]);
    expect(summaryOf(model)).toMatch(/doubled \(Lambda\)\s+\[\[null,3\]\]\s+\[null,6\]/);
  });

  it('runs the function on zeros twice when a dimension is unknown, once when none is', () => {
    let calls = 0;
    const counting = () => new Lambda({ fn: (x: tfc.Tensor) => (calls++, tfc.sum(x, -1)) });
    tfl.sequential({ layers: [tfl.layers.inputLayer({ inputShape: [3] }), counting()] });
    expect(calls).toBe(2);
    calls = 0;
    expect(counting().computeOutputShape([4, 3])).toEqual([4]);
    expect(calls).toBe(1);
    // Those runs are real (Keras 3 traces in a stateless scope): a variable the function updates moves twice.
    const seen = tfc.variable(tfc.scalar(0));
    tfl.sequential({
      layers: [tfl.layers.inputLayer({ inputShape: [3] }), new Lambda({ fn: (x: tfc.Tensor) => (seen.assign(tfc.add(seen, 1)), x) })],
    });
    expect(seen.arraySync()).toBe(2);
  });

  it('asks for outputShape, with the cause, when the function cannot run on zeros', () => {
    const layer = new Lambda({ fn: (x: tfc.Tensor) => tfc.reshape(x, [5]) });
    expect(() => tfl.sequential({ layers: [tfl.layers.inputLayer({ inputShape: [3] }), layer] })).toThrow(
      /^We could not automatically infer the shape of the Lambda's output\. Please specify the `outputShape` argument for this Lambda layer\. Cause: Size\(3\) must match the product of shape 5$/,
    );
  });
});

describe('serialization', () => {
  // A function rebuilt from source sees only global names, as a Keras lambda loaded from
  // bytecode does; `tf` is global in the snippet worker, so it is global here too.
  const tf = tfc;
  beforeAll(() => Object.assign(globalThis, { tf }));
  afterAll(() => Reflect.deleteProperty(globalThis, 'tf'));

  const scaled = () =>
    tfl.sequential({
      layers: [
        new Lambda({
          fn: (x: tfc.Tensor, scale_factor: number) => tf.add(tf.mul(x, scale_factor), Math.PI),
          arguments: { scale_factor: 2, tensor: tfc.scalar(1) },
          outputShape: (shape) => shape,
          inputShape: [2],
          name: 'scaled',
        }),
      ],
    });

  it('saves the function as source text, and a tensor argument as its values, shape and dtype', () => {
    const config = (scaled().layers[0] as Lambda).getConfig();
    expect(config['function']).toEqual({
      className: '__lambda__',
      source: expect.stringContaining('tf.mul(x, scale%5ffactor), %4dath.%50%49)'),
    });
    // Percent-encoded like every string (see caseProof): className, __tensor__ and the key scale_factor.
    expect(config['arguments']).toEqual({
      'scale%5ffactor': 2,
      tensor: { 'class%4eame': '%5f%5ftensor%5f%5f', config: { values: [1], shape: [], dtype: 'float32' } },
    });
    expect(config['outputShape']).toEqual({ className: '__lambda__', source: '(shape) => shape' });
    expect(config['name']).toBe('scaled');
  });

  it('refuses to load by default, with an error as clear as Keras', async () => {
    const json = topology(scaled());
    expect(json.config.layers[0]?.class_name).toBe('Lambda');
    await expect(tfl.models.modelFromJSON(json)).rejects.toThrow(
      "Requested the deserialization of a Lambda layer whose function is JavaScript source text. This carries a potential risk of arbitrary code execution and thus it is disallowed by default. If you trust the source of the saved model, call Lambda.enableUnsafeDeserialization() before loading it (the equivalent of Keras' safe_mode=False / keras.config.enable_unsafe_deserialization()).",
    );
  });

  it('loads after enableUnsafeDeserialization and predicts the same values', async () => {
    const model = scaled();
    const json = topology(model);
    Lambda.enableUnsafeDeserialization();
    const loaded = await tfl.models.modelFromJSON(json);
    const input = tfc.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    expect(loaded.layers[0]).toBeInstanceOf(Lambda);
    expect(values(loaded.predict(input))).toEqual(values(model.predict(input)));
    expect((values(loaded.predict(input)) as number[][])[0]![0]).toBeCloseTo(2 + Math.PI, 5);
    expect((loaded.layers[0] as Lambda).getConfig()).toEqual((model.layers[0] as Lambda).getConfig());
  });

  it('restores tensor arguments as tensors, at any depth, with their values, shape and dtype', async () => {
    const grey = tfc.tensor2d([[0.299], [0.587], [0.114]]);
    const model = tfl.sequential({
      layers: [
        new Lambda({
          fn: (x: tfc.Tensor, grey: tfc.Tensor, extra: { offsets: tfc.Tensor[]; label: string }) =>
            tf.add(tf.matMul(x, grey), tf.add(extra.offsets[0]!, extra.offsets[1]!)),
          arguments: { grey, extra: { offsets: [tfc.scalar(1, 'int32'), tfc.scalar(0.5)], label: 'Grey_Level' } },
          inputShape: [3],
          name: 'grey',
        }),
      ],
    });
    const json = topology(model);
    Lambda.enableUnsafeDeserialization();
    const loaded = await tfl.models.modelFromJSON(json);
    const input = tfc.tensor2d([
      [1, 1, 1],
      [2, 0, 0],
    ]);
    expect(values(loaded.predict(input))).toEqual(values(model.predict(input)));
    const restored = (loaded.layers[0] as unknown as { fnArguments: Record<string, unknown> }).fnArguments;
    expect(restored['grey']).toBeInstanceOf(tfc.Tensor);
    const restoredGrey = restored['grey'] as tfc.Tensor;
    expect([restoredGrey.shape, restoredGrey.dtype, restoredGrey.arraySync()]).toEqual([[3, 1], 'float32', grey.arraySync()]);
    const extra = restored['extra'] as { offsets: tfc.Tensor[]; label: string };
    expect(extra.offsets.map((t) => [t.dtype, t.arraySync()])).toEqual([
      ['int32', 1],
      ['float32', 0.5],
    ]);
    expect(extra.label).toBe('Grey_Level');
    // Saved again, the loaded layer writes the same config.
    expect((loaded.layers[0] as Lambda).getConfig()).toEqual((model.layers[0] as Lambda).getConfig());
  });

  it('refuses, at getConfig, an argument JSON would drop or change, and names it', () => {
    const lambdaWith = (args: Record<string, unknown>) => new Lambda({ fn: (x: tfc.Tensor) => x, arguments: args, name: 'odd' });
    expect(() => lambdaWith({ act: tfc.relu }).getConfig()).toThrow(
      "Lambda layer 'odd' cannot save its argument 'act': it is a function. A Lambda's config holds only JSON values (finite numbers, strings, booleans, null, and arrays or plain objects of those) and tensors (saved as their values, shape and dtype). For anything else, write it into the function itself or subclass tf.layers.Layer.",
    );
    expect(() => lambdaWith({ k: Number.NaN }).getConfig()).toThrow("cannot save its argument 'k': it is NaN, which JSON cannot hold");
    expect(() => lambdaWith({ k: undefined }).getConfig()).toThrow("cannot save its argument 'k': it is undefined");
    expect(() => lambdaWith({ when: new Date(0) }).getConfig()).toThrow("cannot save its argument 'when': it is an instance of Date");
    expect(() => lambdaWith({ w: tfc.variable(tfc.scalar(1)) }).getConfig()).toThrow("cannot save its argument 'w': it is a tf.Variable");
    expect(() => lambdaWith({ w: tfc.tensor1d([1, Number.POSITIVE_INFINITY]) }).getConfig()).toThrow(
      'it is a tensor holding NaN or Infinity',
    );
    expect(() => lambdaWith({ opts: { steps: [1, Number.NEGATIVE_INFINITY] } }).getConfig()).toThrow(
      "cannot save its argument 'opts.steps[1]': it is -Infinity",
    );
    // The same error stops model.toJSON and model.save, before anything is written.
    const model = tfl.sequential({
      layers: [new Lambda({ fn: (x: tfc.Tensor) => x, arguments: { act: tfc.relu }, inputShape: [2], name: 'odd' })],
    });
    expect(() => model.toJSON(null, false)).toThrow("Lambda layer 'odd' cannot save its argument 'act': it is a function.");
  });

  it('rebuilds a function that sees global names only, not the names around it when it was saved', async () => {
    const GREY = tfc.tensor2d([[0.299], [0.587], [0.114]]);
    const build = (lambda: Lambda) => tfl.sequential({ layers: [tfl.layers.inputLayer({ inputShape: [3] }), lambda] });
    const input = tfc.tensor2d([[1, 1, 1]]);
    Lambda.enableUnsafeDeserialization();

    const named = build(new Lambda({ fn: (x: tfc.Tensor) => tf.matMul(x, GREY), outputShape: [1] }));
    expect((values(named.predict(input)) as number[][])[0]![0]).toBeCloseTo(1, 5);
    const namedLoaded = await tfl.models.modelFromJSON(topology(named));
    expect(() => namedLoaded.predict(input)).toThrow(new ReferenceError('GREY is not defined'));

    // Without outputShape the failure comes at load, from the shape inference.
    const inferred = build(new Lambda({ fn: (x: tfc.Tensor) => tf.matMul(x, GREY) }));
    await expect(tfl.models.modelFromJSON(topology(inferred))).rejects.toThrow(
      "We could not automatically infer the shape of the Lambda's output. Please specify the `outputShape` argument for this Lambda layer. Cause: GREY is not defined",
    );

    const passed = build(new Lambda({ fn: (x: tfc.Tensor, grey: tfc.Tensor) => tf.matMul(x, grey), arguments: { grey: GREY } }));
    const passedLoaded = await tfl.models.modelFromJSON(topology(passed));
    expect(values(passedLoaded.predict(input))).toEqual(values(passed.predict(input)));
  });

  it('registers once per tfjs instance', () => {
    expect(() => {
      registerLambda();
      registerLambda();
    }).not.toThrow();
    expect(tfc.serialization.SerializationMap.getMap().classNameMap['Lambda']?.[0]).toBe(Lambda);
  });
});
