// @expect-error none of the 0 variables is trainable
// @en The same y = a·x + b, with a and b captured by a Lambda's function.
// @fr Le même y = a·x + b, avec a et b capturés par la fonction d’une Lambda.
const a = tf.tidy(() => tf.variable(tf.tensor1d([1]), true, 'a'));
const b = tf.tidy(() => tf.variable(tf.tensor1d([0]), true, 'b'));
const affine = new Lambda({ fn: (x) => tf.add(tf.mul(x, a), b), name: 'affine' });

const model = tf.sequential({
  layers: [tf.layers.inputLayer({ inputShape: [1] }), affine],
});
show(affine.trainableWeights.length, '⟦trainable weights the Lambda reports|poids entraînables déclarés par la Lambda⟧');
show(model, '⟦the model|le modèle⟧');

const optimizer = tf.train.sgd(0.1);
model.compile({ optimizer, loss: 'meanSquaredError' });
const xs = tf.tensor2d([[-1], [0], [1], [2]]);
const ys = tf.tensor2d([[-2], [1], [4], [7]]);
// @en tfjs refuses: the model has nothing to train.
// @fr tfjs refuse : le modèle n’a rien à entraîner.
try {
  await model.fit(xs, ys, { epochs: 60, batchSize: 4, shuffle: false, verbose: 0 });
} finally {
  tf.dispose([xs, ys]);
  optimizer.dispose();
}
