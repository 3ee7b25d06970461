import { test } from 'vitest';
import { runSnippetCode } from './helpers/run-snippet';
test('scratch', async () => {
  for (const code of [
    `const m = tf.sequential(); m.add(tf.layers.dense({units:1, inputShape:[1]})); m.compile({optimizer:'sgd', loss:'meanSquaredError'}); await m.fit(tf.ones([4,1]), tf.ones([4,1]), {epochs:2});`,
    `const m = tf.sequential(); m.add(tf.layers.dense({units:1, inputShape:[1]})); m.compile({optimizer:'adam', loss:'meanSquaredError'}); await m.fit(tf.ones([4,1]), tf.ones([4,1]), {epochs:2});`,
    `const m = tf.sequential(); m.add(tf.layers.dense({units:1, inputShape:[1]})); m.compile({optimizer:tf.train.sgd(0.1), loss:'meanSquaredError'}); await m.fit(tf.ones([4,1]), tf.ones([4,1]), {epochs:2});`,
    `tf.zeros([1e5, 1e5])`,
    `throw null`,
    `setTimeout(() => { throw null }, 10)`,
  ]) {
    const r = await runSnippetCode(code);
    console.log(code.slice(0, 60), JSON.stringify(r.done), JSON.stringify(r.errors));
  }
}, 120000);
