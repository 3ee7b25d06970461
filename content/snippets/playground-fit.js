// @en Starting point: fit a model that has a custom layer and a Lambda, then look at both.
// @fr Point de départ : entraîner un modèle qui a une couche personnalisée et une Lambda, puis les regarder.
class Affine extends tf.layers.Layer {
  static className = 'Affine';
  build() {
    this.a = this.addWeight('a', [1], 'float32', tf.initializers.ones());
    this.b = this.addWeight('b', [1], 'float32', tf.initializers.zeros());
  }
  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return tf.add(tf.mul(x, this.a.read()), this.b.read());
    });
  }
}
tf.serialization.registerClass(Affine);

// @en Learn y = 0.75x + 1: the Lambda rescales x to u = x / 4 (it learns nothing), the layer learns 3u + 1.
// @fr Apprendre y = 0.75x + 1 : la Lambda ramène x à u = x / 4 (elle n’apprend rien), la couche apprend 3u + 1.
const model = tf.sequential({ layers: [
  tf.layers.inputLayer({ inputShape: [1] }),
  new Lambda({ name: 'quarter', fn: (x) => tf.div(x, 4) }),
  new Affine({ name: 'affine' }),
] });
model.compile({ optimizer: tf.train.sgd(0.5), loss: 'meanSquaredError' });
const x = tf.tensor2d([[0], [1], [2], [3], [4]]);
const y = tf.tensor2d([[1], [1.75], [2.5], [3.25], [4]]);
await model.fit(x, y, { epochs: 60, batchSize: 5, shuffle: false, verbose: 0 });
show(model, '⟦after fit: a → 3, b → 1|après fit : a → 3, b → 1⟧');
tf.dispose([x, y]);
model.optimizer.dispose();
