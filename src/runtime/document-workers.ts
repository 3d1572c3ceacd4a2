import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { JixiaoError, type ErrorCode, type ErrorContext } from '../errors.js';
import type { Source } from '../ingest/read-source.js';
import { Record } from '../schema/record.js';
import type { ParseLimits } from './parse-workbook.js';

export interface WorkerLimits {
  /** Milliseconds one document may take. */
  timeoutMs: number;
  /** Heap limit of a worker, in MiB: above it the document fails with INPUT_TOO_LARGE. */
  maxHeapMb: number;
  /**
   * A worker is replaced after this many documents, or when its heap grows past `recycleHeapMb`.
   * A new worker warms up from cold (3–4 CPU s of compiling over its first few hundred documents),
   * and a worker's heap does not grow with the documents it has read (40–65 MB after each over a
   * 1,624-document batch), so the count is a backstop, not a routine.
   */
  recycleAfter: number;
  recycleHeapMb: number;
}

export const DEFAULT_WORKER_LIMITS: WorkerLimits = Object.freeze({ timeoutMs: 120_000, maxHeapMb: 1024, recycleAfter: 5000, recycleHeapMb: 256 });

export type WorkerOutcome =
  | { ok: true; kind: string; records: Record[]; pagesNeedingOcr: number[]; pagesOcr: number[]; pageCount: number | null }
  | { ok: false; error: JixiaoError };

interface Slot {
  worker: Worker;
  busy: boolean;
  done: number;
}

