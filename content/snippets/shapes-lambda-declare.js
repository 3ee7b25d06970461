// @en `Lambda` is this site's layer for TensorFlow.js (tfjs has none); it mirrors keras.layers.Lambda.
// @fr `Lambda` est la couche de ce site pour TensorFlow.js (tfjs n’en a pas) ; elle imite keras.layers.Lambda.
// @en Grey level from R, G, B: [batch, 3] in, [batch, 1] out.
// @fr Niveau de gris à partir de R, V, B : [batch, 3] en entrée, [batch, 1] en sortie.
const coeffs = tf.tensor2d([[0.299], [0.587], [0.114]]);
const toGrey = (x) => tf.matMul(x, coeffs);
const input = tf.input({ shape: [3] });

// @en An array without the batch axis, like Keras' tuple: the batch axis is prepended.
// @fr Un tableau sans l’axe du lot, comme le tuple de Keras : l’axe du lot est ajouté devant.
const asTuple = new Lambda({ fn: toGrey, outputShape: [1] });
show(asTuple.apply(input).shape, '⟦outputShape: [1]|outputShape = [1]⟧');

// @en A function receives the full input shape, batch axis included.
// @fr Une fonction reçoit la forme complète de l’entrée, axe du lot compris.
const asFunction = new Lambda({ fn: toGrey, outputShape: (s) => [s[0], 1] });
show(asFunction.apply(input).shape, '⟦outputShape: function|outputShape = fonction⟧');

// @en Declared, never checked: the model believes [null, 7] even after real data has flowed.
// @fr Déclarée, jamais vérifiée : le modèle croit [null, 7], même après le passage des données.
const wrong = new Lambda({ fn: toGrey, outputShape: [7] });
const model = tf.model({ inputs: input, outputs: wrong.apply(input) });
show(model.outputs[0].shape, '⟦declared by the model|déclarée par le modèle⟧');
const y = tf.tidy(() => model.predict(tf.ones([2, 3])));
show(y.shape, '⟦real output|sortie réelle⟧');
tf.dispose([y, coeffs]);
