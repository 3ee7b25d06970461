// @en The same fade as a custom layer: the ramp is made once, in build(), and kept as state.
// @fr La même atténuation en couche personnalisée : la rampe est faite une fois, dans build(), et gardée comme état.
class Fade extends tf.layers.Layer {
  static className = 'Fade';
  constructor(config = {}) {
    super(config);
    this.builds = 0;
  }
  build(inputShape) {
    this.builds += 1;
    const width = inputShape[inputShape.length - 1];
    // @en Non-trainable: a fixed ramp is state, not a parameter to learn.
    // @fr Non entraînable : une rampe fixe est un état, pas un paramètre à apprendre.
    this.ramp = this.addWeight('ramp', [width], 'float32', tf.initializers.zeros(),
      undefined, false);
    tf.tidy(() => this.ramp.write(tf.linspace(1, 0, width)));
  }
  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return tf.mul(x, this.ramp.read());
    });
  }
}
tf.serialization.registerClass(Fade);

const fade = new Fade({ name: 'fade' });
const x = tf.ones([2, 5]);
const outputs = [1, 2, 3].map(() => fade.apply(x));
show(outputs[2], '⟦third output|troisième sortie⟧');
show(fade.builds, '⟦build() runs for 3 calls|exécutions de build() pour 3 appels⟧');
show(fade, '⟦the layer’s weights|les poids de la couche⟧');
tf.dispose([x, ...outputs]);
