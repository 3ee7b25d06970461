// @en `Lambda` is this site's layer for TensorFlow.js (tfjs has none); it mirrors keras.layers.Lambda.
// @fr `Lambda` est la couche de ce site pour TensorFlow.js (tfjs n’en a pas) ; elle imite keras.layers.Lambda.
let rampsMade = 0;
// @en Fade the features out: weights 1 → 0 across the last axis, however wide it is.
// @fr Atténuer les caractéristiques : poids de 1 à 0 sur le dernier axe, quelle que soit sa largeur.
const fade = new Lambda({
  name: 'fade',
  fn: (x) => {
    // @en No build(): the ramp that depends on the input width is remade on every call.
    // @fr Pas de build() : la rampe, qui dépend de la largeur de l’entrée, est refaite à chaque appel.
    rampsMade += 1;
    const width = x.shape[x.shape.length - 1];
    return tf.mul(x, tf.linspace(1, 0, width));
  },
});

const x = tf.ones([2, 5]);
const outputs = [1, 2, 3].map(() => fade.apply(x));
show(outputs[2], '⟦third output|troisième sortie⟧');
show(rampsMade, '⟦ramps made for 3 calls|rampes construites pour 3 appels⟧');
show(fade, '⟦the Lambda’s weights|les poids de la Lambda⟧');
tf.dispose([x, ...outputs]);
