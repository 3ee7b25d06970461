// @en Keras habit carried over: add the penalty inside call(). In tfjs, addLoss() appends
// @en to a list that nothing clears between calls.
// @fr Réflexe Keras transposé : ajouter la pénalité dans call(). En tfjs, addLoss() ajoute
// @fr à une liste que rien ne vide entre deux appels.
class PenaltyInCall extends tf.layers.Layer {
  static className = 'PenaltyInCall';
  build(inputShape) {
    this.w = this.addWeight('w', [inputShape[inputShape.length - 1]], 'float32', tf.initializers.ones());
  }
  call(inputs) {
    this.addLoss(() => tf.mul(0.1, tf.sum(tf.square(this.w.read()))));
    return tf.tidy(() => tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.w.read()));
  }
}
tf.serialization.registerClass(PenaltyInCall);

const layer = new PenaltyInCall({ name: 'penalty_in_call' });
const input = tf.input({ shape: [2] });
const sum = tf.layers.dense({ units: 1, useBias: false, kernelInitializer: 'ones', trainable: false });
const model = tf.model({ inputs: input, outputs: sum.apply(layer.apply(input)) });
model.compile({ optimizer: tf.train.sgd(0.001), loss: 'meanSquaredError' });

// @en Data the model already fits exactly: only the penalty (0.2) should remain.
// @fr Des données que le modèle ajuste déjà exactement : seule la pénalité (0,2) devrait rester.
const x = tf.tensor2d([[1, 2], [3, 4]]);
const y = tf.tensor2d([[3], [7]]);
const history = await model.fit(x, y, { epochs: 4, batchSize: 2, shuffle: false });
show(history.history.loss, '⟦fit loss per epoch|perte de fit par époque⟧');
show(layer.losses.length, '⟦losses piled up on the layer|pertes empilées sur la couche⟧');
tf.dispose([x, y]);
model.optimizer.dispose();
