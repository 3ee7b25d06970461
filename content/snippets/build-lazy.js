// @en A Dense-like layer: `units` is known when you create it, the input size is not.
// @fr Une couche façon Dense : `units` est connu à la création, la taille de l’entrée non.
class Project extends tf.layers.Layer {
  static className = 'Project';
  constructor(config) {
    super(config);
    this.units = config.units;
  }
  // @en Called once, on the first call, with the input shape: the kernel is sized from it.
  // @fr Appelée une seule fois, au premier appel, avec la forme de l’entrée : le noyau en dépend.
  build(inputShape) {
    const inputDim = inputShape[inputShape.length - 1];
    this.kernel = this.addWeight('kernel', [inputDim, this.units], 'float32',
      tf.initializers.glorotUniform({ seed: 1 }));
  }
  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return tf.matMul(x, this.kernel.read());
    });
  }
  computeOutputShape(inputShape) {
    return [...inputShape.slice(0, -1), this.units];
  }
  getConfig() {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(Project);

const a = new Project({ units: 2 });
show(a, '⟦a, before any call|a, avant tout appel⟧');
tf.tidy(() => { a.apply(tf.ones([1, 3])); });
show(a, '⟦a, after a call on 3 features|a, après un appel sur 3 caractéristiques⟧');

// @en Same class, same config, another input width: another kernel shape.
// @fr Même classe, même configuration, autre largeur d’entrée : autre forme de noyau.
const b = new Project({ units: 2 });
tf.tidy(() => { b.apply(tf.ones([1, 5])); });
show(b, '⟦b, after a call on 5 features|b, après un appel sur 5 caractéristiques⟧');
