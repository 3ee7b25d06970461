// @en A layer that owns its state: a running mean, stored as a non-trainable weight.
// @fr Une couche qui possède son état : une moyenne glissante, rangée dans un poids non entraînable.
class RunningMean extends tf.layers.Layer {
  static className = 'RunningMean';
  constructor(config) {
    super(config);
    this.momentum = config.momentum ?? 0.5;
  }
  build(inputShape) {
    this.mean = this.addWeight('mean', [inputShape[inputShape.length - 1]], 'float32',
      tf.initializers.zeros(), undefined, false);
  }
  call(inputs, kwargs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      if (kwargs.training) {
        // @en Only training updates the state (as BatchNormalization does).
        // @fr Seul l’entraînement met l’état à jour (comme BatchNormalization).
        const m = this.momentum;
        this.mean.write(tf.add(tf.mul(this.mean.read(), m), tf.mul(tf.mean(x, 0), 1 - m)));
      }
      return tf.sub(x, this.mean.read());
    });
  }
  getConfig() {
    return { ...super.getConfig(), momentum: this.momentum };
  }
}
tf.serialization.registerClass(RunningMean);

const centre = new RunningMean({ momentum: 0.5, name: 'centre' });
const batch = tf.tensor2d([[2, 4], [4, 8]]);   // ⟦column means|moyennes des colonnes⟧ [3, 6]
tf.dispose(centre.apply(batch, { training: true }));
tf.dispose(centre.apply(batch, { training: true }));
show(centre, '⟦after 2 training calls|après 2 appels en entraînement⟧');
const out = centre.apply(batch);   // ⟦inference: reads the state, leaves it alone|inférence : lit l’état sans le modifier⟧
show(out, '⟦inference output|sortie en inférence⟧');
show(centre.getWeights().map((w) => w.name), '⟦what a saved model would store|ce qu’un modèle sauvegardé stockerait⟧');
tf.dispose([batch, out]);
