// @expect-error [null,4]
// @en The same grey conversion as a custom layer that checks its input in build().
// @fr La même conversion en niveaux de gris, en couche personnalisée qui vérifie son entrée dans build().
class Grey extends tf.layers.Layer {
  static className = 'Grey';
  build(inputShape) {
    if (inputShape.length !== 2 || inputShape[1] !== 3) {
      throw new Error(`⟦${this.name} expects [batch, 3] (R, G, B), got ${JSON.stringify(inputShape)}|${this.name} attend [batch, 3] (R, V, B), reçu ${JSON.stringify(inputShape)}⟧`);
    }
  }
  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return tf.matMul(x, tf.tensor2d([[0.299], [0.587], [0.114]]));
    });
  }
  computeOutputShape(inputShape) {
    return [inputShape[0], 1];
  }
}
tf.serialization.registerClass(Grey);

const rgb = tf.input({ shape: [3] });
show(new Grey({ name: 'grey_ok' }).apply(rgb).shape, '⟦3 features: output shape|3 caractéristiques : forme de sortie⟧');

// @en Wired to 4 features: the model is never built, no data has been seen yet.
// @fr Branchée sur 4 caractéristiques : le modèle n’est jamais construit, aucune donnée n’est encore passée.
const fourFeatures = tf.input({ shape: [4] });
new Grey({ name: 'grey' }).apply(fourFeatures);
console.log('⟦never printed|jamais affiché⟧');
