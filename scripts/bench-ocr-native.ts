/**
 * Reference timing for OCR: the native `tesseract` CLI over the scanned fixtures, one process at a
 * time and one thread each (OMP_THREAD_LIMIT=1), so the tesseract.js engine can be compared with it
 * as a ratio. Every page is rendered by `pdftoppm` into a temporary folder (a scanned page at its
 * image's own resolution, from `pdfimages -list`, as jixiao reads it; other pages at 300 dpi), then read with
 *
 *   tesseract PAGE.png OUT -l chi_sim --psm 6
 *
 * under `/usr/bin/time -v` for the peak RSS (without it, peak RSS is reported as n/a).
 *
 *   npx tsx scripts/bench-ocr-native.ts [FILE.pdf …] [--limit N] [--json out.json]
 *
 * Without files: every fixture under fixtures/scan/ listed in the manifest. Dev-time only (needs
 * poppler-utils and tesseract-ocr with chi_sim); exits 2 when they are missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { FIXTURES_DIR, readManifest } from './lib/manifest.js';

const TESSERACT = '/usr/bin/tesseract';
const TIME = '/usr/bin/time';
const DPI = 300;

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const limit = option('--limit') ? Number(option('--limit')) : Infinity;
const jsonOut = option('--json');
const files = args.filter((a, k) => !a.startsWith('--') && !['--limit', '--json'].includes(args[k - 1] ?? ''));
if (option('--limit') && !(limit > 0)) throw new Error(`Expected --limit to be a positive number, got ${option('--limit')}`);

for (const tool of [TESSERACT, 'pdftoppm', 'pdfimages', 'pdfinfo']) {
  if (spawnSync(tool, ['-v'], { stdio: 'ignore' }).error) {
    console.error(`bench-ocr-native: ${tool} is not installed (apt-get install -y tesseract-ocr tesseract-ocr-chi-sim poppler-utils)`);
    process.exit(2);
  }
}
const langs = execFileSync(TESSERACT, ['--list-langs'], { encoding: 'utf8' });
if (!/^chi_sim$/m.test(langs)) {
  console.error('bench-ocr-native: tesseract has no chi_sim traineddata (apt-get install -y tesseract-ocr-chi-sim)');
  process.exit(2);
}
const haveTime = existsSync(TIME);
const inputs = files.length ? files : readManifest().filter((e) => e.file.startsWith('scan/')).map((e) => join(FIXTURES_DIR, e.file));

interface PageRow {
  file: string;
  page: number;
  pixels: [number, number];
  /** Wall-clock seconds of the tesseract process. */
  seconds: number;
  /** User + system CPU seconds (from /usr/bin/time), null without it. */
  cpuSeconds: number | null;
  /** Peak resident set size in MiB (from /usr/bin/time), null without it. */
  peakRssMiB: number | null;
  /** Non-space characters recognized. */
  chars: number;
}

const rows: PageRow[] = [];
const work = mkdtempSync(join(tmpdir(), 'jixiao-ocr-native-'));
try {
  for (const input of inputs) {
    if (rows.length >= limit) break;
    const name = input.startsWith(FIXTURES_DIR) ? relative(FIXTURES_DIR, input) : basename(input);
    const dir = mkdtempSync(join(work, 'doc-'));
    // The same page images jixiao reads: a scanned page at its scan's own resolution (jixiao reads the
    // embedded image itself), any other page at DPI.
    const scanDpi = new Map<number, number[]>();
    for (const line of execFileSync('pdfimages', ['-list', input], { encoding: 'utf8' }).split('\n').slice(2)) {
      const f = line.trim().split(/\s+/);
      if (f.length >= 14 && f[2] === 'image') scanDpi.set(Number(f[0]), [...(scanDpi.get(Number(f[0])) ?? []), Number(f[12])]);
    }
    const count = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [input], { encoding: 'utf8' }))?.[1]);
    const pages = Array.from({ length: count }, (_, k) => k + 1).map((page) => {
      const dpis = scanDpi.get(page) ?? [];
      const dpi = dpis.length === 1 && dpis[0]! > 0 ? dpis[0]! : DPI;
      execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-png', '-singlefile', input, join(dir, `page-${page}`)]);
      return { f: `page-${page}.png`, page };
    });
    for (const { f, page } of pages) {
      if (rows.length >= limit) break;
      rows.push(readPage(name, page, join(dir, f)));
      const r = rows.at(-1)!;
      process.stderr.write(`${name} p${page}: ${r.seconds.toFixed(2)} s, ${r.peakRssMiB?.toFixed(0) ?? 'n/a'} MiB\n`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
printTable(rows);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ tesseract: execFileSync(TESSERACT, ['--version'], { encoding: 'utf8' }).split('\n')[0], dpi: DPI, rows }, null, 2));

