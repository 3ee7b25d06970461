class Scale extends tf.layers.Layer {
  static className = 'Scale';
  build() {
    this.w = this.addWeight('w', [1], 'float32', tf.initializers.ones());
  }
  call(inputs) {
    return tf.tidy(() => tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.w.read()));
  }
}
tf.serialization.registerClass(Scale);

// @en Learn y = 2x. The Lambda in front only adds 0: it has nothing a callback could read.
// @fr Apprendre y = 2x. La Lambda placée devant n’ajoute que 0 : elle n’a rien qu’un callback puisse lire.
const model = tf.sequential({ layers: [
  tf.layers.inputLayer({ inputShape: [1] }),
  new Lambda({ name: 'shift', fn: (x) => tf.add(x, 0) }),
  new Scale({ name: 'scale' }),
] });
model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });

const x = tf.tensor2d([[1], [2], [3], [4]]);
const y = tf.tensor2d([[2], [4], [6], [8]]);
const history = await model.fit(x, y, {
  epochs: 5,
  batchSize: 4,
  shuffle: false,
  callbacks: {
    onEpochEnd: (epoch, logs) => {
      // @en A callback reaches any layer through the model, reads its weight, and can
      // @en write it into the epoch's logs, next to the loss.
      // @fr Un callback atteint toute couche par le modèle, lit son poids, et peut
      // @fr l’écrire dans le journal (logs) de l’époque, à côté de la perte.
      logs.scale_w = model.getLayer('scale').getWeights()[0].dataSync()[0];
    },
  },
});
show(history.history.scale_w, '⟦history.history.scale_w|history.history.scale_w⟧');
show(model.getLayer('shift').getWeights().length, '⟦weights the Lambda offers a callback|poids que la Lambda offre à un callback⟧');
tf.dispose([x, y]);
model.optimizer.dispose();
