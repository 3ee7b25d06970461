/** The service worker's version: a digest of the build's hashed assets and of the worker's own code. */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * Vite names every file under /_astro/ after its content, so the sorted list of names
 * changes exactly when a script, style, worker, tfjs chunk or .wasm file does. A build
 * that only edits text keeps the version (and the reader's cached tfjs); its pages are
 * fetched network-first anyway. The client files exist when pages are generated: Astro
 * builds them first. Without them (dev server) the build time stands in.
 */
export async function buildVersion(assetsDir: URL, workerSource: string): Promise<string> {
  const hash = createHash('sha256').update(workerSource);
  try {
    const names = await readdir(fileURLToPath(assetsDir), { recursive: true });
    hash.update(names.sort().join('\n'));
  } catch {
    hash.update(String(Date.now()));
  }
  return hash.digest('hex').slice(0, 12);
}
