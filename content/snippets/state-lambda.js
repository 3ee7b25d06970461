// @en The same running mean, kept in a variable the Lambda's function captures.
// @fr La même moyenne glissante, gardée dans une variable capturée par la fonction de la Lambda.
const runningMean = tf.tidy(() => tf.variable(tf.zeros([2]), false, 'running_mean'));
const centre = new Lambda({
  name: 'centre',
  fn: (x) => {
    // @en State updated on every call: the layer does not know it exists.
    // @fr État mis à jour à chaque appel : la couche ignore qu’il existe.
    runningMean.assign(tf.add(tf.mul(runningMean, 0.5), tf.mul(tf.mean(x, 0), 0.5)));
    return tf.sub(x, runningMean);
  },
});

const batch = tf.tensor2d([[2, 4], [4, 8]]);   // ⟦column means|moyennes des colonnes⟧ [3, 6]
tf.dispose(centre.apply(batch));
tf.dispose(centre.apply(batch));
show(runningMean, '⟦captured variable after 2 calls|variable capturée après 2 appels⟧');
show(centre, '⟦the Lambda layer|la couche Lambda⟧');
show(centre.getWeights().length, '⟦weights a saved model would store|poids qu’un modèle sauvegardé stockerait⟧');
tf.dispose(batch);
