// Starts a TypeScript worker when jixiao runs from its sources (tsx, vitest): Node 20 does not
// carry `--import tsx` into worker threads, so the entry is loaded through tsx's API instead.
// Not used by the built package, whose workers are plain JavaScript.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
