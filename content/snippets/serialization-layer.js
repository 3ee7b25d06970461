// @en A layer whose constructor takes one option, `initial`.
// @fr Une couche dont le constructeur prend une option, `initial`.
class Scale extends tf.layers.Layer {
  static className = 'Scale';
  constructor(config) {
    super(config);
    this.initial = config.initial;
  }
  build(inputShape) {
    this.scale = this.addWeight('scale', [inputShape[inputShape.length - 1]], 'float32',
      tf.initializers.constant({ value: this.initial }));
  }
  call(inputs) {
    return tf.tidy(() => tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.scale.read()));
  }
  // @en Everything the constructor needs to build this layer again.
  // @fr Tout ce dont le constructeur a besoin pour reconstruire la couche.
  getConfig() {
    return { ...super.getConfig(), initial: this.initial };
  }
}
tf.serialization.registerClass(Scale);

const model = tf.sequential({ layers: [
  tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', name: 'dense' }),
  new Scale({ initial: 1, name: 'scale' }),
] });
// @en Weights that differ from what `initial` would give, as after training.
// @fr Des poids différents de ce que donnerait `initial`, comme après un entraînement.
tf.tidy(() => model.getLayer('scale').setWeights([tf.tensor1d([2, -1])]));

// @en Save topology and weights in memory: the same artifacts indexeddb:// would store.
// @fr Sauvegarder topologie et poids en mémoire : les mêmes artefacts que stockerait indexeddb://.
let artifacts;
await model.save(tf.io.withSaveHandler(async (a) => {
  artifacts = a;
  return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
}));
show(artifacts.modelTopology.config.layers[1], '⟦what was saved for Scale|ce qui a été sauvegardé pour Scale⟧');

const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
const fromConfigOnly = await tf.models.modelFromJSON(model.toJSON(null, false));

const x = tf.tensor2d([[1, 2, 3]]);
const outputs = [model, loaded, fromConfigOnly].map((m) => m.predict(x));
show(outputs[0], '⟦original model|modèle d’origine⟧');
show(outputs[1], '⟦loaded: config + weights|rechargé : configuration + poids⟧');
show(outputs[2], '⟦rebuilt from config only|reconstruit depuis la configuration seule⟧');
tf.dispose([x, ...outputs]);
