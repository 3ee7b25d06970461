/**
 * The tfjs API index as the build generates it from the installed packages: the signatures,
 * options and links a reader is shown, and every name the guide's snippets use.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/locales';
import { findMember, memberAtPath, membersOf, REFERENCE_URL, type ApiIndex } from '../../src/snippet/editor/api';
import { readIndex, writeIndex } from '../../src/snippet/editor/api-format';
import { readSnippet, snippetIds } from '../../src/collection/files';
import { index } from './helpers';
import { namesUsed } from './snippet-names';

let api: ApiIndex;
beforeAll(() => {
  api = index();
}, 60_000);

const params = (path: string) => memberAtPath(api, path)?.signatures[0]?.params.map((p) => `${p.name}${p.optional ? '?' : ''}`);

describe('the generated tfjs API index', () => {
  it('knows addWeight’s parameters in their order (trainable is the sixth), reachable from a subclass only', () => {
    const addWeight = findMember(api, 'Layer', 'addWeight')!;
    expect(addWeight.signatures[0]!.params.map((p) => p.name)).toEqual([
      'name',
      'shape',
      'dtype',
      'initializer',
      'regularizer',
      'trainable',
      'constraint',
      'getInitializerFunc',
    ]);
    expect(addWeight.signatures[0]!.params[5]).toMatchObject({ name: 'trainable', optional: true });
    expect(addWeight.signatures[0]!.returns).toBe('LayerVariable');
    expect(addWeight.isProtected).toBe(true);
    expect(addWeight.doc).toBe('Adds a weight variable to the layer.');
    expect(addWeight.link).toBe(`${REFERENCE_URL}#tf.layers.Layer.addWeight`);
  });

  it('knows tf.layers.dense and the options of its config, inherited ones included', () => {
    const dense = memberAtPath(api, 'tf.layers.dense')!;
    expect(dense.kind).toBe('function');
    expect(dense.doc).toBe('Creates a dense (fully connected) layer.');
    expect(dense.signatures[0]).toEqual({
      params: [{ name: 'args', type: 'DenseLayerArgs', optional: false, rest: false }],
      returns: 'Dense',
    });
    const options = membersOf(api, 'DenseLayerArgs');
    expect([...options.keys()]).toEqual(
      expect.arrayContaining(['units', 'activation', 'useBias', 'kernelInitializer', 'inputShape', 'name', 'trainable']),
    );
    expect(options.get('units')).toMatchObject({
      kind: 'property',
      type: 'number',
      doc: 'Positive integer, dimensionality of the output space.',
    });
  });

  it('links to the official reference with its anchors', () => {
    expect(memberAtPath(api, 'tf.matMul')?.link).toBe(`${REFERENCE_URL}#matMul`);
    expect(memberAtPath(api, 'tf.layers.dense')?.link).toBe(`${REFERENCE_URL}#layers.dense`);
    expect(memberAtPath(api, 'tf.train.adam')?.link).toBe(`${REFERENCE_URL}#train.adam`);
    expect(memberAtPath(api, 'tf.Tensor')?.link).toBe(`${REFERENCE_URL}#class:Tensor`);
    expect(memberAtPath(api, 'tf.layers.Layer')?.link).toBe(`${REFERENCE_URL}#class:layers.Layer`);
    expect(findMember(api, 'LayersModel', 'compile')?.link).toBe(`${REFERENCE_URL}#tf.LayersModel.compile`);
    // The site's own names are not tfjs': no link.
    expect(memberAtPath(api, 'Lambda')?.link).toBeNull();
    expect(memberAtPath(api, 'show')?.link).toBeNull();
  });

  it('documents a tensor method as its op, without the tensor', () => {
    const method = findMember(api, 'Tensor', 'matMul')!;
    const op = memberAtPath(api, 'tf.matMul')!;
    expect(method.kind).toBe('method');
    expect(method.doc).toBe(op.doc);
    expect(method.link).toBe(op.link);
    expect(method.signatures[0]!.params.map((p) => p.name)).toEqual(['b', 'transposeA', 'transposeB']);
  });

  it('has the snippet scope: tf’s namespaces, show, console, and the site’s Lambda with its options', () => {
    for (const ns of ['layers', 'initializers', 'train', 'losses', 'metrics', 'regularizers', 'serialization']) {
      expect(memberAtPath(api, `tf.${ns}`)?.kind, ns).toBe('namespace');
    }
    expect(params('show')).toEqual(['value', 'label?']);
    expect(memberAtPath(api, 'console.log')?.kind).toBe('method');
    const lambda = memberAtPath(api, 'Lambda')!;
    expect(lambda.kind).toBe('class');
    expect(lambda.signatures[0]!.params[0]!.type).toBe('LambdaLayerArgs');
    expect([...membersOf(api, 'LambdaLayerArgs').keys()]).toEqual(expect.arrayContaining(['fn', 'outputShape', 'arguments', 'name']));
    expect(findMember(api, 'typeof Lambda', 'enableUnsafeDeserialization')?.kind).toBe('method');
    // Lambda is a layer: its instances have Layer's members.
    expect(findMember(api, 'Lambda', 'apply')?.link).toBe(`${REFERENCE_URL}#tf.layers.Layer.apply`);
  });

  it('leaves tfjs’ plumbing out (kernel registries, backend-only namespaces)', () => {
    expect(memberAtPath(api, 'tf.registerKernel')).toBeNull();
    expect(memberAtPath(api, 'tf.backend_util')).toBeNull();
    expect(memberAtPath(api, 'tf.Abs')).toBeNull();
  });

  it('reads back what it writes', () => {
    const text = writeIndex('1.0.0', [
      {
        name: 'scope',
        bases: [],
        prefix: '',
        members: [['f', { code: 'f', doc: 'Does `x`.', anchor: '=', detail: '(a, b?: Opts): T', scope: '' }]],
      },
      { name: 'Opts', bases: ['Base', 'Other'], prefix: 'p.', members: [] },
    ]);
    const read = readIndex(text);
    expect(read.version).toBe('1.0.0');
    expect(read.scopes.get('Opts')?.bases).toEqual(['Base', 'Other']);
    expect(findMember(read, 'scope', 'f')?.signatures[0]?.params.map((p) => p.name)).toEqual(['a', 'b']);
    expect(() =>
      writeIndex('1', [
        { name: 'x', bases: [], prefix: '', members: [['m', { code: 'f', doc: 'a\tb', anchor: '', detail: '', scope: '' }]] },
      ]),
    ).toThrow(/tab/);
  });

  it('has every tfjs name the guide’s snippets use, in both languages', () => {
    const missing: string[] = [];
    for (const id of snippetIds()) {
      for (const lang of LANGS) {
        const { code } = readSnippet(id, lang);
        for (const name of namesUsed(api, code)) if (!name.found) missing.push(`${id}: ${name.path}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
