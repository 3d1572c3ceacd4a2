/**
 * Runs `extract` for the archive, one document at a time, in a worker thread the pool can throw
 * away: a document that hangs, crashes the parser or exhausts memory takes only this thread down.
 */
import { parentPort } from 'node:worker_threads';
import type { ErrorContext } from '../errors.js';
import { extractForPool } from '../extract.js';
import type { ParseLimits } from './parse-workbook.js';

interface Task {
  id: number;
  bytes: Uint8Array;
  file: string;
  limits?: Partial<ParseLimits>;
  ocr?: boolean;
}

parentPort!.on('message', async ({ id, bytes, file, limits, ocr }: Task) => {
  try {
    // Each OCR page tells the pool the document is still moving (its time limit is per step, not per document).
    const result = await extractForPool(bytes, file, { limits, ...(ocr === false ? { ocr: false as const } : {}), onOcrPage: (page) => parentPort!.postMessage({ id, progress: page }) });
    parentPort!.postMessage({
      id,
      ok: true,
      kind: result.kind,
      records: result.records,
      pagesNeedingOcr: result.pagesNeedingOcr,
      pagesOcr: result.pagesOcr,
      pageCount: result.pageCount,
      heapUsed: process.memoryUsage().heapUsed,
    });
  } catch (err) {
    const e = err as { code?: string; message?: string; context?: ErrorContext };
    parentPort!.postMessage({
      id,
      ok: false,
      // The context is plain data (file, kind, page, stage): it crosses as is.
      error: { code: e?.code ?? 'INTERNAL', message: String(e?.message ?? err), context: { ...e?.context } },
      heapUsed: process.memoryUsage().heapUsed,
    });
  }
});
