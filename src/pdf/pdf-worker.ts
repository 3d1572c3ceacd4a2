/**
 * pdf.js's worker half, loaded into this thread (it registers itself as `globalThis.pdfjsWorker`,
 * where pdf.js's API half and `sameThreadWorker` find it), with one fix to its text-state copies.
 *
 * The evaluator copies its text state each time a page's text changes font or size, with
 * `Object.assign(Object.create(this), this)`: the copy inherits from the state it copies. Every
 * copied state thus becomes a prototype, which V8 makes by rebuilding its hidden class, and every
 * copy gets a hidden class of its own, so each access to a state's fields is a slow lookup. On
 * text-layer PDFs that was a tenth of extraction time (TextState.clone alone 2.6 s of a profiled
 * 5 × 122-document run, 0.3 s after). All of a state's fields are its own (the copy takes them all),
 * so a copy inheriting from TextState.prototype instead reads every field the same: the fix.
 *
 * The fixed worker is the package's own file with that one line changed, written once beside it
 * (`node_modules/.cache/jixiao/`, whole or not at all) and imported from
 * there: a file, not a data: URL, which would keep a 3 MB module name in memory and cost 27 MB of
 * RSS in each thread. Should a pdf.js update move the line, or the cache not be writable, the
 * package's file loads as it is (slower, same results) and `textStateFixed` is false (a test
 * checks that it is true).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const WORKER_FILE = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
const SLOW_COPY = 'const clone = Object.assign(Object.create(this), this);';
const FAST_COPY = 'const clone = Object.assign(Object.create(TextState.prototype), this);';

/** The worker's source with the text-state copy fixed, or null when the line is not where expected. */
export function fixTextStateCopy(source: string): string | null {
  const at = source.indexOf(SLOW_COPY);
  if (at < 0 || source.indexOf(SLOW_COPY, at + 1) >= 0) return null;
  // It must be TextState's clone(): the nearest class declaration before it.
  const declared = source.lastIndexOf('\nclass ', at);
  if (declared < 0 || !source.startsWith('\nclass TextState {', declared)) return null;
  return source.slice(0, at) + FAST_COPY + source.slice(at + SLOW_COPY.length);
}

/** The fixed worker's file, written if missing; null when there is no fix to make or nowhere to write it. */
function fixedWorkerFile(): string | null {
  // node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs → node_modules/.cache/jixiao/, named after
  // the package's file (path, size, time) and the fix, so that a start with the file there reads nothing.
  const { size, mtimeMs } = statSync(WORKER_FILE);
  const key = createHash('sha256').update(`${WORKER_FILE}\0${size}\0${mtimeMs}\0${SLOW_COPY}\0${FAST_COPY}`).digest('hex').slice(0, 16);
  const cache = join(WORKER_FILE, '..', '..', '..', '..', '.cache', 'jixiao');
  const file = join(cache, `pdf.worker.${key}.mjs`);
  if (existsSync(file)) return file;
  const changed = fixTextStateCopy(readFileSync(WORKER_FILE, 'utf8'));
  if (changed === null) return null;
  // The change keeps every line where it was: the package's source map, by absolute URL, still fits.
  const fixed = changed.replace(/\n\/\/# sourceMappingURL=(\S+)\s*$/, (_, map: string) => `\n//# sourceMappingURL=${pathToFileURL(join(WORKER_FILE, '..', map)).href}\n`);
  try {
    mkdirSync(cache, { recursive: true });
    // Whole or not at all: threads starting together each write their own copy, and one rename wins.
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
    writeFileSync(partial, fixed);
    renameSync(partial, file);
    return file;
  } catch {
    return null;
  }
}

const fixedFile = fixedWorkerFile();
/** Whether the loaded worker has the fixed text-state copy. */
export const textStateFixed = fixedFile !== null;

await import(pathToFileURL(fixedFile ?? WORKER_FILE).href);
