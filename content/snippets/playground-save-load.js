// @en Starting point: save and load in memory. The custom layer comes back; the Lambda is refused.
// @fr Point de départ : sauvegarder et recharger en mémoire. La couche personnalisée revient ; la Lambda est refusée.
class Scale extends tf.layers.Layer {
  static className = 'Scale';
  build(inputShape) {
    this.w = this.addWeight('w', [inputShape[inputShape.length - 1]], 'float32', tf.initializers.constant({ value: 3 }));
  }
  call(inputs) {
    return tf.tidy(() => tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.w.read()));
  }
}
tf.serialization.registerClass(Scale);

async function roundTrip(model) {
  let saved;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    saved = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return tf.loadLayersModel(tf.io.fromMemory(saved));
}

const x = tf.tensor2d([[1, 2]]);
const withScale = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [2] }), new Scale()] });
const reloaded = await roundTrip(withScale);
const y = reloaded.predict(x);
show(y, '⟦reloaded custom layer: prediction|couche personnalisée rechargée : prédiction⟧');

const withLambda = tf.sequential({ layers: [
  tf.layers.inputLayer({ inputShape: [2] }), new Lambda({ fn: (x) => x.mul(3) }),
] });
try {
  const back = await roundTrip(withLambda);
  const z = back.predict(x);
  show(z, '⟦reloaded Lambda: prediction|Lambda rechargée : prédiction⟧');
  z.dispose();
} catch (error) {
  show(error.message, '⟦Lambda: load refused|Lambda : chargement refusé⟧');
}
tf.dispose([x, y]);
