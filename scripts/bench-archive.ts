/**
 * Archive benchmark and kill test.
 *
 * 1. Generates a batch of distinct documents (≥ 200 documents, ≥ 1,000 pages) from the fixtures:
 *    text exports, ruled and split PDFs, workbooks, plus a few broken files — each copy made unique
 *    by trailing bytes that change its hash but not its content.
 * 2. Clean run: `ingest` in this process (the built package from dist/ when present), measuring
 *    documents/s, pages/s and peak RSS (worker threads included), and single-file extraction speed
 *    for the reference "single-file speed × cores".
 * 3. Kill test: `jixiao ingest` into a second archive, SIGKILLed at a random moment 10 times, then
 *    run to completion; the archive must equal the clean one (same documents, records, findings,
 *    no duplicates).
 *
 *   npm run build && npx tsx scripts/bench-archive.ts [--copies N] [--kills N] [--json out.json]
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES_DIR } from './lib/manifest.js';

const ROOT = join(FIXTURES_DIR, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const copies = option('--copies', 30);
const kills = option('--kills', 10);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const built = existsSync(join(ROOT, 'dist', 'src', 'runtime', 'ingest.js'));
const lib = built ? '../dist/src' : '../src';
const { ingest } = (await import(`${lib}/runtime/ingest.js`)) as typeof import('../src/runtime/ingest.js');
const { extractFile } = (await import(`${lib}/extract.js`)) as typeof import('../src/extract.js');
const cores = availableParallelism();

// 1. The batch.
const work = mkdtempSync(join(tmpdir(), 'jixiao-archive-bench-'));
const batch = join(work, 'batch');
mkdirSync(batch);
const sources = [
  ...readdirSync(join(FIXTURES_DIR, 'seeds')).map((f) => `seeds/${f}`),
  ...readdirSync(join(FIXTURES_DIR, 'pdf')).filter((f) => /\.(ruled|landscape-split)\.pdf$/.test(f)).map((f) => `pdf/${f}`),
  ...readdirSync(join(FIXTURES_DIR, 'rendered')).filter((f) => f.endsWith('.xlsx')).map((f) => `rendered/${f}`),
];
let documents = 0;
for (let k = 0; k < copies; k++) {
  for (const source of sources) {
    const bytes = readFileSync(join(FIXTURES_DIR, source));
    const name = source.replace(/\//g, '_').replace(/(\.[a-z]+)$/, `.copy${k}$1`);
    // Trailing bytes: blank lines for text, a comment after %%EOF for PDF, padding after a zip.
    const tail = source.endsWith('.txt') ? '\n'.repeat(k + 1) : source.endsWith('.pdf') ? `\n%jixiao copy ${k}\n` : '\0'.repeat(k + 1);
    writeFileSync(join(batch, name), Buffer.concat([bytes, Buffer.from(tail, 'latin1')]));
    documents++;
  }
}
for (const broken of ['pdf/edge/truncated.pdf', 'pdf/edge/user-password.pdf', 'hostile/zip-bomb.xlsx', 'hostile/truncated.xlsx']) {
  cpSync(join(FIXTURES_DIR, broken), join(batch, broken.replace(/\//g, '_')));
  documents++;
}
console.log(`batch: ${documents} documents in ${batch} (${built ? 'built package' : 'sources'}, ${cores} cores)`);

// 2. Clean run, in process.
const clean = join(work, 'clean.sqlite');
const files = readdirSync(batch).sort().map((f) => join(batch, f));
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const started = performance.now();
const result = await ingest(files, { db: clean, concurrency: cores });
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
console.log(
  `clean ingest: ${result.done} documents (${result.failed} failed), ${result.pages} pages, ${result.forms} forms in ${seconds.toFixed(1)} s → ` +
    `${(result.done / seconds).toFixed(1)} documents/s, ${(result.pages / seconds).toFixed(1)} pages/s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
);
// Single-file extraction speed, in this process, over one copy of each source.
const single = performance.now();
let singlePages = 0;
for (const source of sources) singlePages += (await extractFile(join(FIXTURES_DIR, source))).pageCount ?? 0;
const singleSeconds = (performance.now() - single) / 1000;
const ideal = (singlePages / singleSeconds) * cores;
console.log(`single-file extraction: ${(singlePages / singleSeconds).toFixed(1)} pages/s; × ${cores} cores = ${ideal.toFixed(1)}; ingest reaches ${((result.pages / seconds / ideal) * 100).toFixed(0)}% of that`);

// 3. Kill test, with the CLI in a child process.
const killed = join(work, 'killed.sqlite');
const cli = built ? [join(ROOT, 'bin', 'jixiao.js')] : ['--import', 'tsx', join(ROOT, 'src', 'cli', 'run.ts')];
const runCli = (killAfterMs: number | null) =>
  new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [...cli, 'ingest', batch, '--db', killed, '-q'], { stdio: 'ignore' });
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? null : code);
    });
  });
const moments: number[] = [];
for (let k = 0; k < kills; k++) {
  const at = Math.round(300 + Math.random() * Math.max(1000, (seconds * 1000) / 2));
  moments.push(at);
  await runCli(at);
}
const finalCode = await runCli(null);
const snapshot = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      documents: all('SELECT sha256, extractor_version, kind, pages, status, error_code, records FROM documents ORDER BY sha256'),
      records: all('SELECT sha256, ordinal, record_json FROM records ORDER BY sha256, ordinal'),
      findings: all('SELECT r.sha256, r.ordinal, f.ordinal AS f, f.rule, f.field, f.expected, f.found FROM findings f JOIN records r ON r.id = f.record_id ORDER BY 1, 2, 3'),
      duplicates: all('SELECT sha256, ordinal, count(*) AS n FROM records GROUP BY sha256, extractor_version, ordinal HAVING n > 1'),
    };
  } finally {
    db.close();
  }
};
const a = snapshot(clean);
const b = snapshot(killed);
const same = JSON.stringify(a) === JSON.stringify(b);
console.log(
  `kill test: ${kills} SIGKILLs at ${moments.join(', ')} ms, final run exit ${finalCode}; ` +
    `killed archive has ${b.documents.length} documents, ${b.records.length} records, ${b.findings.length} findings, ${b.duplicates.length} duplicates; ` +
    `equal to the clean archive: ${same ? 'YES' : 'NO'}`,
);
if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify({ documents, seconds, result, peakRssMb: peakRss / 2 ** 20, singlePagesPerSecond: singlePages / singleSeconds, cores, kills: moments, killTestEqual: same }, null, 2));
}
process.exitCode = same && finalCode !== null ? 0 : 1;
