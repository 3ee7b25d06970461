/**
 * The site's own `Lambda` layer for TensorFlow.js. It is NOT part of TensorFlow.js,
 * which has no Lambda layer at all: it exists so the live snippets can show what
 * Keras 3's `keras.layers.Lambda` (keras/src/layers/core/lambda_layer.py) does, and
 * it mirrors that class as closely as JavaScript allows:
 * - it wraps a function and owns no weights: a `tf.variable` the function closes over
 *   is not tracked, so `fit` never trains it;
 * - `training` and `mask` reach the function only if it declares a parameter with that
 *   name, and `arguments` are passed by parameter name (see `declaredParameters`);
 * - `outputShape` is optional (an array without the batch dimension, or a function of
 *   the full input shape); without it the shape is inferred by running the function;
 * - the function is saved as source text and, like Keras' `safe_mode`, loading it is
 *   refused until `Lambda.enableUnsafeDeserialization()` is called. Loaded, it sees only
 *   global names, as a Keras lambda rebuilt from bytecode does;
 * - `arguments` are saved like Keras saves them: JSON values, and tensors as their values;
 *   `getConfig()` refuses any other argument rather than drop it from the saved file.
 */
import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Shape } from '@tensorflow/tfjs-layers';

// tfjs-layers does not export these two types from its entry point.
type LayerArgs = NonNullable<ConstructorParameters<typeof tfl.layers.Layer>[0]>;
type Kwargs = Parameters<tfl.layers.Layer['call']>[1];

/**
 * A function of the input: a tensor, or a tensor array for a layer with several inputs.
 * `any` because its other parameters are matched by name at run time, which no static
 * type can express; it also lets `(x: Tensor) => ...` and `(xs: Tensor[]) => ...` both fit.
 */
export type LambdaFunction = (...args: any[]) => Tensor | Tensor[];
export type OutputShapeFunction = (inputShape: Shape | Shape[]) => Shape | Shape[];

export interface LambdaLayerArgs extends LayerArgs {
  /** The wrapped function; receives the layer's input first. */
  fn: LambdaFunction;
  /** An array excludes the batch dimension (it is prepended); a function gets the full input shape. */
  outputShape?: number[] | OutputShapeFunction;
  /** Extra values passed to `fn` by parameter name, like Keras' `arguments=`. */
  arguments?: Record<string, unknown>;
}

/**
 * Wraps a function as a layer, like `keras.layers.Lambda`. Best suited for simple
 * operations; a layer with state, or one that must be saved portably, should subclass
 * `tf.layers.Layer` instead.
 *
 * Calling convention: `fn(input, ...rest)`, one value per parameter that `fn` declares
 * after the first, chosen by the parameter's NAME:
 * - `training`: `true` in `fit` (or `apply(x, { training: true })`), otherwise `false`.
 *   tfjs leaves the flag undefined outside `fit`; the function gets a real boolean, as
 *   Keras gives `False` at inference.
 * - `mask`: the input mask tfjs provides, or `undefined`.
 * - a key of `arguments`: that value. Keys no parameter names are ignored (Python
 *   would raise a TypeError).
 * - anything else, including destructured and rest parameters: `undefined`.
 * So a function that does not declare `training` never receives it.
 */
export class Lambda extends tfl.layers.Layer {
  /** @nocollapse */
  static className = 'Lambda';
  private static unsafeDeserialization = false;

  readonly fn: LambdaFunction;
  private readonly declaredOutputShape?: number[] | OutputShapeFunction;
  private readonly fnArguments: Record<string, unknown>;
  private readonly fnParameters: string[];

  constructor(args: LambdaLayerArgs) {
    super(args);
    this.fn = args.fn;
    this.declaredOutputShape = args.outputShape;
    this.fnArguments = { ...args.arguments };
    // Read once, as Keras reads the argspec once in __init__.
    this.fnParameters = declaredParameters(args.fn);
  }

  /** Allows loading functions saved as source (Keras' `enable_unsafe_deserialization()`). */
  static enableUnsafeDeserialization(): void {
    Lambda.unsafeDeserialization = true;
  }

  /** Restores the safe default. */
  static disableUnsafeDeserialization(): void {
    Lambda.unsafeDeserialization = false;
  }

