// @en The same model, loaded after opting in to unsafe deserialization.
// @fr Le même modèle, chargé après avoir accepté la désérialisation non sûre.
const model = tf.sequential({ layers: [
  tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', name: 'dense' }),
  new Lambda({ fn: (x, factor) => tf.mul(x, factor), arguments: { factor: 3 }, name: 'times' }),
] });
let artifacts;
await model.save(tf.io.withSaveHandler(async (a) => {
  artifacts = a;
  return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
}));

// @en Only for a file you trust: the saved text becomes running code.
// @fr Seulement pour un fichier de confiance : le texte sauvegardé redevient du code exécuté.
Lambda.enableUnsafeDeserialization();
const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));

const x = tf.tensor2d([[1, 2, 3]]);
const before = model.predict(x);
const after = loaded.predict(x);
show(before, '⟦original model|modèle d’origine⟧');
show(after, '⟦loaded model|modèle rechargé⟧');
tf.dispose([x, before, after]);
