/**
 * OCR benchmark: accuracy, speed and memory of the OCR fallback on the scanned fixtures, and the
 * corpus's image-only and garbled-font PDFs.
 *
 *   npm run bench:ocr [-- --pages 200] [--native] [--json out.json]
 *
 * 1. Accuracy: every scan in the manifest against its golden records — fact F1, money/weights/scores
 *    F1 (funds, indicator weights and scores, totals) and error/warning findings the golden does not
 *    have (ocr.doubtful excepted). Bars (issue #4): fact F1 ≥ 0.97, money F1 ≥ 0.99, none extra.
 * 2. Speed: seconds per page reading the scan pages with one tesseract worker (one core) and with one
 *    per core, in wall time and in CPU time (all threads); peak RSS of this process (tesseract
 *    workers are threads in it).
 * 3. `--pages N` (alone): reads scan pages round and round until N pages are done, printing RSS
 *    every 20 pages (bounded memory over a long run).
 * 4. `--native`: the same scans through `scripts/bench-ocr-native.ts` (native tesseract CLI, one
 *    thread, the same page images), for the ratio in wall time and in CPU time.
 * 5. The corpus's `camelot-tests/files/image.pdf` and `pdfjs-cjk/pdfs/XiaoBiaoSong.pdf` (read in place
 *    when present), OCR forced on every page: pages read and the text recognized.
 *
 * `--corpus-only` runs part 5 alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import '../src/pdf/node-polyfills.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { OFFLINE_OPTIONS } from '../src/pdf/offline-options.js';
import { extract } from '../src/extract.js';
import { ocrDocument } from '../src/ocr/ocr-document.js';
import { TesseractPool } from '../src/ocr/tesseract-pool.js';
import { FIXTURES_DIR, readJsonl, readManifest } from './lib/manifest.js';
import { scoreRecords } from './lib/score-records.js';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const longRun = option('--pages') ? Number(option('--pages')) : 0;
const jsonOut = option('--json');
const CORPUS = join(FIXTURES_DIR, '..', '..', 'shared', 'corpus');

const scans = readManifest().filter((e) => e.file.startsWith('scan/') && e.golden);
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const out: { [k: string]: unknown } = {};

const corpusOnly = args.includes('--corpus-only');
// `--pages N` runs the long run alone.
const only = corpusOnly || longRun > 0;

// 1. Accuracy.
if (!only) console.log('accuracy (scans vs golden)');
const MONEY = /^(funds |indicators \d+\.(weight|score)$|header total(Weight|Score)$)/;
const accuracy = [];
if (!only) {
  const pool = new TesseractPool();
  for (const entry of scans) {
    const golden = readJsonl(join(FIXTURES_DIR, entry.golden!));
    const t0 = performance.now();
    let records: unknown[] = [];
    let error: string | null = null;
    try {
      records = (await extract(new Uint8Array(readFileSync(join(FIXTURES_DIR, entry.file))), entry.file, { ocr: pool })).records;
    } catch (err) {
      error = (err as { code?: string }).code ?? String(err);
    }
    const seconds = (performance.now() - t0) / 1000;
    const { score, misses } = scoreRecords(golden, records as never);
    // Money/weights/scores: the facts of those groups, from the scorer's own misses.
    const moneyGold = countFacts(golden);
    const moneyOut = countFacts(records as Array<{ [k: string]: unknown }>);
    const moneyMissGold = misses.filter((m) => MONEY.test(m.key) && m.golden !== undefined && m.golden !== null).length;
    const moneyMissOut = misses.filter((m) => MONEY.test(m.key) && m.output !== undefined && m.output !== null).length;
    const moneyP = moneyOut ? (moneyOut - moneyMissOut) / moneyOut : 0;
    const moneyR = moneyGold ? (moneyGold - moneyMissGold) / moneyGold : 0;
    const moneyF1 = moneyP + moneyR ? (2 * moneyP * moneyR) / (moneyP + moneyR) : 0;
    const goldFindings = new Set(golden.flatMap((g) => (g.findings as Array<{ rule: string; field: string }>).map((f) => `${f.rule}|${f.field}`)));
    const extra = (records as Array<{ findings: Array<{ rule: string; field: string; severity: string }> }>)
      .flatMap((r) => r.findings)
      .filter((f) => f.severity !== 'info' && f.rule !== 'ocr.doubtful' && !goldFindings.has(`${f.rule}|${f.field}`)).length;
    const row = { id: entry.id, records: `${records.length}/${golden.length}`, f1: score.all.f1, moneyF1, extra, error, seconds };
    accuracy.push(row);
    console.log(
      `  ${entry.id.padEnd(52)} records ${row.records.padEnd(5)} F1 ${score.all.f1.toFixed(4)}  money F1 ${moneyF1.toFixed(4)}  extra findings ${extra}${error ? `  ${error}` : ''}  ${seconds.toFixed(1)} s`,
    );
  }
  await pool.close();
}
out.accuracy = accuracy;

// 2. Speed, one worker and one per core, over every scan page.
const pages: Array<{ file: string; page: number }> = [];
for (const entry of scans) {
  const count = await pageCount(readFileSync(join(FIXTURES_DIR, entry.file)));
  for (let p = 1; p <= count; p++) pages.push({ file: entry.file, page: p });
}
const speed: { [k: string]: number } = {};
for (const workers of only ? [] : [1, availableParallelism()]) {
  const pool = new TesseractPool({ workers });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let done = 0;
  // Documents one after another; within a page, lines go to all workers at once.
  for (const entry of scans) {
    const own = pages.filter((p) => p.file === entry.file).map((p) => p.page);
    await ocrDocument(new Uint8Array(readFileSync(join(FIXTURES_DIR, entry.file))), entry.file, own, { pool, onPage: () => done++ });
  }
  const perPage = (performance.now() - t0) / 1000 / done;
  // CPU time of every thread (rendering and page analysis in this one, recognition in the workers'):
  // what a page costs whatever else the machine is doing.
  const cpu = process.cpuUsage(cpu0);
  const cpuPerPage = (cpu.user + cpu.system) / 1e6 / done;
  speed[`workers${workers}`] = perPage;
  speed[`workers${workers}Cpu`] = cpuPerPage;
  console.log(
    `speed: ${done} pages, ${workers} worker(s): ${perPage.toFixed(2)} s/page (${(perPage * workers).toFixed(2)} core-s/page), cpu ${cpuPerPage.toFixed(2)} s/page, load ${loadavg()[0]!.toFixed(1)}, peak RSS so far ${rssMb()} MB`,
  );
  await pool.close();
}
out.speed = speed;

// 3. A long run: memory must stay bounded.
if (longRun > 0) {
  const pool = new TesseractPool();
  const samples: number[] = [];
  let done = 0;
  while (done < longRun) {
    for (const entry of scans) {
      if (done >= longRun) break;
      const own = pages.filter((p) => p.file === entry.file).map((p) => p.page).slice(0, longRun - done);
      await ocrDocument(new Uint8Array(readFileSync(join(FIXTURES_DIR, entry.file))), entry.file, own, {
        pool,
        onPage: () => {
          if (++done % 20 === 0) {
            const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
            samples.push(rss);
            console.log(`  ${done} pages: RSS ${rss} MB (workers started: ${pool.started})`);
          }
        },
      });
    }
  }
  await pool.close();
  out.longRun = { pages: done, rssSamplesMb: samples, peakRssMb: rssMb() };
}

// 4. Native tesseract on the same scans.
if (args.includes('--native') && !only) {
  const json = join(tmpdir(), `bench-ocr-native-${process.pid}.json`);
  const run = spawnSync('npx', ['tsx', join(FIXTURES_DIR, '..', 'scripts', 'bench-ocr-native.ts'), '--json', json], { stdio: 'inherit' });
  if (run.status === 0 && existsSync(json)) {
    const rows = (JSON.parse(readFileSync(json, 'utf8')) as { rows: Array<{ seconds: number; cpuSeconds: number | null }> }).rows;
    const native = rows.reduce((a, r) => a + r.seconds, 0) / rows.length;
    const nativeCpu = rows.every((r) => r.cpuSeconds !== null) ? rows.reduce((a, r) => a + r.cpuSeconds!, 0) / rows.length : null;
    console.log(`native tesseract: ${native.toFixed(2)} s/page (one thread); jixiao one worker: ${speed.workers1!.toFixed(2)} s/page = ${(speed.workers1! / native).toFixed(2)}× native`);
    if (nativeCpu !== null) console.log(`  in cpu time: native ${nativeCpu.toFixed(2)} s/page; jixiao one worker ${speed.workers1Cpu!.toFixed(2)} s/page = ${(speed.workers1Cpu! / nativeCpu).toFixed(2)}× native`);
    out.native = { secondsPerPage: native, cpuSecondsPerPage: nativeCpu, ratio: speed.workers1! / native, cpuRatio: nativeCpu !== null ? speed.workers1Cpu! / nativeCpu : null };
  }
}

// 5. Corpus PDFs that need OCR.
for (const rel of longRun > 0 ? [] : ['camelot-tests/files/image.pdf', 'pdfjs-cjk/pdfs/XiaoBiaoSong.pdf']) {
  const path = join(CORPUS, rel);
  if (!existsSync(path)) {
    console.log(`corpus ${rel}: not found under ${CORPUS}`);
    continue;
  }
  const pool = new TesseractPool();
  const bytes = new Uint8Array(readFileSync(path));
  const count = await pageCount(bytes);
  const read = await ocrDocument(bytes, rel, Array.from({ length: Math.min(count, 3) }, (_, k) => k + 1), { pool });
  const text = read.pages.flatMap((p) => p.runs.map((r) => r.text)).join(' ');
  console.log(`corpus ${rel}: ${read.pages.length} of ${count} page(s) read, ${read.pages.reduce((a, p) => a + p.runs.length, 0)} lines, ${[...text].length} characters: ${text.slice(0, 160)}…`);
  await pool.close();
}

console.log(`peak RSS ${rssMb()} MB`);
out.peakRssMb = rssMb();
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(out, null, 2));

/** Facts in the money/weights/scores groups of records (funds values, indicator weights/scores, totals). */
function countFacts(records: Array<{ [k: string]: unknown }>): number {
  let n = 0;
  for (const r of records) {
    const funds = (r.funds ?? {}) as { [k: string]: { [k: string]: unknown } | null };
    for (const row of Object.values(funds)) for (const v of Object.values(row ?? {})) if (v !== null && v !== undefined) n++;
    for (const i of (r.indicators ?? []) as Array<{ weight: unknown; score: unknown }>) n += (i.weight != null ? 1 : 0) + (i.score != null ? 1 : 0);
    n += (r.totalWeight != null ? 1 : 0) + (r.totalScore != null ? 1 : 0);
  }
  return n;
}

async function pageCount(bytes: Uint8Array): Promise<number> {
  const task = getDocument({ ...OFFLINE_OPTIONS, data: new Uint8Array(bytes) });
  try {
    return (await task.promise).numPages;
  } finally {
    await task.destroy();
  }
}
