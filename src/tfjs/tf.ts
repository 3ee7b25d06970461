/**
 * The `tf` namespace snippets get: what `import * as tf from '@tensorflow/tfjs'` gives,
 * minus converter and data, plus the cpu backend. The two packages export disjoint names
 * (layers only adds `version_layers`, `layers`, `models`, ...), so `export *` from both is
 * unambiguous, as in the umbrella package's own `base.ts`.
 */
import { version_core } from '@tensorflow/tfjs-core';
import { version_layers } from '@tensorflow/tfjs-layers';
// Registers the cpu backend and its kernels as a side effect.
import { version_cpu } from '@tensorflow/tfjs-backend-cpu';
// Side effects the umbrella package also imports: `x.square()`, `x.reshape()` ... on tensors.
// Gradients come with tfjs-layers.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';

export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';

/** Same shape as the umbrella's `tf.version`, for the packages bundled here: snippets read it as `tf.version`.
 * @public */
export const version = {
  'tfjs-core': version_core,
  'tfjs-backend-cpu': version_cpu,
  'tfjs-layers': version_layers,
} as const;
