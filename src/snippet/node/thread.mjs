// The first code of a snippet thread (see ./run.ts): the hooks, then the run itself.
import './hooks.mjs';
import { workerData } from 'node:worker_threads';

const { runInThread } = await import('./thread-run.ts');
await runInThread(workerData);
