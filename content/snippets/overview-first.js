// @en The same computation, written twice.
// @fr Le même calcul, écrit deux fois.
const double = new Lambda({ fn: (x) => tf.mul(x, 2), name: 'double' });

class Scale extends tf.layers.Layer {
  static className = 'Scale';
  constructor(config) {
    super(config);
    this.initial = config.initial;
  }
  build(inputShape) {
    // @en One weight per feature, owned by the layer and trainable.
    // @fr Un poids par caractéristique, propriété de la couche, entraînable.
    const features = inputShape[inputShape.length - 1];
    this.scale = this.addWeight('scale', [features], 'float32',
      tf.initializers.constant({ value: this.initial }));
  }
  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return tf.mul(x, this.scale.read());
    });
  }
  getConfig() {
    return { ...super.getConfig(), initial: this.initial };
  }
}
tf.serialization.registerClass(Scale);
const scale = new Scale({ initial: 2, name: 'scale' });

const x = tf.tensor2d([[1, 2, 3]]);
const fromLambda = double.apply(x);
const fromScale = scale.apply(x);
show(fromLambda, '⟦Lambda output|sortie de la Lambda⟧');
show(fromScale, '⟦Scale output|sortie de Scale⟧');
show(double, '⟦the Lambda layer|la couche Lambda⟧');
show(scale, '⟦the Scale layer|la couche Scale⟧');
tf.dispose([x, fromLambda, fromScale]);