/** Runs tesseract on one page image, single-threaded, and measures it. */
function readPage(file: string, page: number, png: string): PageRow {
  const out = png.replace(/\.png$/, '');
  const command = [TESSERACT, png, out, '-l', 'chi_sim', '--psm', '6'];
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const started = performance.now();
  const run = haveTime ? spawnSync(TIME, ['-v', ...command], { env, encoding: 'utf8' }) : spawnSync(command[0]!, command.slice(1), { env, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`Expected tesseract to read ${file} page ${page}, got exit ${run.status}: ${run.stderr.slice(-500)}`);
  const stat = (label: string) => {
    const m = new RegExp(`${label}: ([\\d.]+)`).exec(run.stderr);
    return m ? Number(m[1]) : null;
  };
  const user = stat('User time \\(seconds\\)');
  const system = stat('System time \\(seconds\\)');
  const rssKb = stat('Maximum resident set size \\(kbytes\\)');
  const ihdr = readFileSync(png).subarray(16, 24);
  return {
    file,
    page,
    pixels: [ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)],
    seconds,
    cpuSeconds: user !== null && system !== null ? user + system : null,
    peakRssMiB: rssKb !== null ? rssKb / 1024 : null,
    chars: readFileSync(`${out}.txt`, 'utf8').replace(/\s/g, '').length,
  };
}

function printTable(rows: PageRow[]): void {
  const version = execFileSync(TESSERACT, ['--version'], { encoding: 'utf8' }).split('\n')[0];
  console.log(`native ${version}, -l chi_sim --psm 6, OMP_THREAD_LIMIT=1, one process at a time; scanned pages rendered at their image's resolution, others at ${DPI} dpi, by pdftoppm`);
  console.log(haveTime ? 'peak RSS and cpu s (user + system) from /usr/bin/time -v' : 'peak RSS and cpu s n/a (/usr/bin/time not installed)');
  // On a busy machine wall time waits for a core; cpu s is the figure to compare with then.
  console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  const header = ['file', 'page', 'pixels', 'wall s', 'cpu s', 'peak RSS MiB', 'chars'];
  const lines = rows.map((r) => [r.file, String(r.page), `${r.pixels[0]}×${r.pixels[1]}`, r.seconds.toFixed(2), r.cpuSeconds?.toFixed(2) ?? 'n/a', r.peakRssMiB?.toFixed(0) ?? 'n/a', String(r.chars)]);
  const byFile = new Map<string, PageRow[]>();
  for (const r of rows) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  const cpuMean = (rs: PageRow[]) => (rs.every((r) => r.cpuSeconds !== null) ? mean(rs.map((r) => r.cpuSeconds!)).toFixed(2) : 'n/a');
  const rssMax = (rs: PageRow[]) => (rs.every((r) => r.peakRssMiB !== null) ? Math.max(...rs.map((r) => r.peakRssMiB!)).toFixed(0) : 'n/a');
  const summary = [...byFile].map(([file, rs]) => [file, `${rs.length} p`, '', mean(rs.map((r) => r.seconds)).toFixed(2), cpuMean(rs), rssMax(rs), String(rs.reduce((a, r) => a + r.chars, 0))]);
  const widths = header.map((h, k) => Math.max(h.length, ...[...lines, ...summary].map((l) => l[k]!.length)));
  const format = (cells: string[]) => cells.map((c, k) => (k >= 1 ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(format(l));
  console.log('\nper file (mean wall s/page, mean cpu s/page, max peak RSS MiB, chars):');
  for (const l of summary) console.log(format(l));
  const secs = rows.map((r) => r.seconds).sort((a, b) => a - b);
  const rss = rows.map((r) => r.peakRssMiB).filter((x): x is number => x !== null);
  console.log(
    `\n${rows.length} pages: wall ${mean(secs).toFixed(2)} s/page mean, ${secs[Math.floor(secs.length / 2)]?.toFixed(2)} median, ${secs.at(-1)?.toFixed(2)} max; cpu ${cpuMean(rows)} s/page mean; ` +
      `total ${secs.reduce((a, b) => a + b, 0).toFixed(1)} s; peak RSS ${rss.length ? `${Math.max(...rss).toFixed(0)} MiB max, ${mean(rss).toFixed(0)} MiB mean` : 'n/a'}`,
  );
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
