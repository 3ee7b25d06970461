// @en `Lambda` is this site's layer for TensorFlow.js (tfjs has none); it mirrors keras.layers.Lambda.
// @fr `Lambda` est la couche de ce site pour TensorFlow.js (tfjs n’en a pas) ; elle imite keras.layers.Lambda.
// @en "Reusing" a Lambda: a factory that closes over a number.
// @fr « Réutiliser » une Lambda : une fabrique qui capture un nombre.
const scaleBy = (k) => new Lambda({ fn: (x) => tf.mul(x, k) });
const double = scaleBy(2);
const halve = scaleBy(0.5);
const x = tf.tensor2d([[1, 2]]);
const [y1, y2] = [double.apply(x), halve.apply(x)];
show(y1, '⟦double(x)|double(x)⟧');
show(y2, '⟦halve(x)|halve(x)⟧');

// @en Both save the same function text; the 2 and the 0.5 are in neither config.
// @fr Les deux sauvegardent le même texte de fonction ; ni 2 ni 0,5 n’apparaît dans leur configuration.
show(double.getConfig().function, '⟦double: saved function|double : fonction sauvegardée⟧');
show(halve.getConfig().function, '⟦halve: saved function|halve : fonction sauvegardée⟧');

// @en Keras' answer is `arguments`: values passed to the function by parameter name, and saved.
// @fr La réponse de Keras est `arguments` : des valeurs passées à la fonction par nom de paramètre, et sauvegardées.
const triple = new Lambda({ fn: (x, k) => tf.mul(x, k), arguments: { k: 3 } });
const y3 = triple.apply(x);
show(y3, '⟦triple(x)|triple(x)⟧');
show(triple.getConfig().arguments, '⟦triple: saved arguments|triple : arguments sauvegardés⟧');
tf.dispose([x, y1, y2, y3]);
