import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import { Archive, type DocumentOutcome } from '../archive/archive.js';
import { toJixiaoError } from '../errors.js';
import { readSource } from '../ingest/read-source.js';
import { EXTRACTOR_VERSION } from '../version.js';
import { DEFAULT_WORKER_LIMITS, DocumentWorkers, type WorkerLimits } from './document-workers.js';
import type { ParseLimits } from './parse-workbook.js';

export interface IngestOptions {
  /** The archive file (SQLite); created when missing. */
  db: string;
  /** Defaults to this jixiao's EXTRACTOR_VERSION; documents of other versions are reprocessed. */
  extractorVersion?: string;
  /** Documents extracted at once (one worker each); defaults to the number of cores. */
  concurrency?: number;
  limits?: Partial<WorkerLimits>;
  /** Time and heap limits of the spreadsheet parser's worker. */
  parseLimits?: Partial<ParseLimits>;
  /** Called after each file with the running totals. */
  onProgress?: (progress: IngestProgress) => void;
  /** Called for each file that could not be read or extracted. */
  onError?: (path: string, code: string, message: string) => void;
}

export interface IngestProgress {
  files: number;
  done: number;
  /** Files whose bytes were already archived by this extractor version (a rerun, or a duplicate). */
  skipped: number;
  failed: number;
  pages: number;
  forms: number;
  findings: number;
  startedAt: number;
}

/**
 * Ingests files into the archive: each file is read and hashed; bytes already archived by this
 * extractor version are skipped (a rerun is a no-op, a copy under another name is noted as such);
 * the rest are extracted in isolated workers and written one document per transaction. Killed at
 * any point and run again, it finishes the job with nothing lost and nothing twice.
 */
export async function ingest(paths: readonly string[], options: IngestOptions): Promise<IngestProgress> {
  const concurrency = options.concurrency ?? Math.max(1, availableParallelism());
  const archive = new Archive(options.db, options.extractorVersion ?? EXTRACTOR_VERSION);
  const workers = new DocumentWorkers(concurrency, { ...DEFAULT_WORKER_LIMITS, ...options.limits }, options.parseLimits);
  const progress: IngestProgress = { files: paths.length, done: 0, skipped: 0, failed: 0, pages: 0, forms: 0, findings: 0, startedAt: Date.now() };
  const inFlight = new Map<string, Promise<void>>();
  // Reading is cheap and bounded; extraction is the expensive stage, one document per worker.
  const queue = new PQueue({ concurrency: concurrency * 2 });
  const finish = () => {
    progress.done++;
    options.onProgress?.({ ...progress });
  };
  try {
    await Promise.all(
      paths.map((path) =>
        queue.add(async () => {
          let source;
          try {
            source = await readSource(path);
          } catch (err) {
            const error = toJixiaoError(err, { file: path });
            progress.failed++;
            options.onError?.(path, error.code, error.message);
            return finish();
          }
          const pending = inFlight.get(source.sha256);
          if (pending || archive.isProcessed(source.sha256)) {
            await pending;
            archive.notePath(source.sha256, path);
            progress.skipped++;
            return finish();
          }
          const work = (async () => {
            const started = performance.now();
            const result = await workers.run(source);
            const outcome: DocumentOutcome = {
              sha256: source.sha256,
              path,
              kind: result.ok ? result.kind : (result.error.context.kind ?? source.kind),
              pages: result.ok ? result.pageCount : null,
              records: result.ok ? result.records : [],
              pagesNeedingOcr: result.ok ? result.pagesNeedingOcr : [],
              error: result.ok ? null : { code: result.error.code, message: result.error.message },
              millis: performance.now() - started,
            };
            archive.writeDocument(outcome);
            if (outcome.error) {
              progress.failed++;
              options.onError?.(path, outcome.error.code, outcome.error.message);
            }
            progress.pages += outcome.pages ?? 0;
            progress.forms += outcome.records.length;
            progress.findings += outcome.records.reduce((n, r) => n + r.findings.length, 0);
          })();
          inFlight.set(source.sha256, work);
          try {
            await work;
          } finally {
            inFlight.delete(source.sha256);
          }
          finish();
        }),
      ),
    );
  } finally {
    await workers.close();
    archive.close();
  }
  return progress;
}
