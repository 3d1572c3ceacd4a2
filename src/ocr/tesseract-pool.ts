import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import PQueue from 'p-queue';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { encodePgm, type Gray } from './raster.js';
import { HAN } from '../layout/join-text.js';

const require = createRequire(import.meta.url);

/**
 * Models from `@tesseract.js-data/*` (LSTM, best_int), read from node_modules: never fetched, never
 * cached elsewhere. chi_sim reads the forms; eng reads numbers better (chi_sim often takes `%` for
 * `%p` or `9%`), so numbers are read with both and the surer reading is kept.
 */
export type Lang = 'chi_sim' | 'eng';
const LANG_PATHS: { [L in Lang]: string } = {
  chi_sim: dirname(require.resolve('@tesseract.js-data/chi_sim/4.0.0_best_int/chi_sim.traineddata.gz')),
  eng: dirname(require.resolve('@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz')),
};

/** Page segmentation modes used: one text line, or a block of lines (a wrapped cell). */
export type SegMode = 'line' | 'block';
const PSM: Record<SegMode, string> = { line: '13', block: '6' };
/**
 * Line mode per model. chi_sim reads raw lines (PSM 13: layout analysis drops some short cells);
 * eng reads numbers as single text lines (PSM 7): as raw lines it doubles a leading digit
 * (30.00 → 130.00, 100.00 → 1100.00 on the scanned fixtures).
 */
const LINE_PSM: Record<Lang, string> = { chi_sim: PSM.line, eng: '7' };

export interface Recognized {
  text: string;
  /** 0..1: the lowest word confidence (a value is as doubtful as its worst word). */
  confidence: number;
  /** Words with their pixel boxes in the given image, in reading order, each with its line number. */
  words: Array<{ text: string; box: [number, number, number, number]; confidence: number; line: number }>;
}

export interface PoolOptions {
  /** Tesseract workers (threads); default: one per core. */
  workers?: number;
  /** A worker is replaced after this many recognitions (WASM heaps only grow). */
  recycleAfter?: number;
  /** Idle workers are terminated after this long without work (so a finished run can exit). */
  idleMs?: number;
}

export interface RecognizeOptions {
  mode: SegMode;
  lang?: Lang;
}

/** What the eng model is used for: numbers (`>=95%`, `371,129.24`), so it reads nothing else. */
export const NUMBER_ALPHABET = '0123456789.,%-+=<>()/';

/**
 * A pool of tesseract.js workers with a p-queue in front: at most one job per worker at a time,
 * workers replaced after `recycleAfter` jobs, idle ones terminated after `idleMs`, all by `close()`. Offline: the model comes
 * from node_modules (`langPath`), `cacheMethod: 'none'` writes nothing, images are given as bytes.
 */
