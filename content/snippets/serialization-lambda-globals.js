// @en A rough grey level, R/4 + G/2 + B/4, with its weights in a constant of this snippet.
// @fr Un niveau de gris approché, R/4 + V/2 + B/4, dont les poids sont une constante de l’extrait.
const GREY = tf.tensor2d([[0.25], [0.5], [0.25]]);
const x = tf.tensor2d([[4, 8, 4]]);
Lambda.enableUnsafeDeserialization();
const reload = (lambda) => tf.models.modelFromJSON(
  tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [3] }), lambda] }).toJSON(null, false));

// @en 1. The function names GREY: only its text is saved, and reloaded it sees globals only.
// @fr 1. La fonction nomme GREY : seul son texte est sauvegardé, et, une fois rechargée, elle ne voit que les noms globaux.
const named = await reload(new Lambda({ name: 'named', fn: (x) => tf.matMul(x, GREY), outputShape: [1] }));
try {
  named.predict(x);
} catch (error) {
  // @en The name only: each browser engine words the message its own way.
  // @fr Le nom seul : chaque moteur de navigateur formule le message à sa façon.
  show(error.name, '⟦reloaded, GREY named in the function|rechargée, GREY nommé dans la fonction⟧');
}

// @en 2. The same tensor passed in `arguments`: saved with the config, a tensor again once loaded.
// @fr 2. Le même tenseur passé dans `arguments` : sauvegardé avec la configuration, de nouveau un tenseur une fois chargé.
const passed = await reload(new Lambda({ name: 'passed', fn: (x, grey) => tf.matMul(x, grey), arguments: { grey: GREY } }));
show(passed.getLayer('passed').getConfig().arguments.grey.config, '⟦GREY as saved|GREY tel que sauvegardé⟧');
const y = passed.predict(x);
show(y, '⟦reloaded, GREY passed in arguments|rechargée, GREY passé dans arguments⟧');

// @en 3. An argument JSON cannot hold is refused when the config is written, not dropped from it.
// @fr 3. Un argument que JSON ne sait pas contenir est refusé à l’écriture de la configuration, au lieu d’en disparaître.
try {
  new Lambda({ name: 'activate', fn: (x, act) => act(x), arguments: { act: tf.relu } }).getConfig();
} catch (error) {
  show(error.message, '⟦a function in arguments|une fonction dans arguments⟧');
}
tf.dispose([GREY, x, y]);
