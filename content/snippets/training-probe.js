// @en A layer that records the `training` value each call receives.
// @fr Une couche qui note la valeur de `training` reçue à chaque appel.
class Probe extends tf.layers.Layer {
  static className = 'Probe';
  constructor(config) {
    super(config);
    this.seen = [];
  }
  call(inputs, kwargs) {
    this.seen.push(String(kwargs.training));
    return tf.tidy(() => tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, 1));
  }
}
tf.serialization.registerClass(Probe);

const probe = new Probe({ name: 'probe' });
// @en A constant kernel: the weights are not the point, and every run reports the same losses.
// @fr Un noyau constant : les poids ne sont pas le sujet, et chaque exécution affiche les mêmes pertes.
const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones' }), probe] });
model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
const xs = tf.ones([4, 2]);
const ys = tf.ones([4, 1]);

const seen = {};
await model.fit(xs, ys, { epochs: 2, shuffle: false, verbose: 0 });
seen.fit = probe.seen.splice(0);
tf.dispose(model.predict(xs));
seen.predict = probe.seen.splice(0);
tf.dispose(model.evaluate(xs, ys));
seen.evaluate = probe.seen.splice(0);
tf.dispose(probe.apply(xs, { training: true }));
seen['apply(x, { training: true })'] = probe.seen.splice(0);
show(seen, '⟦training as call() saw it|training tel que call() l’a reçu⟧');
tf.dispose([xs, ys]);
model.optimizer.dispose();