export class TesseractPool {
  private readonly idle: { [L in Lang]: Worker[] } = { chi_sim: [], eng: [] };
  private readonly uses = new Map<Worker, number>();
  private readonly queue: PQueue;
  private readonly size: number;
  private readonly recycleAfter: number;
  private readonly idleMs: number;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Workers started in all (recycled ones included). */
  started = 0;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.workers ?? availableParallelism());
    this.recycleAfter = options.recycleAfter ?? 4000;
    this.idleMs = options.idleMs ?? 1000;
    this.queue = new PQueue({ concurrency: this.size });
    this.queue.on('idle', () => {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => void this.terminateIdle(), this.idleMs);
    });
  }

  /** Recognizes one image (a cell or a line). */
  recognize(image: Gray, { mode, lang = 'chi_sim' }: RecognizeOptions): Promise<Recognized> {
    return this.queue.add(async () => {
      const worker = await this.take(lang);
      let healthy = false;
      try {
        // Parameters are set once per worker for line mode; only other modes pay for setting them per call.
        const params = mode === 'line' ? {} : { tessedit_pageseg_mode: PSM[mode] };
        const result = await worker.recognize(Buffer.from(encodePgm(image)), params as never, { text: false, tsv: true } as never);
        healthy = true;
        return toRecognized(result.data.tsv ?? '');
      } finally {
        this.give(worker, lang, healthy);
      }
    }) as Promise<Recognized>;
  }

  /** Waits for queued work, then terminates every worker. */
  async close(): Promise<void> {
    await this.queue.onIdle();
    await this.terminateIdle();
  }

  private async terminateIdle(): Promise<void> {
    clearTimeout(this.idleTimer);
    const all = [...this.idle.chi_sim.splice(0), ...this.idle.eng.splice(0)];
    for (const w of all) this.uses.delete(w);
    await Promise.all(all.map((w) => w.terminate().catch(() => {})));
  }

  private async take(lang: Lang): Promise<Worker> {
    clearTimeout(this.idleTimer);
    const ready = this.idle[lang].pop();
    if (ready) return ready;
    // Workers of the other model are stopped when over the pool's size, so threads stay bounded.
    const other = this.idle[lang === 'eng' ? 'chi_sim' : 'eng'];
    while (this.uses.size >= 2 * this.size && other.length) {
      const w = other.pop()!;
      this.uses.delete(w);
      void w.terminate().catch(() => {});
    }
    this.started++;
    const worker = await createWorker(lang, OEM.LSTM_ONLY, {
      langPath: LANG_PATHS[lang],
      cacheMethod: 'none',
      gzip: true,
      legacyCore: false,
      legacyLang: false,
    } as never);
    // Chinese is written without spaces (tesseract would put one between every pair of characters).
    await worker.setParameters({
      preserve_interword_spaces: '1',
      tessedit_pageseg_mode: LINE_PSM[lang],
      ...(lang === 'eng' ? { tessedit_char_whitelist: NUMBER_ALPHABET } : {}),
    } as never);
    this.uses.set(worker, 0);
    return worker;
  }

  private give(worker: Worker, lang: Lang, healthy: boolean): void {
    const uses = (this.uses.get(worker) ?? 0) + 1;
    if (!healthy || uses >= this.recycleAfter) {
      this.uses.delete(worker);
      void worker.terminate().catch(() => {});
      return;
    }
    this.uses.set(worker, uses);
    this.idle[lang].push(worker);
  }
}

/** Tesseract's TSV (level 5 rows are words) → words with boxes and the text, lines joined by newlines. */
export function toRecognized(tsv: string): Recognized {
  const words: Recognized['words'] = [];
  const lineIds = new Map<string, number>();
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f[0] !== '5' || f.length < 12) continue;
    const text = f.slice(11).join('\t').trim();
    const conf = Number(f[10]);
    if (!text || !(conf >= 0)) continue;
    const key = `${f[2]}.${f[3]}.${f[4]}`;
    if (!lineIds.has(key)) lineIds.set(key, lineIds.size);
    const [left, top, w, h] = [Number(f[6]), Number(f[7]), Number(f[8]), Number(f[9])];
    words.push({ text, box: [left, top, left + w, top + h], confidence: conf / 100, line: lineIds.get(key)! });
  }
  return fromWords(words);
}

/** A reading made of its words: lines joined by newlines, the confidence of its least sure word. */
export function fromWords(words: Recognized['words']): Recognized {
  const lines: string[] = [];
  for (const w of words) lines[w.line] = joinWords(lines[w.line] ?? '', w.text);
  const confidence = words.length ? Math.min(...words.map((w) => w.confidence)) : 0;
  return { text: lines.join('\n'), confidence, words };
}

/** Words joined without a space between Han characters (or full-width punctuation), with one otherwise. */
function joinWords(text: string, word: string): string {
  if (!text) return word;
  const glue = HAN.test(text.slice(-1)) || HAN.test(word[0] ?? '') ? '' : ' ';
  return text + glue + word;
}

/**
 * Promise.all for recognitions: resolves with every value, or rejects with the first error once all
 * have settled, so a failed page leaves nothing of its own still queued or running on the pool.
 */
export async function settleAll<T>(work: ReadonlyArray<Promise<T>>): Promise<T[]> {
  const results = await Promise.allSettled(work);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

let shared: TesseractPool | undefined;

/**
 * The pool this thread's extractions share, made on first use: one worker per core in the main
 * thread, one in a document worker (the archive runs one document worker per core already).
 */
export function sharedPool(): TesseractPool {
  shared ??= new TesseractPool({ workers: isMainThread ? availableParallelism() : 1 });
  return shared;
}
