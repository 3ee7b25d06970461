// @en `Lambda` is this site's layer for TensorFlow.js (tfjs has none); it mirrors keras.layers.Lambda.
// @fr `Lambda` est la couche de ce site pour TensorFlow.js (tfjs n’en a pas) ; elle imite keras.layers.Lambda.
// @en A per-feature scale written as a Lambda: the function gets tensors, never the layer,
// @en so it has nowhere to add a loss.
// @fr Une mise à l’échelle par caractéristique écrite en Lambda : la fonction reçoit des tenseurs,
// @fr jamais la couche, elle n’a donc nulle part où ajouter une perte.
const scale = new Lambda({ name: 'scale', fn: (x) => tf.mul(x, tf.tensor1d([1, 1])) });
const input = tf.input({ shape: [2] });
const sum = tf.layers.dense({ units: 1, useBias: false, kernelInitializer: 'ones' });
const model = tf.model({ inputs: input, outputs: sum.apply(scale.apply(input)) });
model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });

// @en Targets the model already predicts exactly: the data loss is 0.
// @fr Des cibles que le modèle prédit déjà exactement : la perte sur les données vaut 0.
const x = tf.tensor2d([[1, 2], [3, 4]]);
const y = tf.tensor2d([[3], [7]]);
show(scale.losses.length, '⟦losses owned by the Lambda|pertes possédées par la Lambda⟧');
const evaluated = model.evaluate(x, y);
show(evaluated.dataSync()[0], '⟦evaluate loss|perte renvoyée par evaluate⟧');
const history = await model.fit(x, y, { epochs: 1, batchSize: 2, shuffle: false });
show(history.history.loss[0], '⟦fit loss, epoch 1|perte de fit, époque 1⟧');
tf.dispose([x, y, evaluated]);
model.optimizer.dispose();
