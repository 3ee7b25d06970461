/**
 * Serves the editor's tfjs API index (./tfjs-api.ts) as the virtual module `virtual:tfjs-api`:
 * generated once per build or dev server, from what is installed, as one string that the editor
 * reads when it first needs it (src/snippet/editor/api-format.ts).
 */
import type { Plugin } from 'vite';
import { buildApiIndex } from './tfjs-api';

const ID = 'virtual:tfjs-api';
const RESOLVED = `\0${ID}`;

export function tfjsApi(): Plugin {
  let root = process.cwd();
  let source: string | null = null;
  return {
    name: 'lambda-or-layer:tfjs-api',
    configResolved(config) {
      root = config.root;
    },
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      source ??= `export default ${JSON.stringify(buildApiIndex(root))};\n`;
      return source;
    },
  };
}
