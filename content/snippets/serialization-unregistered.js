// @expect-error Unknown layer: Scale
// @en The same kind of layer, but nobody registers the class.
// @fr Le même genre de couche, mais personne n’enregistre la classe.
class Scale extends tf.layers.Layer {
  static className = 'Scale';
  call(inputs) {
    return tf.tidy(() => tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, 2));
  }
}
// @en No tf.serialization.registerClass(Scale) here.
// @fr Pas de tf.serialization.registerClass(Scale) ici.

const model = tf.sequential({ layers: [new Scale({ inputShape: [3], name: 'scale' })] });
const topology = model.toJSON(null, false);
show(topology.config.layers[0], '⟦serializing works|la sérialisation fonctionne⟧');
// @en Loading needs the class behind "class_name": "Scale".
// @fr Le chargement a besoin de la classe nommée dans class_name (Scale).
await tf.models.modelFromJSON(topology);
