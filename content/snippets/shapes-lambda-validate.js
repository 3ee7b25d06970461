// @en Two ways to make a Lambda check its input, for want of a build(): both are workarounds.
// @fr Deux façons de faire vérifier son entrée à une Lambda, faute de build() : deux pis-aller.
const toGrey = (x) => tf.matMul(x, tf.tensor2d([[0.299], [0.587], [0.114]]));
const fourFeatures = tf.input({ shape: [4] });

// @en 1. An outputShape function receives the input shape while the model is wired: it may refuse it.
// @fr 1. Une fonction outputShape reçoit la forme d’entrée pendant l’assemblage du modèle : elle peut la refuser.
const checking = new Lambda({ fn: toGrey, outputShape: (s) => {
  if (s.length !== 2 || s[1] !== 3) throw new Error(`⟦to_grey expects [batch, 3] (R, G, B), got ${JSON.stringify(s)}|to_grey attend [batch, 3] (R, V, B), reçu ${JSON.stringify(s)}⟧`);
  return [s[0], 1];
} });
try {
  checking.apply(fourFeatures);
} catch (error) {
  show(error.message, '⟦outputShape function|fonction outputShape⟧');
}

// @en 2. An inputSpec set on the instance: tfjs checks it at every call, but no config records it.
// @fr 2. Un inputSpec posé sur l’instance : tfjs le vérifie à chaque appel, mais aucune configuration ne le garde.
const specced = new Lambda({ fn: toGrey, outputShape: [1] });
specced.inputSpec = [new tf.InputSpec({ ndim: 2, axes: { [-1]: 3 } })];
try {
  specced.apply(fourFeatures);
} catch (error) {
  show(error.message, '⟦inputSpec on the instance|inputSpec sur l’instance⟧');
}
show(Object.keys(specced.getConfig()), '⟦what its config holds|ce que contient sa configuration⟧');
