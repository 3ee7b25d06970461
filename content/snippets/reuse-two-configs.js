// @en One class, written once: each instance gets its own config and its own weights.
// @fr Une classe, écrite une fois : chaque instance a sa configuration et ses poids.
class Scale extends tf.layers.Layer {
  static className = 'Scale';
  constructor(config = {}) {
    super(config);
    this.init = config.init ?? 1;
  }
  build(inputShape) {
    this.w = this.addWeight('w', [inputShape[inputShape.length - 1]], 'float32',
      tf.initializers.constant({ value: this.init }));
  }
  call(inputs) {
    return tf.tidy(() => tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, this.w.read()));
  }
  getConfig() {
    return { ...super.getConfig(), init: this.init };
  }
}
tf.serialization.registerClass(Scale);

const double = new Scale({ name: 'double', init: 2 });
const halve = new Scale({ name: 'halve', init: 0.5 });
const x = tf.tensor2d([[1, 2]]);
const [y1, y2] = [double.apply(x), halve.apply(x)];
show(y1, '⟦double(x)|double(x)⟧');
show(y2, '⟦halve(x)|halve(x)⟧');
show(double, '⟦double: its own weight|double : son propre poids⟧');
show(halve, '⟦halve: its own weight|halve : son propre poids⟧');

// @en The config is a recipe: it says what each instance is, and rebuilds it.
// @fr La configuration est une recette : elle dit ce qu’est chaque instance, et la reconstruit.
show(halve.getConfig(), '⟦halve.getConfig()|halve.getConfig()⟧');
const copy = Scale.fromConfig(Scale, halve.getConfig());
const y3 = copy.apply(x);
show(y3, '⟦rebuilt from the config|reconstruite depuis la configuration⟧');
tf.dispose([x, y1, y2, y3]);
