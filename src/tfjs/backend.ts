/// <reference types="vite/client" />
/**
 * The backends a snippet can run on, and switching between them. The cpu backend comes with
 * `./tf`; the wasm backend (its glue and .wasm binaries) is fetched only when chosen.
 */
import { dispose, env, scalar, setBackend } from '@tensorflow/tfjs-core';

import type { BackendName } from './backends';

export type { BackendName };

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
  // In Node (the build's runs, the tests), the cpu backend's first tensor logs advice to install
  // tfjs-node: let it go to the terminal now, not into the first snippet's output.
  if (env().getBool('IS_NODE')) dispose(scalar(0));
  return 'cpu';
}
