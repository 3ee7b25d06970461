/** The `tf` namespace's type, as snippets see it (its own module: tf.ts cannot name itself without a cycle). */
export type TfNamespace = typeof import('./tf');
