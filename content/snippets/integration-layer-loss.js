// @en The same scale as a custom layer: its weight carries an L2 penalty (0.1 × Σw²).
// @fr La même mise à l’échelle en couche personnalisée : son poids porte une pénalité L2 (0,1 × Σw²).
class Scale extends tf.layers.Layer {
  static className = 'Scale';
  build(inputShape) {
    this.w = this.addWeight('w', [inputShape[inputShape.length - 1]], 'float32',
      tf.initializers.ones(), tf.regularizers.l2({ l2: 0.1 }));
  }
  call(inputs) {
    return tf.tidy(() => tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.w.read()));
  }
}
tf.serialization.registerClass(Scale);

const scale = new Scale({ name: 'scale' });
const input = tf.input({ shape: [2] });
const sum = tf.layers.dense({ units: 1, useBias: false, kernelInitializer: 'ones' });
const model = tf.model({ inputs: input, outputs: sum.apply(scale.apply(input)) });
model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });

const x = tf.tensor2d([[1, 2], [3, 4]]);
const y = tf.tensor2d([[3], [7]]);
show(scale.losses.length, '⟦losses owned by the layer|pertes possédées par la couche⟧');
const penalties = model.calculateLosses();
show(penalties[0], '⟦model.calculateLosses()[0]|model.calculateLosses()[0]⟧');
const evaluated = model.evaluate(x, y);
show(evaluated.dataSync()[0], '⟦evaluate loss (penalty left out)|perte renvoyée par evaluate (pénalité omise)⟧');
const history = await model.fit(x, y, { epochs: 1, batchSize: 2, shuffle: false });
show(history.history.loss[0], '⟦fit loss, epoch 1 (penalty added)|perte de fit, époque 1 (pénalité ajoutée)⟧');
tf.dispose([x, y, evaluated, ...penalties]);
model.optimizer.dispose();
