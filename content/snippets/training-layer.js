// @en Gaussian noise during training only, with a seed that moves at every step.
// @fr Du bruit gaussien seulement à l’entraînement, avec une graine qui avance à chaque pas.
class SeededNoise extends tf.layers.Layer {
  static className = 'SeededNoise';
  constructor(config) {
    super(config);
    this.stddev = config.stddev;
    this.seed = config.seed;
    this.step = 0;   // ⟦state the layer keeps between calls|état gardé par la couche entre deux appels⟧
  }
  call(inputs, kwargs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      // @en Test truthiness: predict() passes no `training` at all.
      // @fr Tester la valeur de vérité : predict() ne passe aucun `training`.
      if (!kwargs.training) return tf.clone(x);
      this.step += 1;
      return tf.add(x, tf.randomNormal(x.shape, 0, this.stddev, 'float32', this.seed + this.step));
    });
  }
  getConfig() {
    return { ...super.getConfig(), stddev: this.stddev, seed: this.seed };
  }
}
tf.serialization.registerClass(SeededNoise);

const noise = new SeededNoise({ stddev: 0.1, seed: 42, name: 'noise' });
const x = tf.tensor2d([[1, 1, 1]]);
const outputs = [
  noise.apply(x, { training: true }),
  noise.apply(x, { training: true }),
  noise.apply(x),
];
show(outputs[0], '⟦training, step 1|entraînement, pas 1⟧');
show(outputs[1], '⟦training, step 2|entraînement, pas 2⟧');
show(outputs[2], '⟦inference|inférence⟧');
show(noise.getConfig(), '⟦its config|sa configuration⟧');
tf.dispose([x, ...outputs]);
