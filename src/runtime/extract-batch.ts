import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import type { ExtractResult } from '../extract.js';
import { JixiaoError, toJixiaoError } from '../errors.js';
import { readSource } from '../ingest/read-source.js';
import { DEFAULT_WORKER_LIMITS, DocumentWorkers, type WorkerLimits } from './document-workers.js';
import type { ParseLimits } from './parse-workbook.js';

export type FileOutcome = { path: string; result: ExtractResult } | { path: string; error: JixiaoError };

export interface BatchOptions {
  /** Files read at once (one extraction worker each); defaults to the number of cores. */
  concurrency?: number;
  /** Time and heap limits of the spreadsheet parser's worker. */
  limits?: Partial<ParseLimits>;
  /** Time and heap limits of each document's extraction worker (as in `ingest`). */
  workerLimits?: Partial<WorkerLimits>;
  /** False: PDF pages without a usable text layer are reported (`pagesNeedingOcr`), not read by OCR. */
  ocr?: boolean;
  /** Called once per file as it finishes, in completion order. */
  onProgress?: (done: number, total: number, outcome: FileOutcome) => void;
  /** Called with each outcome in input order, as soon as all earlier files are done. */
  onOutcome?: (outcome: FileOutcome) => void | Promise<void>;
}

/**
 * Extracts many files with bounded concurrency. Each document is extracted in a pooled worker
 * thread under a time and heap limit (the same pool as `ingest`): a hang becomes PARSE_TIMEOUT, a
 * bomb INPUT_TOO_LARGE, for that file only. A file that fails becomes an error outcome and the
 * batch goes on; outcomes are delivered in input order so output is deterministic.
 */
export async function extractBatch(paths: readonly string[], options: BatchOptions = {}): Promise<FileOutcome[]> {
  const concurrency = options.concurrency ?? Math.max(1, availableParallelism());
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(`Expected \`concurrency\` to be a positive integer, got \`${concurrency}\` (${typeof concurrency})`);
  }
  const workers = new DocumentWorkers(Math.min(concurrency, Math.max(1, paths.length)), { ...DEFAULT_WORKER_LIMITS, ...options.workerLimits }, options.limits, options.ocr ?? true);
  const queue = new PQueue({ concurrency });
  const outcomes: Array<FileOutcome | undefined> = new Array(paths.length);
  let done = 0;
  let next = 0;
  let delivering = Promise.resolve();
  const deliver = () => {
    delivering = delivering.then(async () => {
      while (next < paths.length && outcomes[next]) {
        await options.onOutcome?.(outcomes[next]!);
        next++;
      }
    });
    return delivering;
  };
  const extractOne = async (path: string): Promise<FileOutcome> => {
    let source;
    try {
      source = await readSource(path);
    } catch (err) {
      return { path, error: toJixiaoError(err, { file: path, stage: 'ingest' }) };
    }
    const result = await workers.run(source);
    if (!result.ok) return { path, error: result.error };
    const { kind, records, pagesNeedingOcr, pagesOcr, pageCount } = result;
    return { path, result: { file: source.file, sha256: source.sha256, kind: kind as ExtractResult['kind'], records, pagesNeedingOcr, pagesOcr, pageCount } };
  };
  try {
    await Promise.all(
      paths.map((path, k) =>
        queue.add(async () => {
          let outcome: FileOutcome;
          try {
            outcome = await extractOne(path);
          } catch (err) {
            outcome = { path, error: toJixiaoError(err, { file: path }) };
          }
          outcomes[k] = outcome;
          options.onProgress?.(++done, paths.length, outcome);
          await deliver();
        }),
      ),
    );
    await delivering;
  } finally {
    await workers.close();
  }
  return outcomes as FileOutcome[];
}
