/**
 * Tensor inspection: turns whatever a snippet shows into plain protocol data.
 * Everything here only reads: no tensor is created, disposed or written, so showing a
 * value never changes `tf.memory()` nor the object shown.
 */
import { Tensor, Variable } from '@tensorflow/tfjs-core';
import { LayersModel, LayerVariable, layers } from '@tensorflow/tfjs-layers';
import { LIMITS, type JsonValue, type LayerData, type ModelData, type ShownData, type TensorData, type WeightData } from '../protocol';
import { capText, errorText, functionText, isErrorLike, primitiveText } from './text';

type Layer = InstanceType<typeof layers.Layer>;

/** Describes any value for `show()`, synchronously. */
export function inspect(value: unknown): ShownData {
  if (value instanceof Tensor) {
    const tensor = value as Tensor;
    return tensor.isDisposed ? { kind: 'text', text: `${summarize(tensor)} (disposed)` } : tensorData(tensor);
  }
  if (value instanceof LayerVariable) return layerVariableData(value);
  if (value instanceof LayersModel) return modelData(value);
  if (value instanceof layers.Layer) return layerData(value);
  switch (typeof value) {
    case 'string':
      return { kind: 'text', text: capText(value) };
    case 'number':
      return { kind: 'number', value };
    case 'boolean':
      return { kind: 'boolean', value };
    case 'undefined':
      return { kind: 'undefined' };
    case 'function':
      return { kind: 'function', source: capText(Function.prototype.toString.call(value)) };
    case 'bigint':
    case 'symbol':
      return { kind: 'text', text: primitiveText(value) };
  }
  if (value === null) return { kind: 'null' };
  if (isErrorLike(value)) return { kind: 'text', text: capText(errorText(value)) };
  return { kind: 'json', ...toJson(value) };
}

