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
    const [wasm, simd, plain] = await Promise.all([
      import('@tensorflow/tfjs-backend-wasm'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
    ]);
    // Threads need cross-origin isolation and gave little on small machines; without this
    // flag tfjs could ask for a threaded binary that is not bundled.
    env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths({
      'tfjs-backend-wasm-simd.wasm': simd.default,
      'tfjs-backend-wasm.wasm': plain.default,
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
    } catch {
      // Fall through to cpu: a missing .wasm or an old browser must not break the snippet.
    }
  }
  if (!(await setBackend('cpu'))) throw new Error('The cpu backend failed to initialise.');
  return 'cpu';
}
