// @en A Lambda whose function declares `training` receives it, as a real boolean.
// @fr Une Lambda dont la fonction déclare `training` le reçoit, sous forme de vrai booléen.
const noisy = new Lambda({
  name: 'noisy',
  fn: (x, training) => (training
    ? tf.add(x, tf.randomNormal(x.shape, 0, 0.1, 'float32', 42))
    : tf.clone(x)),
});
// @en Destructured, the name is not a parameter name: never passed (like keyword-only in Python).
// @fr Déstructuré, le nom n’est pas celui d’un paramètre : jamais transmis (comme un paramètre purement nommé, après `*`, en Python).
const hidden = new Lambda({
  name: 'hidden',
  fn: (x, { training } = {}) => (training ? tf.add(x, 100) : tf.clone(x)),
});

const x = tf.tensor2d([[1, 1, 1]]);
const outputs = [
  noisy.apply(x, { training: true }),
  noisy.apply(x, { training: true }),
  noisy.apply(x),
  hidden.apply(x, { training: true }),
];
show(outputs[0], '⟦training, step 1|entraînement, pas 1⟧');
show(outputs[1], '⟦training, step 2 (same noise)|entraînement, pas 2 (même bruit)⟧');
show(outputs[2], '⟦inference|inférence⟧');
show(outputs[3], '⟦destructured, training|déstructuré, entraînement⟧');
tf.dispose([x, ...outputs]);
