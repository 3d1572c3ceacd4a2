/**
 * Runs `extract` for the archive, one document at a time, in a worker thread the pool can throw
 * away: a document that hangs, crashes the parser or exhausts memory takes only this thread down.
 */
import { parentPort } from 'node:worker_threads';
import { JixiaoError, type ErrorContext } from '../errors.js';
import { extractForPool } from '../extract.js';
import { classify, type ParseLimits, type WorkbookParser } from './parse-workbook.js';
import { parseSheets, realmGuard } from './sheet-parser.js';
import type { Source } from '../ingest/read-source.js';

interface Task {
  id: number;
  /** As the pool's caller read it: bytes, name, sha256 and kind (nothing hashed or sniffed again here). */
  source: Source;
  limits?: Partial<ParseLimits>;
  ocr?: boolean;
}

/** The built-in prototypes as they are before any workbook is parsed here. */
const tampered = realmGuard();
/** Set when a workbook changed the realm: the pool replaces this thread after the reply. */
let polluted = false;

/**
 * Workbooks are parsed in this thread: it is a throwaway thread already, so a parser thread of its
 * own would only add an isolate to warm up and some 40 MB per worker. The pool keeps the parser's
 * time limit (it is told when parsing starts and ends); the heap limit is this worker's.
 */
const parseHere =
  (id: number): WorkbookParser =>
  async (bytes, file, limits, { raw }) => {
    parentPort!.postMessage({ id, parsing: limits.timeoutMs });
    let sheets;
    let failure: unknown;
    try {
      sheets = parseSheets(bytes, raw ?? false);
    } catch (err) {
      failure = err;
    }
    const changed = tampered();
    if (changed.length) {
      // Nothing read in a polluted realm is used, and nothing more is read in it.
      polluted = true;
      throw new JixiaoError('HOSTILE_INPUT', `${file}: refused, parsing it modified ${changed.join(', ')}`, { file, stage: 'extract' });
    }
    parentPort!.postMessage({ id, progress: 0 });
    if (failure !== undefined) throw classify(String((failure as Error)?.message ?? failure), file);
    return sheets!;
  };

parentPort!.on('message', async ({ id, source, limits, ocr }: Task) => {
  try {
    // Each OCR page tells the pool the document is still moving (its time limit is per step, not per document).
    const result = await extractForPool(source, {
      limits,
      parseWorkbook: parseHere(id),
      ...(ocr === false ? { ocr: false as const } : {}),
      onOcrPage: (page) => parentPort!.postMessage({ id, progress: page }),
    });
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
      retire: polluted,
    });
  }
});
