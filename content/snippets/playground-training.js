// @en Starting point: a Lambda and a custom layer that both read `training`.
// @fr Point de départ : une Lambda et une couche personnalisée qui lisent toutes deux `training`.
// @en The function declares a parameter named `training`, so the Lambda passes it (true or false).
// @fr La fonction déclare un paramètre nommé `training`, donc la Lambda le lui passe (true ou false).
const halveWhenTraining = new Lambda({ fn: (x, training) => (training ? tf.mul(x, 0.5) : x) });

class HalveWhenTraining extends tf.layers.Layer {
  static className = 'HalveWhenTraining';
  call(inputs, kwargs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return kwargs.training ? tf.mul(x, 0.5) : tf.clone(x);
    });
  }
}
tf.serialization.registerClass(HalveWhenTraining);
const custom = new HalveWhenTraining();

const x = tf.tensor2d([[2, 4]]);
const outputs = [
  halveWhenTraining.apply(x), halveWhenTraining.apply(x, { training: true }),
  custom.apply(x), custom.apply(x, { training: true }),
];
show(outputs[0], '⟦Lambda, inference|Lambda, inférence⟧');
show(outputs[1], '⟦Lambda, training: true|Lambda, en entraînement⟧');
show(outputs[2], '⟦custom layer, inference|couche personnalisée, inférence⟧');
show(outputs[3], '⟦custom layer, training: true|couche personnalisée, en entraînement⟧');
tf.dispose([x, ...outputs]);
