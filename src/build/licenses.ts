/**
 * The licenses of the code the site's scripts include, in one file, /third-party-licenses.txt:
 * the bundles drop the legal comment each source file repeats (tfjs has one per file, half its
 * bytes), and this file keeps one copy of each package's license instead. The packages are read
 * from the bundles themselves, page and worker alike, so the list follows the code.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Packages found in the client bundles (the page's and the worker's builds share this set). */
const bundled = new Set<string>();

/** The package a module id comes from, or null for the site's own code. */
function packageOf(id: string): string | null {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id.replace(/\\/g, '/'));
  return m ? m[1]! : null;
}

/** Notes which packages each client bundle includes (for the page build and, as a new instance, each worker build). */
export function bundledPackages(): Plugin {
  return {
    name: 'site-bundled-packages',
    apply: 'build',
    generateBundle(_options, bundle) {
      if (this.environment && this.environment.name !== 'client') return;
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) {
          const name = packageOf(id);
          if (name) bundled.add(name);
        }
      }
    },
  };
}

function licenseText(name: string): string {
  const dir = join('node_modules', name);
  const file = readdirSync(dir).find((f) => /^(licen[sc]e|copying)(\.|$)/i.test(f));
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string; license?: string };
  const head = `${name} ${meta.version ?? ''} (${meta.license ?? 'see its package'})`;
  return `${head}\n${'='.repeat(head.length)}\n\n${file ? readFileSync(join(dir, file), 'utf8').trim() : 'No license file in the package.'}\n`;
}

/** Writes dist/third-party-licenses.txt after the build. */
export default function licenses(): AstroIntegration {
  return {
    name: 'site-licenses',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const names = [...bundled].filter((name) => existsSync(join('node_modules', name))).sort();
        const intro = 'The scripts of this site include the following packages, under these licenses.\n\n';
        await writeFile(join(fileURLToPath(dir), 'third-party-licenses.txt'), intro + names.map(licenseText).join('\n\n'));
      },
    },
  };
}
