import { Worker } from 'node:worker_threads';
import { JixiaoError } from '../errors.js';

/** A sheet as the worker hands it back: plain data, nothing SheetJS-made crosses the thread. */
export interface ParsedSheet {
  name: string;
  cells: Array<{ r: number; c: number; text: string; stored: string; type: string }>;
  merges: Array<{ s: { r: number; c: number }; e: { r: number; c: number } }>;
  hidden: number;
}

export interface ParseLimits {
  /** Milliseconds before the worker is terminated. */
  timeoutMs: number;
  /** Heap limit of the worker, in MiB. */
  maxHeapMb: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = Object.freeze({ timeoutMs: 20_000, maxHeapMb: 768 });

/**
 * Parses a workbook in a disposable worker thread with a time and heap limit. Whatever the file
 * does to the parser (hang, pollute prototypes, exhaust memory) happens in that thread, which is
 * always terminated; the caller gets sheets or a coded JixiaoError.
 */
export function parseWorkbook(
  bytes: Uint8Array,
  file: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  options: { raw?: boolean } = {},
): Promise<ParsedSheet[]> {
  const context = { file, stage: 'extract' as const };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./xlsx-worker.js', import.meta.url), {
      workerData: { bytes, raw: options.raw ?? false },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => finish(() => reject(new JixiaoError('PARSE_TIMEOUT', `${file}: the spreadsheet parser did not finish within ${limits.timeoutMs} ms`, context))),
      limits.timeoutMs,
    );
    worker.on('message', (message: { ok: true; sheets: ParsedSheet[] } | { ok: false; message: string; hostile?: boolean }) =>
      finish(() => {
        if (message.ok) resolve(message.sheets);
        else if (message.hostile) reject(new JixiaoError('HOSTILE_INPUT', `${file}: refused, ${message.message}`, context));
        else reject(classify(message.message, file));
      }),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      finish(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new JixiaoError('INPUT_TOO_LARGE', `${file}: the spreadsheet needs more than ${limits.maxHeapMb} MiB to parse`, context, { cause: err })
            : classify(err.message, file),
        ),
      ),
    );
    worker.on('exit', (code) => finish(() => reject(new JixiaoError('XLSX_CORRUPT', `${file}: the spreadsheet parser stopped (exit ${code})`, context))));
  });
}

function classify(message: string, file: string): JixiaoError {
  const context = { file, stage: 'extract' as const };
  if (/password|encrypt/i.test(message)) return new JixiaoError('XLSX_ENCRYPTED', `${file}: the workbook is password-protected`, context);
  return new JixiaoError('XLSX_CORRUPT', `${file}: cannot read the workbook: ${message}`, context);
}
