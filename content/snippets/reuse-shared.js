class Scale extends tf.layers.Layer {
  static className = 'Scale';
  build(inputShape) {
    this.w = this.addWeight('w', [inputShape[inputShape.length - 1]], 'float32', tf.initializers.ones());
  }
  call(inputs) {
    return tf.tidy(() => tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.w.read()));
  }
}
tf.serialization.registerClass(Scale);

// @en Two inputs, one branch each, summed. Only the layer passed to each branch changes.
// @fr Deux entrées, une branche chacune, additionnées. Seule la couche passée à chaque branche change.
function twoBranches(left, right) {
  const a = tf.input({ shape: [2] });
  const b = tf.input({ shape: [2] });
  return tf.model({ inputs: [a, b], outputs: tf.layers.add().apply([left.apply(a), right.apply(b)]) });
}

const shared = new Scale();
show(twoBranches(shared, shared).countParams(), '⟦one Scale instance, used twice|une instance de Scale, utilisée deux fois⟧');
show(twoBranches(new Scale(), new Scale()).countParams(), '⟦two Scale instances|deux instances de Scale⟧');

// @en A Lambda has nothing to share: one instance or two, the model has 0 parameters.
// @fr Une Lambda n’a rien à partager : une instance ou deux, le modèle a 0 paramètre.
const negate = new Lambda({ fn: (x) => tf.neg(x) });
show(twoBranches(negate, negate).countParams(), '⟦one Lambda instance, used twice|une instance de Lambda, utilisée deux fois⟧');
show(twoBranches(new Lambda({ fn: (x) => tf.neg(x) }), new Lambda({ fn: (x) => tf.neg(x) })).countParams(),
  '⟦two Lambda instances|deux instances de Lambda⟧');
