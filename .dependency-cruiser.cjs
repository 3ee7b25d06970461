// Which part of the site may import which (see README, "How a live snippet works"): data flows
// content -> page -> island -> worker -> plain data -> renderer, and no arrow points back.
// `npm run lint` runs it; type-only imports count (a cycle of types is still a cycle to read).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Modules import each other one way: a cycle, even of types, means two modules are one.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'tfjs-is-a-leaf',
      comment: 'src/tfjs is what the site adds to TensorFlow.js: it knows nothing of snippets.',
      severity: 'error',
      from: { path: '^src/tfjs/' },
      to: { path: '^src/snippet/' },
    },
    {
      name: 'renderers-never-reach-tfjs',
      comment: 'Renderers turn plain protocol data into DOM; tfjs objects never reach the page.',
      severity: 'error',
      from: { path: '^src/snippet/render/' },
      to: { path: ['^src/tfjs/', 'node_modules/@tensorflow/', '^src/snippet/(worker|island|runtime|editor)/'] },
    },
    {
      name: 'the-page-never-loads-the-worker',
      comment: 'The page speaks to the worker through messages only (protocol.ts), never by importing it.',
      severity: 'error',
      from: { path: '^src/snippet/(island|runtime|editor|render|bootstrap\\.ts|markup\\.ts)' },
      to: { path: ['^src/snippet/worker/', '^src/tfjs/(tf|lambda)\\.ts$', 'node_modules/@tensorflow/'] },
    },
    {
      name: 'the-worker-never-loads-the-page',
      comment:
        'The worker has no DOM and no page: of the site it imports only its own folder, the message protocol, the await test and what the site adds to tfjs.',
      severity: 'error',
      from: { path: '^src/snippet/worker/' },
      to: {
        path: '^src/',
        pathNot: ['^src/snippet/worker/', '^src/snippet/protocol\\.ts$', '^src/snippet/awaits-word\\.ts$', '^src/tfjs/'],
      },
    },
    {
      name: 'first-load-stays-small',
      comment: 'The bootstrap is all the snippet code a page loads up front: the rest comes on intent, by dynamic import.',
      severity: 'error',
      from: { path: '^src/snippet/bootstrap\\.ts$' },
      // Spawning a worker is a few lines, and starts tfjs' download at once.
      to: {
        path: '^src/snippet/(island|editor|runtime|render|worker)/',
        pathNot: '^src/snippet/runtime/spawn\\.ts$',
        dependencyTypesNot: ['dynamic-import', 'type-only', 'type-import'],
      },
    },
    {
      name: 'site-code-is-not-test-code',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|e2e)/' },
    },
    {
      name: 'e2e-is-not-unit-tests',
      comment: 'Shared test code lives in src/ (the collection reader, the Node runner) or scripts/.',
      severity: 'error',
      from: { path: '^e2e/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules|\\.astro)/' },
  },
};
