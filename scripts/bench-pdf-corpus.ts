/**
 * Runs every PDF under the given folders (default: the shared corpus's cn-* and camelot-tests)
 * through text-layer extraction and layout: tables found, pages needing OCR, file-level errors by
 * code, and speed (pages/s, one process), with `pdftotext -layout` (poppler-utils) timed on the
 * same files as a reference when it is installed. Reads the corpus in place.
 *
 *   npx tsx scripts/bench-pdf-corpus.ts [folders…] [--json out.json]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractTables } from '../src/extract-tables.js';
import { toJixiaoError } from '../src/errors.js';

const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const corpus = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const folders = args.filter((a, k) => !a.startsWith('--') && args[k - 1] !== '--json');
const roots = folders.length
  ? folders
  : existsSync(corpus)
    ? readdirSync(corpus).filter((d) => d.startsWith('cn-') || d === 'camelot-tests').map((d) => join(corpus, d))
    : [];
if (roots.length === 0) {
  console.error(`no folders given and no corpus at ${corpus}`);
  process.exit(2);
}
const walk = (dir: string): string[] =>
  readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : name.toLowerCase().endsWith('.pdf') ? [path] : [];
  });
const files = roots.flatMap(walk);
const TIME_LIMIT_MS = 120_000;
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const rows: Array<{ file: string; pages: number; tables: number; ocr: number; error: string | null; ms: number; popplerMs: number | null }> = [];
for (const file of files) {
  const started = performance.now();
  let pages = 0;
  let tables = 0;
  let ocr = 0;
  let error: string | null = null;
  try {
    const bytes = new Uint8Array(readFileSync(file));
    const result = await Promise.race([
      extractTables(bytes, file),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no result within ${TIME_LIMIT_MS} ms`)), TIME_LIMIT_MS).unref()),
    ]);
    pages = result.pages.length;
    tables = result.tables.length;
    ocr = result.pages.filter((p) => p.needsOcr).length;
  } catch (err) {
    error = toJixiaoError(err, { file }).code;
  }
  const ms = performance.now() - started;
  let popplerMs: number | null = null;
  if (hasPdftotext) {
    const t = performance.now();
    try {
      execFileSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'], timeout: TIME_LIMIT_MS });
      popplerMs = performance.now() - t;
    } catch {
      popplerMs = null;
    }
  }
  rows.push({ file: file.replace(corpus + '/', ''), pages, tables, ocr, error, ms, popplerMs });
  console.log(`${error ?? 'ok'}\t${pages}p\t${tables} tables\t${ocr} need OCR\t${ms.toFixed(0)} ms\t${popplerMs === null ? '-' : popplerMs.toFixed(0) + ' ms poppler'}\t${file.replace(corpus + '/', '')}`);
}
const ok = rows.filter((r) => !r.error);
const pagesTotal = ok.reduce((n, r) => n + r.pages, 0);
const ms = ok.reduce((n, r) => n + r.ms, 0);
const poppler = ok.filter((r) => r.popplerMs !== null);
const errors = new Map<string, number>();
for (const r of rows) if (r.error) errors.set(r.error, (errors.get(r.error) ?? 0) + 1);
console.log(`\n${rows.length} PDFs: ${ok.length} read, ${rows.length - ok.length} errors ${JSON.stringify(Object.fromEntries(errors))}`);
console.log(`${pagesTotal} pages, ${ok.reduce((n, r) => n + r.tables, 0)} tables, ${ok.reduce((n, r) => n + r.ocr, 0)} pages need OCR`);
console.log(`jixiao text layer + layout: ${(pagesTotal / (ms / 1000)).toFixed(1)} pages/s (one process)`);
if (poppler.length) {
  const pms = poppler.reduce((n, r) => n + r.popplerMs!, 0);
  const pp = poppler.reduce((n, r) => n + r.pages, 0);
  console.log(`pdftotext -layout on the same files: ${(pp / (pms / 1000)).toFixed(1)} pages/s; ratio jixiao/poppler ${(pp / (pms / 1000) / (pagesTotal / (ms / 1000))).toFixed(2)}× slower`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 2));
