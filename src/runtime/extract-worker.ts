/**
 * Runs `extract` for the archive, one document at a time, in a worker thread the pool can throw
 * away: a document that hangs, crashes the parser or exhausts memory takes only this thread down.
 */
import { parentPort } from 'node:worker_threads';
import { extract } from '../extract.js';
import type { ParseLimits } from './parse-workbook.js';

interface Task {
  id: number;
  bytes: Uint8Array;
  file: string;
  limits?: Partial<ParseLimits>;
}

parentPort!.on('message', async ({ id, bytes, file, limits }: Task) => {
  try {
    const result = await extract(bytes, file, { limits });
    parentPort!.postMessage({
      id,
      ok: true,
      kind: result.kind,
      records: result.records,
      pagesNeedingOcr: result.pagesNeedingOcr,
      pageCount: result.pageCount,
      heapUsed: process.memoryUsage().heapUsed,
    });
  } catch (err) {
    const e = err as { code?: string; message?: string; context?: { kind?: string } };
    parentPort!.postMessage({
      id,
      ok: false,
      error: { code: e?.code ?? 'INTERNAL', message: String(e?.message ?? err), kind: e?.context?.kind ?? null },
      heapUsed: process.memoryUsage().heapUsed,
    });
  }
});
