/// <reference types="vite/client" />
/**
 * The `tf` namespace snippets get: what `import * as tf from '@tensorflow/tfjs'` gives,
 * minus converter and data, plus the cpu backend. The two packages export disjoint names
 * (layers only adds `version_layers`, `layers`, `models`, ...), so `export *` from both is
 * unambiguous, as in the umbrella package's own `base.ts`.
 */
import { env, setBackend, version_core } from '@tensorflow/tfjs-core';
import { version_layers } from '@tensorflow/tfjs-layers';
// Registers the cpu backend and its kernels as a side effect.
import { version_cpu } from '@tensorflow/tfjs-backend-cpu';
// Side effects the umbrella package also imports: `x.square()`, `x.reshape()` ... on tensors.
// Gradients come with tfjs-layers.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import type { BackendName } from '../snippet/protocol';

export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';

/** Same shape as the umbrella's `tf.version`, for the packages bundled here. */
export const version = {
  'tfjs-core': version_core,
  'tfjs-backend-cpu': version_cpu,
  'tfjs-layers': version_layers,
} as const;

let wasmLoaded: Promise<void> | null = null;

/** Registers the wasm backend once, pointing it at the .wasm files Vite emitted. */
function loadWasm(): Promise<void> {
  wasmLoaded ??= (async () => {
    // Dynamic, so pages that stay on cpu never download the wasm glue or binaries.
    const [wasm, simd, plain, threaded] = await Promise.all([
      import('@tensorflow/tfjs-backend-wasm'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
    ]);
    // Threads need cross-origin isolation and gave little on small machines, so the threaded
    // binary is never fetched; setWasmPaths still insists on a path for each of the three.
    env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths({
      'tfjs-backend-wasm-simd.wasm': simd.default,
      'tfjs-backend-wasm.wasm': plain.default,
      'tfjs-backend-wasm-threaded-simd.wasm': threaded.default,
    });
  })();
  return wasmLoaded;
}

/**
 * Switches tfjs to `name` and resolves with the backend actually in use: a wasm backend
 * that fails to load or initialise falls back to cpu, because a failed `setBackend('wasm')`
 * resolves false yet leaves tfjs pointing at wasm.
 */
export async function selectBackend(name: BackendName): Promise<BackendName> {
  if (name === 'wasm') {
    try {
      await loadWasm();
      if (await setBackend('wasm')) return 'wasm';
    } catch (error) {
      // Fall through to cpu: a missing .wasm or an old browser must not break the snippet.
      console.warn('The wasm backend could not load; using cpu.', error);
    }
  }
  if (!(await setBackend('cpu'))) throw new Error('The cpu backend failed to initialise.');
  return 'cpu';
}