  override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor | Tensor[] {
    return tfc.tidy(() => {
      this.invokeCallHook(inputs, kwargs);
      return this.invoke(inputs, kwargs);
    });
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const declared = this.declaredOutputShape;
    if (typeof declared === 'function') return declared(inputShape);
    // Keras takes the batch size from the first input.
    if (declared != null) return [inputShape.flat()[0] ?? null, ...declared];
    try {
      const small = this.probeOutputShape(inputShape, 1);
      if (!inputShape.flat().includes(null)) return small;
      // Output dimensions that change with the unknown input ones are unknown (null).
      return sameOrNull(small, this.probeOutputShape(inputShape, 2)) as Shape | Shape[];
    } catch (cause) {
      throw new Error(
        "We could not automatically infer the shape of the Lambda's output. Please specify " +
          'the `outputShape` argument for this Lambda layer. Cause: ' +
          (cause instanceof Error ? cause.message : String(cause)),
        { cause },
      );
    }
  }

  /**
   * Strings are stored percent-encoded (see `caseProof`): tfjs' `model.toJSON()` rewrites
   * every string of a layer config to snake_case, except those under a `name` or `className`
   * key, and `modelFromJSON` back to camelCase, which would turn `Math.PI` into `Math.pi`.
   * `arguments` are saved as Keras saves them: JSON values as they are, tensors as their
   * values (see `saveArgument`); anything else throws here rather than vanish from the file.
   */
  override getConfig(): tfc.serialization.ConfigDict {
    const config: tfc.serialization.ConfigDict = { ...super.getConfig(), function: saveFunction(this.fn) };
    const declared = this.declaredOutputShape;
    if (declared != null) config['outputShape'] = typeof declared === 'function' ? saveFunction(declared) : declared;
    const saved = Object.fromEntries(Object.entries(this.fnArguments).map(([k, v]) => [k, saveArgument(v, k, this.name)]));
    config['arguments'] = mapStrings(saved, caseProof);
    return config;
  }

  static override fromConfig<T extends tfc.serialization.Serializable>(
    cls: tfc.serialization.SerializableConstructor<T>,
    config: tfc.serialization.ConfigDict,
  ): T {
    if (!Lambda.unsafeDeserialization) {
      throw new Error(
        'Requested the deserialization of a Lambda layer whose function is JavaScript source text. ' +
          'This carries a potential risk of arbitrary code execution and thus it is disallowed by default. ' +
          'If you trust the source of the saved model, call Lambda.enableUnsafeDeserialization() before ' +
          "loading it (the equivalent of Keras' safe_mode=False / keras.config.enable_unsafe_deserialization()).",
      );
    }
    // deserialization adds `customObjects` to every config; it is no constructor argument.
    const { function: fn, outputShape, arguments: args, customObjects: _, ...layerArgs } = config;
    const lambdaArgs: LambdaLayerArgs = {
      ...(layerArgs as LayerArgs),
      fn: loadFunction(fn) as LambdaFunction,
      outputShape: (savedSource(outputShape) === undefined ? outputShape : loadFunction(outputShape)) as LambdaLayerArgs['outputShape'],
      arguments: loadArgument(mapStrings(args ?? {}, decodeURIComponent)) as Record<string, unknown>,
    };
    return new cls(lambdaArgs);
  }