/** A tensor's values, row-major, capped at LIMITS.MAX_TENSOR_VALUES. */
function tensorData(t: Tensor): TensorData {
  // dataSync reads the existing buffer: no tensor is allocated, nothing to dispose.
  const raw = t.dataSync() as ArrayLike<number | string>;
  const picked = pickIndices(t.shape, raw.length);
  const n = picked ? picked.indices.length : Math.min(raw.length, LIMITS.MAX_TENSOR_VALUES);
  const values = new Array<number | string>(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = raw[picked ? picked.indices[i]! : i]!;
    if (typeof v === 'string') {
      values[i] = capText(v);
      continue;
    }
    values[i] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const numeric = min <= max;
  return {
    kind: 'tensor',
    dtype: t.dtype,
    shape: [...t.shape],
    size: t.size,
    values,
    truncated: raw.length > n,
    ...(picked ? { window: picked.window } : {}),
    min: numeric ? min : null,
    max: numeric ? max : null,
  };
}

/**
 * For a matrix too large to send, the flat indices of the top-left corner of each leading
 * slice: a 1000x1000 weight then shows a 12x12 block, not a fragment of its first row.
 */
function pickIndices(shape: number[], size: number): { indices: number[]; window: { rows: number; cols: number } } | null {
  if (size <= LIMITS.MAX_TENSOR_VALUES || shape.length < 2) return null;
  const rows = shape[shape.length - 2]!;
  const cols = shape[shape.length - 1]!;
  const view = LIMITS.TENSOR_VIEW;
  const window = { rows: Math.min(rows, view.ROWS), cols: Math.min(cols, view.COLS) };
  const slices = Math.min(size / (rows * cols), view.SLICES);
  const indices: number[] = [];
  for (let s = 0; s < slices; s++) {
    for (let r = 0; r < window.rows; r++) {
      for (let c = 0; c < window.cols; c++) indices.push(s * rows * cols + r * cols + c);
    }
  }
  return { indices, window };
}

/** A layer with its weights; a weight is trainable when the layer reports it so (Keras semantics). */
function layerData(layer: Layer): LayerData {
  const trainable = new Set(layer.trainableWeights);
  const weights = layer.weights.map((w) => weightData(w, trainable.has(w)));
  return {
    kind: 'layer',
    name: layer.name,
    className: classNameOf(layer),
    built: layer.built,
    outputShape: outputShapeOf(layer),
    trainableParams: countParams(layer.trainableWeights),
    nonTrainableParams: countParams(layer.nonTrainableWeights),
    weights,
  };
}

/** A model as a Keras-style summary: one entry per layer, then totals. */
function modelData(model: LayersModel): ModelData {
  return {
    kind: 'model',
    name: model.name,
    className: classNameOf(model),
    layers: model.layers.map(layerData),
    trainableParams: countParams(model.trainableWeights),
    nonTrainableParams: countParams(model.nonTrainableWeights),
  };
}

/** One-line description of tfjs objects ("Tensor float32 [2,3]"), or null for anything else. */
export function summarize(value: unknown): string | null {
  if (value instanceof Tensor) {
    const tensor = value as Tensor;
    return `${tensor instanceof Variable ? 'Variable' : 'Tensor'} ${tensor.dtype} ${shapeText(tensor.shape)}`;
  }
  if (value instanceof LayerVariable) return `LayerVariable ${value.name} ${value.dtype} ${shapeText(value.shape)}`;
  if (value instanceof LayersModel) return `Model ${classNameOf(value)} (${value.name})`;
  if (value instanceof layers.Layer) return `Layer ${classNameOf(value)} (${value.name})`;
  return null;
}

/**
 * Any value as a JSON-like tree, capped at LIMITS.MAX_JSON_NODES nodes. Cycles become
 * "[Circular]", tfjs objects their summary; undefined is dropped from objects and becomes
 * null in arrays, as JSON.stringify does.
 */
export function toJson(value: unknown): { value: JsonValue; truncated: boolean } {
  const walker = new JsonWalker();
  const json = walker.visit(value);
  return { value: json === undefined ? null : json, truncated: walker.truncated };
}

// ---------------------------------------------------------------------------

function layerVariableData(v: LayerVariable): ShownData {
  try {
    return tensorData(v.read());
  } catch {
    return { kind: 'text', text: `${summarize(v)} (disposed)` };
  }
}

function weightData(w: LayerVariable, trainable: boolean): WeightData {
  let values: TensorData;
  try {
    values = tensorData(w.read());
  } catch {
    // A disposed layer still lists its weights; show their shape without values.
    const size = sizeOf(w.shape);
    values = {
      kind: 'tensor',
      dtype: w.dtype,
      shape: [...w.shape] as number[],
      size,
      values: [],
      truncated: size > 0,
      min: null,
      max: null,
    };
  }
  return { name: w.name, shape: [...w.shape] as number[], dtype: w.dtype, trainable, values };
}

function countParams(weights: LayerVariable[]): number {
  return weights.reduce((sum, w) => sum + sizeOf(w.shape), 0);
}

function sizeOf(shape: readonly (number | null)[]): number {
  return shape.reduce<number>((a, b) => a * (b ?? 0), 1);
}

function outputShapeOf(layer: Layer): LayerData['outputShape'] {
  try {
    // Throws when the layer was never called on a symbolic input (no inbound node).
    return copyShape(layer.outputShape);
  } catch {
    return null;
  }
}

function copyShape(shape: (number | null)[] | (number | null)[][]): LayerData['outputShape'] {
  return shape.map((d) => (Array.isArray(d) ? [...d] : d)) as LayerData['outputShape'];
}

function classNameOf(layer: Layer): string {
  // A user class without `static className` still deserves a name.
  const name: unknown = layer.getClassName();
  return typeof name === 'string' && name.length > 0 ? name : layer.constructor.name;
}

function shapeText(shape: readonly (number | null)[]): string {
  return `[${shape.map((d) => (d === null ? 'null' : String(d))).join(',')}]`;
}

class JsonWalker {
  truncated = false;
  private nodes = 0;
  private readonly ancestors = new Set<object>();

  /** undefined means "leave this out" (an undefined value, or the node cap was reached). */
  visit(value: unknown): JsonValue | undefined {
    if (this.nodes >= LIMITS.MAX_JSON_NODES) {
      this.truncated = true;
      return undefined;
    }
    this.nodes++;
    switch (typeof value) {
      case 'string':
        return capText(value);
      case 'number':
      case 'boolean':
        return value;
      case 'undefined':
        return undefined;
      case 'bigint':
      case 'symbol':
        return primitiveText(value);
      case 'function':
        return functionText(value as (...args: unknown[]) => unknown);
    }
    if (value === null) return null;
    const obj = value as object;
    const summary = summarize(obj);
    if (summary !== null) return summary;
    if (this.ancestors.has(obj)) return '[Circular]';
    if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
    if (obj instanceof RegExp) return String(obj);
    if (isErrorLike(obj)) return errorText(obj);

    this.ancestors.add(obj);
    try {
      if (Array.isArray(obj) || ArrayBuffer.isView(obj)) return this.visitList(obj as unknown as ArrayLike<unknown>);
      if (obj instanceof Set) return this.visitList([...obj]);
      if (obj instanceof Map) return this.visitEntries([...obj].map(([k, v]) => [keyText(k), v]));
      return this.visitEntries(ownEntries(obj));
    } finally {
      this.ancestors.delete(obj);
    }
  }

  private visitList(list: ArrayLike<unknown>): JsonValue[] {
    const out: JsonValue[] = [];
    for (let i = 0; i < list.length; i++) {
      if (this.nodes >= LIMITS.MAX_JSON_NODES) {
        this.truncated = true;
        break;
      }
      const v = this.visit(list[i]);
      out.push(v === undefined ? null : v);
    }
    return out;
  }

  private visitEntries(entries: [string, unknown][]): { [key: string]: JsonValue } {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, v] of entries) {
      if (this.nodes >= LIMITS.MAX_JSON_NODES) {
        this.truncated = true;
        break;
      }
      const json = this.visit(v);
      if (json !== undefined) out[key] = json;
    }
    return out;
  }
}

function ownEntries(obj: object): [string, unknown][] {
  return Object.keys(obj).map((key) => {
    try {
      return [key, (obj as Record<string, unknown>)[key]];
    } catch (e) {
      // A throwing getter should not stop the rest of the object from showing.
      return [key, `[Thrown: ${isErrorLike(e) ? errorText(e) : String(e)}]`];
    }
  });
}

function keyText(key: unknown): string {
  if (typeof key === 'string') return key;
  return summarize(key) ?? String(key);
}
