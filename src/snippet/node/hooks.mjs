// Module hooks for a snippet thread: the project's TypeScript loads in Node as Vite loads it
// (type syntax stripped, extensionless imports resolved), and so do tfjs' ESM files, whose
// relative imports carry no extension (which is why tsx, which leaves those alone, is not used).
import { readFileSync, statSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';

const isFile = (url) => statSync(url, { throwIfNoEntry: false })?.isFile() === true;
const hasExtension = (specifier) => /\.[cm]?[jt]s$/.test(specifier);

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (/^\.\.?\//.test(specifier) && !hasExtension(specifier) && context.parentURL) {
      for (const suffix of ['.ts', '.js', '/index.ts', '/index.js']) {
        const url = new URL(specifier + suffix, context.parentURL);
        if (isFile(url)) return { url: url.href, shortCircuit: true };
      }
    }
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (hasExtension(specifier) || specifier.startsWith('node:')) throw error;
      return nextResolve(`${specifier}.js`, context);
    }
  },
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
    const source = readFileSync(new URL(url), 'utf8');
    return { format: 'module', shortCircuit: true, source: stripTypeScriptTypes(source, { mode: 'transform', sourceUrl: url }) };
  },
});