  private invoke(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor | Tensor[] {
    // A model feeds a single input as a one-element array; Keras hands the tensor itself.
    const input = Array.isArray(inputs) && inputs.length === 1 ? inputs[0] : inputs;
    const rest = this.fnParameters.slice(1).map((name): unknown => {
      if (name === 'training') return kwargs['training'] === true;
      if (name === 'mask') return kwargs['mask'] ?? undefined;
      return name !== '' && Object.hasOwn(this.fnArguments, name) ? this.fnArguments[name] : undefined;
    });
    // Trailing gaps are dropped so that a rest parameter receives nothing it was not given.
    while (rest.length > 0 && rest[rest.length - 1] === undefined) rest.pop();
    return this.fn(input, ...rest);
  }

  /** Runs `fn` on zeros, with each unknown dimension set to `size`, and returns the output shape. */
  private probeOutputShape(inputShape: Shape | Shape[], size: number): number[] | number[][] {
    const zerosOf = (shape: Shape) => tfc.zeros(shape.map((d) => d ?? size));
    const several = Array.isArray(inputShape[0]);
    let shape: number[] | number[][] = [];
    tfc.tidy(() => {
      const out = this.invoke(several ? (inputShape as Shape[]).map(zerosOf) : zerosOf(inputShape as Shape), {});
      shape = Array.isArray(out) ? out.map((t) => t.shape) : out.shape;
    });
    return shape;
  }
}

/** Registers `Lambda` for `tf.models.modelFromJSON` / `loadLayersModel`, once per tfjs instance. */
export function registerLambda(): void {
  // The registry lives in tfjs-core, hence per tfjs instance; 4.22 would silently re-register.
  const registered = tfc.serialization.SerializationMap.getMap().classNameMap[Lambda.className];
  if (registered?.[0] !== Lambda) tfc.serialization.registerClass(Lambda);
}

/**
 * The parameter names a function declares, read from its source since JavaScript has no
 * argspec: `x => ...`, `(x, y = 1) => ...`, `async (x) => ...`, `function f(x, y) {}`,
 * methods; comments are ignored. A destructured (`{ a }`, `[a]`) or rest (`...xs`)
 * parameter has no name: it yields '' and is never matched. Regular-expression literals
 * inside default values are not understood.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function declaredParameters(fn: Function): string[] {
  // Comments go; string literals are matched first so that a `'//'` inside one stays.
  const comments = /(["'`])(?:\\[^]|(?!\1)[^\\])*\1|\/\/[^\n]*|\/\*[^]*?\*\//g;
  const source = Function.prototype.toString.call(fn).replace(comments, (m) => (m[0] === '/' ? ' ' : m));
  const bareArrow = new RegExp(`^\\s*(?:async\\s+)?(${IDENTIFIER.source})\\s*=>`, 'u').exec(source);
  if (bareArrow?.[1] != null) return [bareArrow[1]];
  const open = source.indexOf('(');
  if (open < 0) return [];
  const items = topLevelItems(source, open + 1);
  // `()` and a trailing comma leave an empty item that is no parameter.
  if (items.length > 0 && items[items.length - 1]!.trim() === '') items.pop();
  return items.map((item) => {
    const text = item.trim();
    if (/^(\.\.\.|\{|\[)/.test(text)) return '';
    return new RegExp(`^${IDENTIFIER.source}`, 'u').exec(text)?.[0] ?? '';
  });
}

const IDENTIFIER = /[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*/u;

/** Splits the text from `start` on top-level commas, up to the `)` closing the list. */
function topLevelItems(source: string, start: number): string[] {
  const items: string[] = [];
  let depth = 0;
  let itemStart = start;
  for (let i = start; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      while (++i < source.length && source[i] !== ch) if (source[i] === '\\') i++;
    } else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch) && depth > 0) depth--;
    else if (ch === ')' || (ch === ',' && depth === 0)) {
      items.push(source.slice(itemStart, i));
      itemStart = i + 1;
      if (ch === ')') return items;
    }
  }
  return items;
}

/** `a` where it equals `b`, null where a dimension differs; throws if the ranks differ. */
function sameOrNull(a: unknown, b: unknown): unknown {
  if (!Array.isArray(a)) return a === b ? a : null;
  if (!Array.isArray(b) || a.length !== b.length) throw new Error("the output's rank depends on the input's unknown dimensions");
  return a.map((item, i) => sameOrNull(item, b[i]));
}

type ConfigValue = tfc.serialization.ConfigDictValue;

/** Applies `f` to every string and key in a JSON value. */
function mapStrings(value: ConfigValue, f: (text: string) => string): ConfigValue {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [f(k), mapStrings(v, f)]));
}

/**
 * Percent-encodes `%`, `_` and every character `toLowerCase` changes: the text then
 * survives tfjs' snake_case/camelCase rewriting, and `decodeURIComponent` restores it.
 */
function caseProof(text: string): string {
  const encode = (ch: string) => Array.from(new TextEncoder().encode(ch), (b) => '%' + b.toString(16).padStart(2, '0')).join('');
  return text.replace(/[^]/gu, (ch) => (ch === '%' || ch === '_' || ch.toLowerCase() !== ch ? encode(ch) : ch));
}

/** Whether JSON holds `value` exactly (a Tensor or a function does not). */
function isJson(value: unknown): value is ConfigValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  return typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isJson);
}

