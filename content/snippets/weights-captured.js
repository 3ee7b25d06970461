// @en A Dense layer, then a Lambda multiplying by a captured variable.
// @fr Une couche Dense, puis une Lambda qui multiplie par une variable capturée.
const factor = tf.tidy(() => tf.variable(tf.scalar(2), true, 'factor'));
const dense = tf.layers.dense({
  units: 1, inputShape: [1], name: 'dense',
  kernelInitializer: 'ones', biasInitializer: 'zeros',
});
const model = tf.sequential({
  layers: [dense, new Lambda({ fn: (x) => tf.mul(x, factor), name: 'times_factor' })],
});
const optimizer = tf.train.sgd(0.05);
model.compile({ optimizer, loss: 'meanSquaredError' });

const xs = tf.tensor2d([[-1], [0], [1], [2]]);
const ys = tf.tensor2d([[-2], [1], [4], [7]]);
await model.fit(xs, ys, { epochs: 30, batchSize: 4, shuffle: false, verbose: 0 });

show(model, '⟦after fit: Dense moved|après fit : Dense a bougé⟧');
show(factor, '⟦the captured factor after fit|le facteur capturé après fit⟧');
tf.dispose([xs, ys]);
optimizer.dispose();
