// @expect-error disallowed by default
// @en A model with a Lambda: saving works, the function is stored as source text.
// @fr Un modèle avec une Lambda : la sauvegarde marche, la fonction est stockée en texte source.
const model = tf.sequential({ layers: [
  tf.layers.dense({ units: 2, inputShape: [3], kernelInitializer: 'ones', name: 'dense' }),
  new Lambda({ fn: (x, factor) => tf.mul(x, factor), arguments: { factor: 3 }, name: 'times' }),
] });
const topology = model.toJSON(null, false);
show(topology.config.layers[1].config, '⟦the Lambda’s saved config|la configuration sauvegardée de la Lambda⟧');

// @en Loading would run that text as code: refused unless you opt in.
// @fr Le chargement exécuterait ce texte comme du code : refusé sauf accord explicite.
await tf.models.modelFromJSON(topology);