/** The marker of a saved tensor, the one Keras writes for a tensor in `arguments`. */
const TENSOR_MARKER = '__tensor__';

/**
 * One value of `arguments` as saved: JSON values as they are, a tensor (at any depth of
 * arrays and plain objects) as `{ className: '__tensor__', config: { values, shape, dtype } }`,
 * as Keras 3 writes `{"class_name": "__tensor__", ...}`. Anything else would be lost or
 * changed by JSON (a function, a class instance, a variable, NaN, undefined...): refused,
 * naming the argument, as Keras raises for an object it cannot serialize.
 */
function saveArgument(value: unknown, path: string, layer: string): ConfigValue {
  const refuse = (what: string) =>
    new Error(
      `Lambda layer '${layer}' cannot save its argument '${path}': ${what}. A Lambda's config holds ` +
        'only JSON values (finite numbers, strings, booleans, null, and arrays or plain objects of those) ' +
        'and tensors (saved as their values, shape and dtype). For anything else, write it into the ' +
        'function itself or subclass tf.layers.Layer.',
    );
  if (isJson(value)) return value;
  if (value instanceof tfc.Variable) throw refuse('it is a tf.Variable, whose value changes: state belongs in a layer weight');
  if (value instanceof tfc.Tensor) {
    if (value.isDisposed) throw refuse('it is a disposed tensor');
    if (value.dtype === 'complex64') throw refuse('it is a complex64 tensor');
    const values = Array.from<number | string>(value.dataSync() as ArrayLike<number | string>);
    if (values.some((v) => typeof v === 'number' && !Number.isFinite(v)))
      throw refuse('it is a tensor holding NaN or Infinity, which JSON cannot hold');
    const { shape, dtype } = value as tfc.Tensor;
    return { className: TENSOR_MARKER, config: { values, shape, dtype } };
  }
  if (typeof value === 'number') throw refuse(`it is ${value}, which JSON cannot hold`);
  if (Array.isArray(value)) return value.map((v, i) => saveArgument(v, `${path}[${i}]`, layer));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, saveArgument(v, `${path}.${k}`, layer)]));
  }
  if (typeof value === 'function') throw refuse('it is a function');
  if (typeof value === 'object') throw refuse(`it is an instance of ${value.constructor?.name || 'a class'}`);
  throw refuse(`it is ${typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`}`);
}

/** The reverse of `saveArgument`: saved tensors become tensors again, kept out of any tidy. */
function loadArgument(value: ConfigValue): unknown {
  if (Array.isArray(value)) return value.map(loadArgument);
  if (value === null || typeof value !== 'object') return value;
  const config = value['config'];
  if (value['className'] === TENSOR_MARKER && config !== null && typeof config === 'object' && !Array.isArray(config)) {
    const { values, shape, dtype } = config as { values: number[] | string[]; shape: number[]; dtype: tfc.DataType };
    return tfc.keep(tfc.tensor(values, shape, dtype));
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, loadArgument(v)]));
}

/** A function as saved: its source text, marked the way Keras marks a saved Python lambda. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function saveFunction(fn: Function): tfc.serialization.ConfigDict {
  return { className: '__lambda__', source: caseProof(Function.prototype.toString.call(fn)) };
}

/** The saved source, if `value` is a saved function (modelFromJSON turns the marker into 'Lambda'). */
function savedSource(value: ConfigValue | undefined): string | undefined {
  const source = value !== null && typeof value === 'object' && !Array.isArray(value) ? value['source'] : undefined;
  return typeof source === 'string' ? decodeURIComponent(source) : undefined;
}

/** Evaluates saved source: its free names resolve in the global scope only, as in Keras. */
function loadFunction(saved: ConfigValue | undefined): unknown {
  const source = savedSource(saved);
  // Running saved source is the point (Keras' safe_mode=False), and fromConfig refuses it until
  // Lambda.enableUnsafeDeserialization() is called.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const fn: unknown = source === undefined ? undefined : (new Function(`return (${source});`) as () => unknown)();
  if (typeof fn !== 'function') {
    // A Lambda saved by Python Keras lands here: it holds bytecode, which JavaScript cannot run.
    throw new Error(`This Lambda config holds no JavaScript function source: ${JSON.stringify(saved)}`);
  }
  return fn;
}
