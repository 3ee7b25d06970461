// @en A residual block: one layer to the outside, two Dense layers inside.
// @fr Un bloc résiduel : une seule couche vue de l’extérieur, deux couches Dense à l’intérieur.
class Residual extends tf.layers.Layer {
  static className = 'Residual';
  constructor(config) {
    super(config);
    this.units = config.units;
  }
  build(inputShape) {
    const dim = inputShape[inputShape.length - 1];
    this.hidden = tf.layers.dense({ units: this.units, activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) });
    this.back = tf.layers.dense({ units: dim,
      kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) });
    // @en Build the sub-layers now, so their weights exist before compile() collects them.
    // @fr Construire les sous-couches maintenant, pour que leurs poids existent quand compile() les rassemble.
    this.hidden.build(inputShape);
    this.back.build([...inputShape.slice(0, -1), this.units]);
    this.hidden.built = this.back.built = true;
  }
  // @en tfjs does not track sub-layers by itself (Keras 3 does): expose their weights,
  // @en as tfjs' own Bidirectional wrapper does.
  // @fr tfjs ne suit pas les sous-couches tout seul (Keras 3 si) : on expose leurs poids,
  // @fr comme le fait l’enveloppe Bidirectional de tfjs.
  get trainableWeights() {
    return this.built ? [...this.hidden.trainableWeights, ...this.back.trainableWeights] : [];
  }
  get nonTrainableWeights() {
    return this.built ? [...this.hidden.nonTrainableWeights, ...this.back.nonTrainableWeights] : [];
  }
  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return tf.add(x, this.back.apply(this.hidden.apply(x)));
    });
  }
  getConfig() {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(Residual);

const model = tf.sequential({
  layers: [tf.layers.inputLayer({ inputShape: [3] }), new Residual({ name: 'block', units: 4 })],
});
show(model, '⟦one layer, 4 weights inside|une couche, 4 poids à l’intérieur⟧');
show(model.getLayer('block').getConfig(), '⟦all the caller needs to know|tout ce que l’appelant doit savoir⟧');
