// @expect-error inner shapes (4) and (3)
// @en The model is built for 4 features; the Lambda needs 3 but has no way to say so.
// @fr Le modèle est construit pour 4 caractéristiques ; la Lambda en attend 3 sans pouvoir le dire.
const toGrey = new Lambda({
  name: 'to_grey',
  fn: (x) => tf.matMul(x, tf.tensor2d([[0.299], [0.587], [0.114]])),
  outputShape: [1],
});
const input = tf.input({ shape: [4] });
const model = tf.model({ inputs: input, outputs: toGrey.apply(input) });
show(model.outputs[0].shape, '⟦model built, output declared|modèle construit, sortie déclarée⟧');
console.log('⟦No error so far: nothing has looked at the input width.|Aucune erreur pour l’instant : rien n’a regardé la largeur de l’entrée.⟧');

// @en The first batch fails deep inside matMul, in tfjs’ words, not the layer’s.
// @fr Le premier lot échoue au fond de matMul, avec les mots de tfjs, pas ceux de la couche.
tf.tidy(() => model.predict(tf.ones([2, 4])));
