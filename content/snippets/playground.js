// @en Your bench: a custom layer and a Lambda doing the same job. Edit, run, compare.
// @fr Votre établi : une couche personnalisée et une Lambda qui font le même travail. Modifiez, exécutez, comparez.
// @en `Lambda` is this site's layer for TensorFlow.js (tfjs has none); it mirrors keras.layers.Lambda.
// @fr `Lambda` est la couche de ce site pour TensorFlow.js (tfjs n’en a pas) ; elle imite keras.layers.Lambda.
class Scale extends tf.layers.Layer {
  static className = 'Scale';
  build(inputShape) {
    this.w = this.addWeight('w', [inputShape[inputShape.length - 1]], 'float32', tf.initializers.ones());
  }
  call(inputs) {
    return tf.tidy(() => tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.w.read()));
  }
}
tf.serialization.registerClass(Scale);

const custom = new Scale({ name: 'scale' });
const lambda = new Lambda({ name: 'times_one', fn: (x) => tf.mul(x, 1) });

const x = tf.tensor2d([[1, 2], [3, 4]]);
const [a, b] = [custom.apply(x), lambda.apply(x)];
show(a, '⟦custom layer|couche personnalisée⟧');
show(b, '⟦Lambda|Lambda⟧');
show(custom, '⟦custom layer: weights|couche personnalisée : poids⟧');
show(lambda, '⟦Lambda: weights|Lambda : poids⟧');
tf.dispose([x, a, b]);
