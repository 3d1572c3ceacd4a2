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

/** How a workbook's bytes become sheets: `parseWorkbook` (in a parser thread), or a pool worker's own parser. */
export type WorkbookParser = (bytes: Uint8Array, file: string, limits: ParseLimits, options: { raw?: boolean }) => Promise<ParsedSheet[]>;

/** A parser thread is retired after this many workbooks, or when its heap has grown past this. */
const RETIRE_AFTER = 200;
const RETIRE_HEAP_BYTES = 128 * 1024 * 1024;
/** Idle parser threads kept for reuse (per thread that parses workbooks). */
const MAX_IDLE = 1;

interface ParserThread {
  worker: Worker;
  maxHeapMb: number;
  parsed: number;
}

const idle: ParserThread[] = [];

function takeThread(maxHeapMb: number): ParserThread {
  const k = idle.findIndex((t) => t.maxHeapMb === maxHeapMb);
  if (k >= 0) {
    const [thread] = idle.splice(k, 1);
    thread!.worker.ref();
    return thread!;
  }
  // No inherited execArgv: a parent run under a loader (tsx) or with source maps would hand them to
  // a thread that needs neither, at a cost in start-up time and memory.
  const worker = new Worker(new URL('./xlsx-worker.js', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    execArgv: [],
    stdout: true,
    stderr: true,
  });
  return { worker, maxHeapMb, parsed: 0 };
}

/** A thread whose last workbook went well is kept (unreferenced, so it holds no process open). */
function giveBack(thread: ParserThread, heapUsed: number): void {
  if (thread.parsed >= RETIRE_AFTER || heapUsed > RETIRE_HEAP_BYTES || idle.length >= MAX_IDLE) {
    void thread.worker.terminate();
    return;
  }
  thread.worker.unref();
  idle.push(thread);
}

let nextId = 0;

/**
 * Parses a workbook in a worker thread with a time and heap limit. Whatever the file does to the
 * parser (hang, pollute prototypes, exhaust memory) happens in that thread, which is then
 * terminated; the caller gets sheets or a coded JixiaoError. A thread is reused for the next
 * workbook only after a parse that left its built-in prototypes exactly as they were.
 */
export function parseWorkbook(
  bytes: Uint8Array,
  file: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  options: { raw?: boolean } = {},
): Promise<ParsedSheet[]> {
  const context = { file, stage: 'extract' as const };
  const thread = takeThread(limits.maxHeapMb);
  const { worker } = thread;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (keep: boolean, heapUsed: number, fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep) giveBack(thread, heapUsed);
      else void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => finish(false, 0, () => reject(new JixiaoError('PARSE_TIMEOUT', `${file}: the spreadsheet parser did not finish within ${limits.timeoutMs} ms`, context))),
      limits.timeoutMs,
    );
    const onMessage = (message: { id: number; heapUsed: number } & ({ ok: true; sheets: ParsedSheet[] } | { ok: false; message: string; hostile?: boolean })) => {
      if (message.id !== id) return;
      thread.parsed++;
      if (message.ok) finish(true, message.heapUsed, () => resolve(message.sheets));
      else if (message.hostile) finish(false, 0, () => reject(new JixiaoError('HOSTILE_INPUT', `${file}: refused, ${message.message}`, context)));
      else finish(true, message.heapUsed, () => reject(classify(message.message, file)));
    };
    const onError = (err: Error & { code?: string }) =>
      finish(false, 0, () =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new JixiaoError('INPUT_TOO_LARGE', `${file}: the spreadsheet needs more than ${limits.maxHeapMb} MiB to parse`, context, { cause: err })
            : classify(err.message, file),
        ),
      );
    const onExit = (code: number) => finish(false, 0, () => reject(new JixiaoError('XLSX_CORRUPT', `${file}: the spreadsheet parser stopped (exit ${code})`, context)));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, bytes, raw: options.raw ?? false });
  });
}

/** A parser's error message as a coded error: a password, or a file SheetJS cannot read. */
export function classify(message: string, file: string): JixiaoError {
  const context = { file, stage: 'extract' as const };
  if (/password|encrypt/i.test(message)) return new JixiaoError('XLSX_ENCRYPTED', `${file}: the workbook is password-protected`, context);
  return new JixiaoError('XLSX_CORRUPT', `${file}: cannot read the workbook: ${message}`, context);
}
