import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import { extractFile, type ExtractOptions, type ExtractResult } from '../extract.js';
import { JixiaoError, toJixiaoError } from '../errors.js';

export type FileOutcome = { path: string; result: ExtractResult } | { path: string; error: JixiaoError };

export interface BatchOptions extends ExtractOptions {
  /** Files read at once; defaults to the number of cores. */
  concurrency?: number;
  /** Called once per file as it finishes, in completion order. */
  onProgress?: (done: number, total: number, outcome: FileOutcome) => void;
  /** Called with each outcome in input order, as soon as all earlier files are done. */
  onOutcome?: (outcome: FileOutcome) => void | Promise<void>;
}

/**
 * Extracts many files with bounded concurrency. A file that fails becomes an error outcome and the
 * batch goes on; outcomes are delivered in input order so output is deterministic.
 */
export async function extractBatch(paths: readonly string[], options: BatchOptions = {}): Promise<FileOutcome[]> {
  const concurrency = options.concurrency ?? Math.max(1, availableParallelism());
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(`Expected \`concurrency\` to be a positive integer, got \`${concurrency}\` (${typeof concurrency})`);
  }
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
  await Promise.all(
    paths.map((path, k) =>
      queue.add(async () => {
        let outcome: FileOutcome;
        try {
          outcome = { path, result: await extractFile(path, options) };
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
  return outcomes as FileOutcome[];
}
