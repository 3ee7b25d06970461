/**
 * The editor's context rules: what it offers after a dot, in an options object, inside a call's
 * arguments and on a name, read from half-typed code as a reader writes it (`|` is the cursor).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { optionsFor } from '../../src/snippet/editor/completions';
import { callSite, completionSite, nameSite } from '../../src/snippet/editor/context';
import { assistSay } from '../../src/snippet/editor/labels';
import { at, index } from './helpers';

beforeAll(() => void index(), 60_000);

const say = assistSay('en');

/** The completion site's kind and the labels offered there. */
function offered(code: string): { kind: string; labels: string[] } | null {
  const { pos, infer } = at(code);
  const site = completionSite(infer, pos);
  return site && { kind: site.kind, labels: optionsFor(infer, site, say).map((o) => o.label) };
}

const LAYER = (body: string) =>
  `class Scale extends tf.layers.Layer {\n  build(inputShape) {\n    this.w = this.addWeight('w', [1]);\n  }\n${body}\n}`;

describe('completions after a dot', () => {
  it('offer the members of tf’s namespaces', () => {
    expect(offered('tf.layers.de|')?.labels).toEqual(expect.arrayContaining(['dense', 'dropout', 'Layer']));
    expect(offered('tf.train.|')?.labels).toEqual(expect.arrayContaining(['sgd', 'adam']));
    expect(offered('tf.initializers.|')?.labels).toEqual(expect.arrayContaining(['glorotUniform', 'ones', 'zeros']));
    expect(offered('tf.|')?.labels).toEqual(expect.arrayContaining(['layers', 'tensor2d', 'tidy', 'matMul', 'sequential']));
  });

  it('offer a tensor’s chained ops on a tensor, wherever it comes from', () => {
    for (const code of [
      'const x = tf.tensor2d([[1, 2]]);\nx.|',
      'const x = tf.ones([2]).square();\nx.|',
      'new Lambda({ fn: (x) => x.| })',
      LAYER('  call(inputs) {\n    const x = Array.isArray(inputs) ? inputs[0] : inputs;\n    return x.|\n  }'),
    ]) {
      expect(offered(code)?.labels, code).toEqual(expect.arrayContaining(['matMul', 'square', 'dataSync', 'shape', 'dispose']));
    }
  });

  it('offer a model’s methods on a model, and a History’s after await model.fit', () => {
    expect(offered('const model = tf.sequential();\nmodel.|')?.labels).toEqual(
      expect.arrayContaining(['fit', 'compile', 'predict', 'add', 'layers', 'summary']),
    );
    expect(offered('const model = tf.sequential();\nconst h = await model.fit(x, y);\nh.|')?.labels).toContain('history');
    // Not awaited, fit gives a promise: no History members.
    expect(offered('const model = tf.sequential();\nconst h = model.fit(x, y);\nh.|')?.labels ?? []).not.toContain('history');
  });

  it('offer, on `this` inside a Layer subclass, the class’s own members and Layer’s, protected ones included', () => {
    const labels = offered(LAYER('  call(inputs) {\n    return this.|\n  }'))?.labels ?? [];
    expect(labels).toEqual(expect.arrayContaining(['addWeight', 'addLoss', 'build', 'call', 'getConfig', 'trainableWeights', 'w']));
    // The field built in `build` is a LayerVariable.
    expect(offered(LAYER('  call(inputs) {\n    return this.w.|\n  }'))?.labels).toEqual(expect.arrayContaining(['read', 'write']));
  });

  it('offer no protected member outside the class', () => {
    const labels = offered(`${LAYER('')}\nconst s = new Scale({});\ns.|`)?.labels ?? [];
    expect(labels).toContain('apply');
    expect(labels).not.toContain('addWeight');
  });

  it('offer Lambda’s static methods, and nothing for what the editor cannot type', () => {
    expect(offered('Lambda.|')?.labels).toContain('enableUnsafeDeserialization');
    expect(offered('const o = JSON.parse(s);\no.|')).toBeNull();
    // A local named like a snippet global shadows it.
    expect(offered('const tf = {};\ntf.|')).toBeNull();
  });

  it('stay quiet in comments and strings', () => {
    expect(offered('// tf.|')).toBeNull();
    expect(offered("show('tf.|')")).toBeNull();
  });
});

describe('completions of options', () => {
  it('offer a layer config’s keys, inherited ones too, minus those written', () => {
    const labels = offered('tf.layers.dense({ units: 3, | })')?.labels ?? [];
    expect(labels).toEqual(expect.arrayContaining(['activation', 'useBias', 'kernelInitializer', 'inputShape', 'name']));
    expect(labels).not.toContain('units');
  });

  it('offer the site’s Lambda options, and fit’s options while half typed', () => {
    expect(offered('new Lambda({ | })')?.labels).toEqual(expect.arrayContaining(['fn', 'outputShape', 'arguments', 'name']));
    expect(offered('const model = tf.sequential();\nawait model.fit(x, y, { ep|')?.labels).toEqual(
      expect.arrayContaining(['epochs', 'batchSize', 'callbacks']),
    );
  });
});

describe('bare names', () => {
  it('offer the snippet’s own globals', () => {
    expect(offered('sh|')).toEqual({ kind: 'name', labels: ['tf', 'show', 'console', 'Lambda'] });
  });
});

describe('signature help', () => {
  it('knows the call and the argument the cursor is in', () => {
    const { pos, infer } = at(LAYER("  build2() {\n    this.addWeight('w', [1], 'float32', tf.initializers.ones(), null, |\n  }"));
    const site = callSite(infer, pos)!;
    expect(site.callee.name).toBe('addWeight');
    expect(site.argument).toBe(5);
    expect(site.callee.signatures[0]!.params[site.argument]!.name).toBe('trainable');
  });

  it('follows nested calls and constructors, and stops outside the parentheses', () => {
    const inner = at('tf.add(tf.matMul(a, |), b)');
    expect(callSite(inner.infer, inner.pos)).toMatchObject({ argument: 1, callee: { name: 'matMul' } });
    const made = at('new Lambda({ fn: (x) => x, |');
    expect(callSite(made.infer, made.pos)?.callee.name).toBe('Lambda');
    const after = at('tf.matMul(a, b)|;');
    expect(callSite(after.infer, after.pos)).toBeNull();
  });
});

describe('documentation on a name', () => {
  it('finds the documented member under the cursor', () => {
    const op = at('tf.mat|Mul(a, b);');
    expect(nameSite(op.infer, op.pos, -1)?.member).toMatchObject({ name: 'matMul', kind: 'function' });
    const key = at('tf.layers.dense({ un|its: 3 });');
    expect(nameSite(key.infer, key.pos, -1)?.member.doc).toBe('Positive integer, dimensionality of the output space.');
    const global = at('sh|ow(1);');
    expect(nameSite(global.infer, global.pos, -1)?.member.kind).toBe('function');
  });
});