// From the sources (tsx, vitest) workers start through a tsx bootstrap; from dist/ they are plain JS.
const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * V8 settings for the workers, set once before the first one starts (V8 flags are process-wide:
 * they apply to every isolate created after, and to this thread's later compilations). A worker
 * warms up from cold, and most of a batch's overhead over warm single-file extraction is TurboFan
 * compiling it: the layout functions inline deep call trees (rowCuts, joinRuns, groupLines...), so
 * each optimization is large and a deopt anywhere in the tree recompiles all of it. A smaller
 * cumulative inlining budget (default 920 bytes of bytecode) keeps those compilations small, at no
 * measurable cost to the optimized code (bench:archive, issue #6). The old generation grows by a
 * fixed factor of 2 after a full GC: with the workers' 1 GiB heap limit V8 would pick at most 1.6
 * and run about twice as many full GCs over a batch (28 instead of 15), for some 25 MB more peak RSS.
 */
const WORKER_V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=230', '--heap-growing-percent=100'];
let v8FlagsSet = false;
function setWorkerV8Flags(): void {
  if (v8FlagsSet) return;
  v8FlagsSet = true;
  for (const flag of WORKER_V8_FLAGS) setFlagsFromString(flag);
}

/**
 * A pool of extraction workers. Each runs one document at a time under a time limit; a worker
 * that times out, crashes or runs out of heap is terminated and replaced, and that document gets a
 * coded error. Every worker is terminated by `close()`.
 */
export class DocumentWorkers {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<(slot: Slot) => void> = [];
  private nextId = 0;
  private closed = false;

  constructor(
    readonly size: number,
    readonly limits: WorkerLimits = DEFAULT_WORKER_LIMITS,
    readonly parseLimits?: Partial<ParseLimits>,
    /** False: pages without a usable text layer are reported, not read by OCR. */
    readonly ocr = true,
  ) {}

  /** Extracts a source already read by the caller; a failure here (timeout, crash, heap) keeps its kind. */
  async run(source: Source): Promise<WorkerOutcome> {
    const { file } = source;
    const slot = await this.acquire();
    const id = this.nextId++;
    try {
      return await new Promise<WorkerOutcome>((resolve) => {
        const context = { file, kind: source.kind, stage: 'extract' as const };
        const fail = (code: ErrorCode, message: string) => {
          cleanup();
          this.replace(slot);
          resolve({ ok: false, error: new JixiaoError(code, message, context) });
        };
        const expire = () => fail('PARSE_TIMEOUT', `${file}: no progress within ${this.limits.timeoutMs} ms`);
        let timer = setTimeout(expire, this.limits.timeoutMs);
        const onMessage = (m: { id: number; ok: boolean; progress?: number; parsing?: number; heapUsed: number; retire?: boolean; kind?: string; records?: unknown[]; pagesNeedingOcr?: number[]; pagesOcr?: number[]; pageCount?: number | null; error?: { code: ErrorCode; message: string; context: ErrorContext } }) => {
          if (m.id !== id) return;
          if (m.parsing !== undefined) {
            // The worker parses a workbook: the spreadsheet parser's own time limit holds until it reports back.
            const ms = m.parsing;
            clearTimeout(timer);
            timer = setTimeout(() => fail('PARSE_TIMEOUT', `${file}: the spreadsheet parser did not finish within ${ms} ms`), ms);
            return;
          }
          if (m.progress !== undefined) {
            // A page read by OCR, a workbook parsed: the time limit starts again (a long scan is slow, not stuck).
            clearTimeout(timer);
            timer = setTimeout(expire, this.limits.timeoutMs);
            return;
          }
          cleanup();
          slot.done++;
          // A worker whose realm a workbook polluted is not used again.
          if (m.retire || slot.done >= this.limits.recycleAfter || m.heapUsed > this.limits.recycleHeapMb * 1024 * 1024) this.replace(slot);
          if (!m.ok) {
            // A JixiaoError rebuilt on this side of the thread, with the context it had there.
            resolve({ ok: false, error: new JixiaoError(m.error!.code, m.error!.message, { ...context, ...m.error!.context }) });
            return;
          }
          try {
            // Records crossed a thread: validated here, on arrival (the worker sends them unchecked).
            resolve({ ok: true, kind: m.kind!, records: m.records!.map((r) => Record.parse(r)), pagesNeedingOcr: m.pagesNeedingOcr!, pagesOcr: m.pagesOcr ?? [], pageCount: m.pageCount ?? null });
          } catch (err) {
            resolve({ ok: false, error: new JixiaoError('INTERNAL', `${file}: a record failed validation: ${(err as Error).message}`, context) });
          }
        };
        const onError = (err: Error & { code?: string }) =>
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? fail('INPUT_TOO_LARGE', `${file}: needs more than ${this.limits.maxHeapMb} MiB to read`)
            : fail('INTERNAL', `${file}: the extraction worker crashed: ${err.message}`);
        const onExit = (code: number) => fail('INTERNAL', `${file}: the extraction worker stopped (exit ${code})`);
        const cleanup = () => {
          clearTimeout(timer);
          slot.worker.off('message', onMessage);
          slot.worker.off('error', onError);
          slot.worker.off('exit', onExit);
        };
        slot.worker.on('message', onMessage);
        slot.worker.on('error', onError);
        slot.worker.on('exit', onExit);
        slot.worker.postMessage({ id, source, limits: this.parseLimits, ocr: this.ocr });
      });
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private spawn(): Worker {
    setWorkerV8Flags();
    const resourceLimits = { maxOldGenerationSizeMb: this.limits.maxHeapMb };
    // No inherited execArgv: a parent run under a loader (tsx) would load it again in every worker,
    // with source maps for pdf.js (about 100 MB a worker); from the sources the bootstrap loads tsx itself.
    if (!FROM_SOURCES) return new Worker(new URL('./extract-worker.js', import.meta.url), { resourceLimits, execArgv: [] });
    const entry = new URL('./extract-worker.ts', import.meta.url).href;
    return new Worker(new URL('./ts-worker-bootstrap.mjs', import.meta.url), { workerData: { entry }, resourceLimits, execArgv: [] });
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    const free = this.slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    if (this.slots.length < this.size) {
      const slot = { worker: this.spawn(), busy: true, done: 0 };
      this.slots.push(slot);
      return Promise.resolve(slot);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }

  /** Terminates a worker (hung, crashed, or due for recycling) and puts a fresh one in its place. */
  private replace(slot: Slot): void {
    void slot.worker.terminate();
    slot.worker = this.spawn();
    slot.done = 0;
  }
}
