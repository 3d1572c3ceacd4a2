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
 * The fixed worker is the package's own file with that one line changed, loaded from memory (a
 * data: URL). Should a pdf.js update change the line, the package's file loads as it is (slower,
 * same results) and `textStateFixed` is false (a test checks that it is true).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

const fixed = fixTextStateCopy(readFileSync(WORKER_FILE, 'utf8'));
/** Whether the loaded worker has the fixed text-state copy. */
export const textStateFixed = fixed !== null;

await import(
  fixed === null
    ? pathToFileURL(WORKER_FILE).href
    : // Without its source-map comment: the map sits beside the package's file, not in memory.
      `data:text/javascript;base64,${Buffer.from(fixed.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')).toString('base64')}`
);
