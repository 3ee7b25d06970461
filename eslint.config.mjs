// @ts-check
// Lint, the way Starlight sets it up (typescript-eslint, type-checked, Prettier owning the
// formatting), plus what this site must never do: write unsanitized markup into the DOM.
// Which folder may import which, and import cycles, are dependency-cruiser's (.dependency-cruiser.cjs).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import eslint from '@eslint/js';
import prettierConfig from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
// @ts-expect-error -- the plugin ships no type declarations
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['**/.*', '**/*.d.ts', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/']),

  { languageOptions: { globals: { ...globals.nodeBuiltin } } },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: dirname(fileURLToPath(import.meta.url)) },
    },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },

  // What runs in a browser: the page's scripts, the island, the workers (and the functions the
  // tests and the benchmark send into a page).
  { files: ['src/**', 'e2e/**', 'scripts/bench.mjs', 'scripts/bench/**'], languageOptions: { globals: { ...globals.browser } } },

  // No string ever becomes markup: the renderers, the island and search build DOM from text nodes.
  { files: ['src/**'], ...noUnsanitized.configs.recommended },

  // The worker (and what it loads of tfjs) has no DOM and none of the page's storage.
  {
    files: ['src/snippet/worker/**', 'src/tfjs/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'localStorage', 'sessionStorage', 'HTMLElement', 'Element', 'Node', 'requestAnimationFrame'].map(
          (name) => ({
            name,
            message: 'The snippet worker has no DOM: it speaks to the page through protocol messages.',
          }),
        ),
      ],
    },
  },

  // The snippet's DOM contract is written once, in markup.ts: no selector of a data attribute elsewhere.
  {
    files: ['src/snippet/**/*.ts'],
    ignores: ['src/snippet/markup.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['Literal[value=/^\\[data-/]', 'TemplateElement[value.raw=/^\\[data-/]'].map((selector) => ({
          selector,
          message: 'Select snippet parts through SELECTORS (or a helper) in src/snippet/markup.ts.',
        })),
      ],
    },
  },

  // The snippets are code too, run as the body of an async function of (tf, show, console, Lambda).
  {
    files: ['content/snippets/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { tf: 'readonly', show: 'readonly', Lambda: 'readonly' },
      parserOptions: { ecmaFeatures: { globalReturn: true } },
    },
    // French comments and labels carry French typography's no-break spaces.
    rules: { 'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true }] },
  },

  // Vitest's asymmetric matchers (`expect.stringContaining()` …) are typed `any`.
  {
    files: ['tests/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off' },
  },

  prettierConfig,

  {
    rules: {
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, destructuredArrayIgnorePattern: '^_', varsIgnorePattern: '^_', argsIgnorePattern: '^_' },
      ],
      // `any` only in rest parameters, e.g. the Lambda's function type, matched by name at run time.
      '@typescript-eslint/no-explicit-any': ['error', { ignoreRestArgs: true }],
      // Unbound method checks need another plugin to understand `expect` calls.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
