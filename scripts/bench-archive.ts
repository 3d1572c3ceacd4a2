/**
 * Archive benchmark and kill test.
 *
 * 1. Generates a batch of distinct documents from the fixtures, `--rounds` (default 40) of: text
 *    exports (the 4 seeds and the 20 hand-made variants), text-layer PDFs (the 12 PDFs in three looks:
 *    ruled, partly ruled, landscape split over pages), and spreadsheets (the 4 rendered .xlsx, the 4
 *    rendered .xls, the 10 Songgang-style workbooks), plus a few broken files. Each copy is made
 *    unique by trailing bytes that change its hash but not its content. Default: 2,164 documents
 *    (960 text, 480 PDF, 720 spreadsheets, 4 broken), 7,320 pages (PDF pages and sheets): an
 *    archive's thousands of documents, where each worker's warm-up from cold (3–4 CPU s of
 *    compiling, once per worker) weighs what it weighs in real use. `--rounds 10` (544 documents,
 *    1,830 pages) shows the same run with that fixed warm-up weighing four times as much.
 * 2. Clean run: `ingest` from the built package in a plain Node child process, under the Node
 *    flags of the CLI's shebang line (as `jixiao ingest` runs), measuring documents/s, pages/s and
 *    peak RSS of that process (getrusage maxrss, worker threads included). Against it, single-file
 *    extraction speed, measured in other children: the distinct sources extracted one after
 *    another, each alone, warm (ten passes first), each file's time its mean over six passes (so
 *    that the garbage collection a run of many files does is counted). The batch's ideal time is
 *    the sum of its documents' single-file times divided by the cores used; ideal ÷ actual is how
 *    close the batch comes to "single-file speed × cores". Three figures:
 *    - wall, against one extractor alone × cores. Out of reach by construction on a small machine:
 *      one file alone is not one core's work (V8 compiles and collects garbage on helper threads
 *      beside the extracting one: 1.2–1.4 cores on the 2-core reference VM), and extractors
 *      running at once slow each other down;
 *    - wall, against `cores` single-file extractors side by side, each in its own process with
 *      nothing shared: what this machine can do with no pool, no transfer and no archive;
 *    - CPU time: the batch's single-file CPU seconds (alone) ÷ the ingest process's CPU seconds,
 *      all threads, i.e. the pool's overhead.
 *    (A reference pinned to one core with taskset was tried and dropped: V8 still sizes its helper
 *    threads for every core, pinned runs took 1.1–1.6 times as long as unpinned ones, and at times
 *    more CPU seconds than the unpinned run's total.) A shared machine's speed drifts by tens of
 *    percent from minute to minute, so `--repeat` trials (default 3) are made, each an ingest
 *    between references just before and just after it (their mean is the trial's reference: a
 *    steady drift cancels out); the median over the trials is reported (ingest's own figures: the
 *    best trial).
 * 3. Kill test: `jixiao ingest` into a second archive, SIGKILLed at a random moment 10 times, then
 *    run to completion; the archive must equal the clean one (same documents, records, findings,
 *    no duplicates).
 *
 *   npm run bench:archive [-- --rounds N] [--kills N] [--repeat N] [--concurrency N] [--json out.json] [--keep]
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { FIXTURES_DIR } from './lib/manifest.js';

const ROOT = join(FIXTURES_DIR, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const rounds = option('--rounds', 40);
const kills = option('--kills', 10);
const repeat = Math.max(1, option('--repeat', 3));
const cores = option('--concurrency', availableParallelism());
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
if (!existsSync(join(ROOT, 'dist', 'src', 'runtime', 'ingest.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench:archive does)');

// 1. The batch.
const work = mkdtempSync(join(tmpdir(), 'jixiao-archive-bench-'));
const batch = join(work, 'batch');
mkdirSync(batch);
const list = (folder: string, test: RegExp) => readdirSync(join(FIXTURES_DIR, folder)).filter((f) => test.test(f)).sort().map((f) => `${folder}/${f}`);
const MIX = {
  text: [...list('seeds', /\.txt$/), ...list('variants', /\.txt$/)],
  pdf: list('pdf', /\.(ruled|partly-ruled|landscape-split)\.pdf$/),
  spreadsheet: [...list('rendered', /\.xlsx?$/), ...list('songgang-style', /\.xlsx$/)],
};
const sources = Object.values(MIX).flat();
const kindOf = (source: string) => (Object.entries(MIX).find(([, files]) => files.includes(source))![0]);
/** Each batch file → the fixture it copies (for its single-file time). */
const origin = new Map<string, string>();
for (let k = 0; k < rounds; k++) {
  for (const source of sources) {
    const bytes = readFileSync(join(FIXTURES_DIR, source));
    const name = source.replace(/\//g, '_').replace(/(\.[a-z]+)$/, `.copy${k}$1`);
    // Trailing bytes: blank lines for text, a comment after %%EOF for PDF, padding after a zip or OLE file.
    const tail = source.endsWith('.txt') ? '\n'.repeat(k + 1) : source.endsWith('.pdf') ? `\n%jixiao copy ${k}\n` : '\0'.repeat(k + 1);
    writeFileSync(join(batch, name), Buffer.concat([bytes, Buffer.from(tail, 'latin1')]));
    origin.set(name, source);
  }
}
const BROKEN = ['pdf/edge/truncated.pdf', 'pdf/edge/user-password.pdf', 'hostile/zip-bomb.xlsx', 'hostile/truncated.xlsx'];
for (const broken of BROKEN) {
  cpSync(join(FIXTURES_DIR, broken), join(batch, broken.replace(/\//g, '_')));
  origin.set(broken.replace(/\//g, '_'), broken);
}
const files = readdirSync(batch).sort().map((f) => join(batch, f));
const listFile = join(work, 'files.txt');
writeFileSync(listFile, files.join('\n') + '\n');
const counts = Object.fromEntries(Object.entries(MIX).map(([kind, s]) => [kind, s.length * rounds]));
console.log(
  `batch: ${files.length} documents in ${batch}: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}, ${BROKEN.length} broken; ` +
    `${cores} of ${availableParallelism()} cores`,
);

// 2. Clean run, and single-file speed, each in a plain Node child process. Ingest runs under the
// Node flags of the CLI's shebang line (`#!/usr/bin/env -S node --single-threaded-gc`), as
// `jixiao ingest` does.
const CLI = join(ROOT, 'bin', 'jixiao.js');
const CLI_NODE_FLAGS = readFileSync(CLI, 'utf8').split('\n')[0]!.replace(/^#!.*?\bnode\b/, '').split(/\s+/).filter(Boolean);
const node = (flags: string[], script: string, ...rest: string[]) =>
  JSON.parse(execFileSync(process.execPath, [...flags, join(ROOT, 'scripts', 'lib', script), ...rest], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 }));
const clean = join(work, 'clean.sqlite');
const loadBefore = loadavg()[0]!;
type IngestRun = { result: { done: number; failed: number; pages: number; forms: number }; seconds: number; cpuSeconds: number; peakRssMb: number };
type Single = Record<string, { seconds: number; cpuSeconds: number; pages: number }>;
const referenceFiles = [...sources, ...BROKEN].map((s) => join(FIXTURES_DIR, s));
/** A single-file reference for this batch: its documents' single-file times, summed. */
const reference = (single: Single) => {
  const singleOf = (name: string) => single[join(FIXTURES_DIR, origin.get(name)!)]!;
  const serial = files.reduce((sum, f) => sum + singleOf(f.slice(batch.length + 1)).seconds, 0);
  const serialCpu = files.reduce((sum, f) => sum + singleOf(f.slice(batch.length + 1)).cpuSeconds, 0);
  const byKind = Object.entries(MIX).map(([kind, s]) => {
    const t = s.reduce((sum, f) => sum + single[join(FIXTURES_DIR, f)]!.seconds, 0);
    const pages = s.reduce((sum, f) => sum + single[join(FIXTURES_DIR, f)]!.pages, 0);
    return `${kind} ${(s.length / t).toFixed(1)} documents/s${pages ? `, ${(pages / t).toFixed(1)} pages/s` : ''}`;
  });
  return { serial, serialCpu, ideal: serial / cores, byKind };
};
// Each trial is a clean ingest (into a new archive) between two rounds of references, one just
// before it and one just after, shared with the neighbouring trials (R I R I R …); the trial's
// reference is their mean. A round is one extractor alone, then `cores` of them side by side (see
// the header). Side by side is measured, not computed: on the 2-core reference VM two extractors at
// once each took 1.25–1.4 times as long as one alone (shared caches and memory, and each one's V8
// helper threads contending for the other core). It runs under the CLI's flags, which make it
// faster there (single-threaded GC); the extractor alone under Node's defaults, as fast or faster.
const PASSES = '6';
type Reference = ReturnType<typeof reference>;
const measureAlone = (): Reference => reference((node([], 'measure-single.mjs', PASSES, '10', ...referenceFiles) as { files: Single }).files);
const measureSideBySide = async (): Promise<Reference> => {
  const runs = await Promise.all(
    Array.from({ length: cores }, () =>
      promisify(execFile)(process.execPath, [...CLI_NODE_FLAGS, join(ROOT, 'scripts', 'lib', 'measure-single.mjs'), PASSES, '10', ...referenceFiles], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 }),
    ),
  );
  const singles = runs.map((r) => (JSON.parse(r.stdout) as { files: Single }).files);
  // Each file's time: the mean over the extractors (each extracted every file).
  const averaged: Single = Object.fromEntries(
    Object.keys(singles[0]!).map((file) => [
      file,
      { ...singles[0]![file]!, seconds: singles.reduce((sum, s) => sum + s[file]!.seconds, 0) / cores, cpuSeconds: singles.reduce((sum, s) => sum + s[file]!.cpuSeconds, 0) / cores },
    ]),
  );
  return reference(averaged);
};
const meanOf = (a: Reference, b: Reference): Reference => ({
  serial: (a.serial + b.serial) / 2,
  serialCpu: (a.serialCpu + b.serialCpu) / 2,
  ideal: (a.ideal + b.ideal) / 2,
  byKind: b.byKind,
});
interface Round {
  alone: Reference;
  side: Reference;
}
const measureRound = async (): Promise<Round> => ({ alone: measureAlone(), side: await measureSideBySide() });
interface Trial {
  ingest: IngestRun;
  before: Round;
  after: Round;
  alone: Reference;
  side: Reference;
}
const trials: Trial[] = [];
let before = await measureRound();
for (let k = 0; k < repeat; k++) {
  rmSync(clean, { force: true });
  rmSync(`${clean}-wal`, { force: true });
  rmSync(`${clean}-shm`, { force: true });
  const ingest = node(CLI_NODE_FLAGS, 'measure-ingest.mjs', clean, String(cores), listFile) as IngestRun;
  const after = await measureRound();
  const trial = { ingest, before, after, alone: meanOf(before.alone, after.alone), side: meanOf(before.side, after.side) };
  trials.push(trial);
  console.log(
    `trial ${k + 1}: ingest ${ingest.seconds.toFixed(1)} s, ${ingest.cpuSeconds.toFixed(1)} CPU s, peak RSS ${ingest.peakRssMb.toFixed(0)} MB; ` +
      `the batch one file after another: one extractor alone ${before.alone.serial.toFixed(1)} s before, ${after.alone.serial.toFixed(1)} s after (${trial.alone.serialCpu.toFixed(1)} CPU s, mean); ` +
      `one of ${cores} side by side ${before.side.serial.toFixed(1)} s before, ${after.side.serial.toFixed(1)} s after; ` +
      `ingest at ${((trial.alone.ideal / ingest.seconds) * 100).toFixed(0)}% of single-file speed × ${cores} (wall), ` +
      `${((trial.side.ideal / ingest.seconds) * 100).toFixed(0)}% of ${cores} extractors side by side (wall), ${((trial.alone.serialCpu / ingest.cpuSeconds) * 100).toFixed(0)}% in CPU time`,
  );
  before = after;
}
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};
const runs = trials.map((r) => r.ingest);
const { result } = runs.at(-1)!;
const seconds = Math.min(...runs.map((r) => r.seconds));
const cpuSeconds = Math.min(...runs.map((r) => r.cpuSeconds));
const peakRssMb = Math.max(...runs.map((r) => r.peakRssMb));
const loadAfter = loadavg()[0]!;
const pagesByKind = (() => {
  const db = new Database(clean, { readonly: true });
  try {
    return db.prepare("SELECT kind, count(*) AS documents, sum(coalesce(pages, 0)) AS pages FROM documents GROUP BY kind ORDER BY kind").all() as Array<{ kind: string; documents: number; pages: number }>;
  } finally {
    db.close();
  }
})();
console.log(`by detected kind: ${pagesByKind.map((r) => `${r.kind} ${r.documents} documents/${r.pages} pages`).join(', ')} (pages: PDF pages and workbook sheets; text exports have none)`);
console.log(
  `clean ingest (node ${CLI_NODE_FLAGS.join(' ')}): ${result.done} documents (${result.failed} failed), ${result.pages} pages, ${result.forms} forms in ${seconds.toFixed(1)} s → ` +
    `${(result.done / seconds).toFixed(1)} documents/s, ${(result.pages / seconds).toFixed(1)} pages/s, peak RSS ${peakRssMb.toFixed(0)} MB; ` +
    `${cpuSeconds.toFixed(1)} CPU s${repeat > 1 ? ` (best of ${repeat} trials; peak RSS the highest)` : ''}; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after`,
);
const last = trials.at(-1)!;
console.log(`single-file extraction, warm, one extracting thread (V8 helper threads on any core), last trial: ${last.alone.byKind.join('; ')}`);
const ratios = {
  wall: median(trials.map((t) => t.alone.ideal / t.ingest.seconds)),
  sideBySide: median(trials.map((t) => t.side.ideal / t.ingest.seconds)),
  cpu: median(trials.map((t) => t.alone.serialCpu / t.ingest.cpuSeconds)),
};
console.log(
  `ingest against single-file speed × ${cores} cores, median of ${repeat} trial(s): ${(ratios.wall * 100).toFixed(0)}% in wall time ` +
    `(one file alone also keeps the other core partly busy with V8's helper threads); ` +
    `${(ratios.sideBySide * 100).toFixed(0)}% of ${cores} single-file extractors side by side, each in its own process (the machine's own limit); ` +
    `${(ratios.cpu * 100).toFixed(0)}% in CPU time (the batch's single-file CPU seconds ÷ ingest's: the pool's overhead, transfer, checks and SQLite included)`,
);

// 3. Kill test, with the CLI in a child process.
const killed = join(work, 'killed.sqlite');
const runCli = (killAfterMs: number | null) =>
  new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [...CLI_NODE_FLAGS, CLI, 'ingest', batch, '--db', killed, '--concurrency', String(cores), '-q'], { stdio: 'ignore' });
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
  writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        documents: files.length,
        counts,
        pagesByKind,
        seconds,
        cpuSeconds,
        peakRssMb,
        result,
        trials: trials.map(({ ingest, before, after, alone: single, side }) => ({
          ingest: { seconds: ingest.seconds, cpuSeconds: ingest.cpuSeconds, peakRssMb: ingest.peakRssMb },
          sideBySide: { serialSecondsBefore: before.side.serial, serialSecondsAfter: after.side.serial, idealSeconds: side.ideal, ratio: side.ideal / ingest.seconds },
          single: { serialSecondsBefore: before.alone.serial, serialSecondsAfter: after.alone.serial, serialSeconds: single.serial, serialCpuSeconds: single.serialCpu, idealSeconds: single.ideal, ratio: single.ideal / ingest.seconds, cpuRatio: single.serialCpu / ingest.cpuSeconds },
        })),
        medianRatios: ratios,
        loadAverage: [loadBefore, loadAfter],
        cores,
        kills: moments,
        killTestEqual: same,
      },
      null,
      2,
    ),
  );
}
// The batch and its archives are generated output: gone with the run unless asked to keep them.
if (args.includes('--keep')) console.log(`kept: ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = same && finalCode !== null ? 0 : 1;
