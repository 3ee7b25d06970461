// @en y = a·x + b as a layer that owns a and b, created in build().
// @fr y = a·x + b comme une couche qui possède a et b, créés dans build().
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

const affine = new Affine({ inputShape: [1], name: 'affine' });
const model = tf.sequential({ layers: [affine] });
const optimizer = tf.train.sgd(0.1);
model.compile({ optimizer, loss: 'meanSquaredError' });

// @en Points on y = 3x + 1.
// @fr Des points de y = 3x + 1.
const xs = tf.tensor2d([[-1], [0], [1], [2]]);
const ys = tf.tensor2d([[-2], [1], [4], [7]]);
show(affine, '⟦before fit|avant fit⟧');
await model.fit(xs, ys, { epochs: 60, batchSize: 4, shuffle: false, verbose: 0 });
show(affine, '⟦after fit|après fit⟧');
tf.dispose([xs, ys]);
optimizer.dispose();
