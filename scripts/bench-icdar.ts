/**
 * ICDAR 2013 Table Competition benchmark (Göbel, Hassan, Oro, Orsi): runs `extractTables` over the
 * 67 EU/US PDFs and scores table structure with the competition's cell adjacency relations,
 * micro-averaged over all tables of all documents (see scripts/lib/icdar.ts for the definitions).
 *
 *   npx tsx scripts/bench-icdar.ts [--gt-regions] [--limit N] [--only eu-001,us-012] [--json out.json]
 *                                  [--verbose] [--dir corpus-dir] [--strict]      (npm run bench:icdar)
 *
 * Default: tables found by our own detection; each GT table is paired with our table on the same
 * page with the largest overlap (IoU > 0.1 or ≥ 90 % containment, one-to-one). Unpaired GT tables
 * count all their relations as missed, unpaired tables of ours all theirs as false positives.
 * --gt-regions: extractTables is given the GT regions (-reg.xml, converted to top-left origin), so
 * only structure recognition is measured.
 *
 * Corpus: /work/shared/corpus/icdar2013-tabula-java (or --dir / ICDAR2013_DIR), read in place.
 * GT files without their PDF (eu-009b, us-011b, us-031b, us-035b) are skipped. Exits 2 when the
 * corpus or src/extract-tables.ts is missing; 1 with --strict when F1 is under the bar; else 0.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  adjacencyRelations,
  formatRelation,
  gtFootprint,
  loadGroundTruth,
  predictedFootprint,
  prf,
  scoreDocument,
  toTopLeft,
  type DocumentScore,
  type Footprint,
  type GtTable,
  type PredictedTable,
  type Prf,
  type Rect,
  type TableDiagnosis,
} from './lib/icdar.js';

const BAR = 0.85;
const ANCHORS: Array<[string, number]> = [
  ['Camelot (lattice)', 0.778],
  ['tablers', 0.75],
];
const DEFAULT_DIR = '/work/shared/corpus/icdar2013-tabula-java';
const SUBSETS = ['competition-dataset-eu', 'competition-dataset-us'];
const DOC_TIMEOUT_MS = 180_000;

// ---------------------------------------------------------------------------------------------
// Arguments

const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
}
const gtRegions = args.includes('--gt-regions');
const verbose = args.includes('--verbose');
const strict = args.includes('--strict');
const limit = option('--limit') ? Number(option('--limit')) : Infinity;
const only = option('--only')?.split(',').map((s) => s.trim()).filter(Boolean);
const jsonOut = option('--json');
const corpusDir = option('--dir') ?? process.env.ICDAR2013_DIR ?? DEFAULT_DIR;
if (!Number.isFinite(limit) && option('--limit') !== undefined) usage('--limit takes a number');

function usage(message: string): never {
  console.error(`bench-icdar: ${message}`);
  console.error('usage: npx tsx scripts/bench-icdar.ts [--gt-regions] [--limit N] [--only a,b] [--json out.json] [--verbose] [--dir corpus-dir] [--strict]');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// The API under test (loaded late so that this file runs, and says so, before it exists)

interface ExtractResult {
  pages: Array<{ page: number; width: number; height: number; needsOcr: boolean }>;
  tables: Array<PredictedTable & { pages?: number[]; rows?: number; cols?: number; method?: string }>;
}
type ExtractTables = (bytes: Uint8Array, file: string, options?: { regions?: Array<{ page: number; box: [number, number, number, number] }> }) => Promise<ExtractResult>;

// BENCH_ICDAR_MODULE points the bench at another module with the same export (to test the bench).
const override = process.env.BENCH_ICDAR_MODULE;
const apiPath = override ? pathToFileURL(resolve(override)) : new URL('../src/extract-tables.ts', import.meta.url);
if (!existsSync(apiPath)) usage(`${relative(process.cwd(), fileURLToPath(apiPath))} does not exist yet`);
const { extractTables } = (await import(override ? apiPath.href : '../src/extract-tables.js')) as { extractTables: ExtractTables };

// ---------------------------------------------------------------------------------------------
// Corpus

interface Doc {
  name: string;
  subset: 'eu' | 'us';
  pdf: string;
  gt: GtTable[];
}

if (!existsSync(corpusDir)) usage(`corpus not found at ${corpusDir}`);
const docs: Doc[] = [];
for (const subset of SUBSETS) {
  const dir = join(corpusDir, subset);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('-str.xml')).sort()) {
    const name = f.slice(0, -'-str.xml'.length);
    const pdf = join(dir, `${name}.pdf`);
    if (!existsSync(pdf)) continue; // the 4 GT files without a PDF
    if (only && !only.includes(name)) continue;
    const gt = loadGroundTruth(readFileSync(join(dir, `${name}-reg.xml`), 'utf8'), readFileSync(join(dir, f), 'utf8'));
    docs.push({ name, subset: name.startsWith('eu') ? 'eu' : 'us', pdf, gt });
  }
}
if (docs.length === 0) usage(`no documents found under ${corpusDir}`);
docs.splice(Math.min(docs.length, limit));

/** Page heights as pdf.js sees the (rotated) page at scale 1: needed before the call with --gt-regions. */
async function pdfPageHeights(bytes: Uint8Array): Promise<Map<number, number>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: bytes.slice(), verbosity: 0 });
  try {
    const doc = await task.promise;
    const heights = new Map<number, number>();
    for (let p = 1; p <= doc.numPages; p++) heights.set(p, (await doc.getPage(p)).getViewport({ scale: 1 }).height);
    return heights;
  } finally {
    await task.destroy();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms)))]).finally(() => clearTimeout(timer));
}

function gtRegionsFor(gt: GtTable[], heights: Map<number, number>): Array<{ table: number; page: number; box: Rect }> {
  return gt.flatMap((t, table) => t.regions.filter((r) => heights.has(r.page)).map((r) => ({ table, page: r.page, box: toTopLeft(r.box, heights.get(r.page)!) })));
}

// ---------------------------------------------------------------------------------------------
// Run

interface DocRow {
  doc: Doc;
  score: DocumentScore;
  prf: Prf;
  ms: number;
  error?: string;
  warnings: string[];
  needsOcr: number;
  ours: ExtractResult['tables'];
}

const rows: DocRow[] = [];
const started = performance.now();
for (const doc of docs) {
  const bytes = new Uint8Array(readFileSync(doc.pdf));
  const file = `${doc.name}.pdf`;
  const warnings: string[] = [];
  const t0 = performance.now();
  let result: ExtractResult = { pages: [], tables: [] };
  let error: string | undefined;
  let requested: Array<{ table: number; page: number; box: Rect }> = [];
  try {
    if (gtRegions) {
      const heights = await pdfPageHeights(bytes);
      requested = gtRegionsFor(doc.gt, heights);
      result = await withTimeout(extractTables(bytes, file, { regions: requested.map(({ page, box }) => ({ page, box })) }), DOC_TIMEOUT_MS);
      // The contract is the page height of `pages`: if it differs from pdf.js's, ask again with it.
      const theirs = new Map(result.pages.map((p) => [p.page, p.height]));
      const differs = requested.some((r) => theirs.has(r.page) && Math.abs(theirs.get(r.page)! - heights.get(r.page)!) > 0.5);
      if (differs) {
        warnings.push('page heights of `pages` differ from pdf.js viewport; regions re-sent with `pages` heights');
        requested = gtRegionsFor(doc.gt, theirs);
        result = await withTimeout(extractTables(bytes, file, { regions: requested.map(({ page, box }) => ({ page, box })) }), DOC_TIMEOUT_MS);
      }
    } else {
      result = await withTimeout(extractTables(bytes, file), DOC_TIMEOUT_MS);
    }
  } catch (err) {
    error = (err as Error).message ?? String(err);
    result = { pages: result.pages, tables: [] };
  }
  const ms = performance.now() - t0;
  const heights = new Map(result.pages.map((p) => [p.page, p.height]));
  const gtFps = doc.gt.map((t) => gtFootprint(t, (p) => heights.get(p)));
  const ourFps: Footprint[] = result.tables.map(predictedFootprint);
  if (gtRegions && result.tables.length === requested.length) {
    // One table per region, in order: a table without cell boxes stands where it was asked for.
    ourFps.forEach((fp, k) => {
      if (fp.size === 0) fp.set(requested[k]!.page, requested[k]!.box);
    });
  } else if (gtRegions && !error) warnings.push(`asked for ${requested.length} regions, got ${result.tables.length} tables`);
  if (!error && doc.gt.some((t) => t.regions.some((r) => !heights.has(r.page)))) warnings.push('`pages` lacks a GT page');
  const score = scoreDocument(doc.gt, gtFps, result.tables, ourFps);
  rows.push({ doc, score, prf: prf(score), ms, error, warnings, needsOcr: result.pages.filter((p) => p.needsOcr).length, ours: result.tables });
  if (error) console.error(`${doc.name}: ${error}`);
}
const totalMs = performance.now() - started;

// ---------------------------------------------------------------------------------------------
// Report

const pct = (x: number): string => x.toFixed(3);
const pad = (s: string | number, n: number): string => String(s).padStart(n);

function docNotes(r: DocRow): string {
  const notes: string[] = [];
  if (r.error) notes.push(`ERROR ${r.error}`);
  const missedTables = r.score.tables.filter((t) => t.ours < 0).length;
  if (missedTables) notes.push(`${missedTables} GT table(s) missed`);
  const frags = r.score.unmatched.filter((u) => u.insideGt).length;
  if (r.score.unmatched.length) notes.push(`${r.score.unmatched.length} extra table(s)${frags ? ` (${frags} inside a GT table)` : ''}`);
  for (const t of r.score.tables) if (t.diagnosis && t.fn + t.fp > 0) notes.push(`t${t.gtId}: ${t.diagnosis.labels.slice(0, 3).join(', ')}`);
  if (r.needsOcr) notes.push(`${r.needsOcr} page(s) need OCR`);
  notes.push(...r.warnings);
  return notes.join('; ');
}

console.log(`ICDAR 2013 table competition — ${gtRegions ? 'GT regions given (structure only)' : 'own table detection + structure'}; ${docs.length} documents, ${docs.reduce((n, d) => n + d.gt.length, 0)} GT tables`);
console.log('');
console.log(`${'document'.padEnd(9)} ${pad('GT', 3)} ${pad('ours', 4)} ${pad('match', 5)} ${pad('GTrel', 6)} ${pad('ourRel', 6)} ${pad('TP', 5)}  ${pad('P', 5)}  ${pad('R', 5)}  ${pad('F1', 5)} ${pad('s', 5)}  notes`);
for (const r of rows) {
  const s = r.score;
  console.log(
    `${r.doc.name.padEnd(9)} ${pad(s.gtTables, 3)} ${pad(s.ourTables, 4)} ${pad(s.matchedTables, 5)} ${pad(s.tp + s.fn, 6)} ${pad(s.tp + s.fp, 6)} ${pad(s.tp, 5)}  ${pct(r.prf.precision)}  ${pct(r.prf.recall)}  ${pct(r.prf.f1)} ${pad((r.ms / 1000).toFixed(1), 5)}  ${docNotes(r)}`,
  );
  if (verbose) printTableDetails(r);
}

function printTableDetails(r: DocRow): void {
  for (const t of r.score.tables) {
    const ours = t.ours >= 0 ? r.ours[t.ours]! : undefined;
    const head = `    GT table ${t.gtId} (p${r.doc.gt.find((g) => g.id === t.gtId)!.regions.map((x) => x.page).join(',')})`;
    if (!ours) {
      console.log(`${head}: MISSED, ${t.fn} relations lost`);
      continue;
    }
    const p = prf(t);
    console.log(`${head} ↔ ours #${t.ours} IoU ${t.overlap!.iou.toFixed(2)}: TP ${t.tp} FP ${t.fp} FN ${t.fn} F1 ${pct(p.f1)}; ${t.diagnosis!.labels.join(', ') || 'exact'}`);
    for (const m of t.missed.slice(0, 6)) console.log(`      missed ${formatRelation(m)}`);
    for (const m of t.extra.slice(0, 6)) console.log(`      extra  ${formatRelation(m)}`);
  }
  for (const u of r.score.unmatched) {
    const t = r.ours[u.ours]!;
    const fp = predictedFootprint(t);
    console.log(`    ours #${u.ours} unmatched${u.insideGt ? ', inside a GT table' : ''} (${[...fp].map(([pg, b]) => `p${pg} [${b.map((v) => v.toFixed(0)).join(',')}]`).join(' ')}): ${u.relations} relations as FP`);
  }
}

const all = prf({
  tp: rows.reduce((n, r) => n + r.score.tp, 0),
  fp: rows.reduce((n, r) => n + r.score.fp, 0),
  fn: rows.reduce((n, r) => n + r.score.fn, 0),
});
const subsetPrf = (subset: 'eu' | 'us'): Prf =>
  prf({
    tp: rows.filter((r) => r.doc.subset === subset).reduce((n, r) => n + r.score.tp, 0),
    fp: rows.filter((r) => r.doc.subset === subset).reduce((n, r) => n + r.score.fp, 0),
    fn: rows.filter((r) => r.doc.subset === subset).reduce((n, r) => n + r.score.fn, 0),
  });
const meanDocF1 = rows.reduce((n, r) => n + r.prf.f1, 0) / rows.length;
const gtTables = rows.reduce((n, r) => n + r.score.gtTables, 0);
const ourTables = rows.reduce((n, r) => n + r.score.ourTables, 0);
const matchedTables = rows.reduce((n, r) => n + r.score.matchedTables, 0);
const matchedIous = rows.flatMap((r) => r.score.tables.filter((t) => t.overlap).map((t) => t.overlap!.iou));
const meanIou = matchedIous.length ? matchedIous.reduce((a, b) => a + b, 0) / matchedIous.length : 0;

// Where the losses come from.
const diagnoses: TableDiagnosis[] = rows.flatMap((r) => r.score.tables.flatMap((t) => (t.diagnosis ? [t.diagnosis] : [])));
const sum = (f: (d: TableDiagnosis) => number): number => diagnoses.reduce((n, d) => n + f(d), 0);
const missedTableRel = rows.reduce((n, r) => n + r.score.tables.filter((t) => t.ours < 0).reduce((m, t) => m + t.fn, 0), 0);
const missedTableCount = rows.reduce((n, r) => n + r.score.tables.filter((t) => t.ours < 0).length, 0);
const extraTableRel = rows.reduce((n, r) => n + r.score.unmatched.reduce((m, u) => m + u.relations, 0), 0);
const matchedFn = all.fn - missedTableRel;
const matchedFp = all.fp - extraTableRel;
const shapeCount = (test: (d: TableDiagnosis) => boolean): number => diagnoses.filter(test).length;
const errors = rows.filter((r) => r.error);

console.log('');
console.log(`Overall (micro, all tables): P ${pct(all.precision)}  R ${pct(all.recall)}  F1 ${pct(all.f1)}   (TP ${all.tp}, FP ${all.fp}, FN ${all.fn})`);
console.log(`  EU ${pct(subsetPrf('eu').f1)}  US ${pct(subsetPrf('us').f1)}  mean per-document F1 ${pct(meanDocF1)}`);
console.log(`  context: ${ANCHORS.map(([n, v]) => `${n} ${v.toFixed(3)}`).join(', ')}; our bar ${BAR.toFixed(2)} → ${all.f1 >= BAR ? 'MET' : 'NOT MET'}`);
console.log(
  `Regions: GT ${gtTables}, ours ${ourTables}, matched ${matchedTables} → recall ${pct(gtTables ? matchedTables / gtTables : 0)}, precision ${pct(ourTables ? matchedTables / ourTables : 0)}, mean IoU of matched ${pct(meanIou)}`,
);
console.log('Losses:');
console.log(`  missed GT tables: ${missedTableCount} (${missedTableRel} relations = ${pct(all.fn ? missedTableRel / all.fn : 0)} of FN); extra tables: ${ourTables - matchedTables} (${extraTableRel} relations = ${pct(all.fp ? extraTableRel / all.fp : 0)} of FP)`);
const fragments = rows.flatMap((r) => r.score.unmatched.filter((u) => u.insideGt));
console.log(
  `    of the extra tables: ${fragments.length} lie inside a GT table (fragments/duplicates, ${fragments.reduce((n, u) => n + u.relations, 0)} relations), ${ourTables - matchedTables - fragments.length} outside every GT table (false detections, ${extraTableRel - fragments.reduce((n, u) => n + u.relations, 0)} relations)`,
);
console.log(`  inside matched tables: FN ${matchedFn}, FP ${matchedFp}`);
console.log(
  `  GT cells (non-empty) in matched tables: ${sum((d) => d.gtCells)}: exact ${sum((d) => d.cellsExact)}, joined to neighbours ${sum((d) => d.cellsMerged)}, split ${sum((d) => d.cellsSplit)}, text not found ${sum((d) => d.cellsMissing)}`,
);
console.log(`  missed relations whose two cells we read right (adjacency/placement wrong): ${sum((d) => d.missedBothCellsPresent)}`);
console.log(
  `  matched tables with merged columns ${shapeCount((d) => d.ourShape[1] < d.gtShape[1])}, split columns ${shapeCount((d) => d.ourShape[1] > d.gtShape[1])}, merged rows ${shapeCount((d) => d.ourShape[0] < d.gtShape[0])}, split rows ${shapeCount((d) => d.ourShape[0] > d.gtShape[0])} (of ${diagnoses.length})`,
);
if (errors.length) console.log(`  documents that failed: ${errors.map((r) => r.doc.name).join(', ')}`);
console.log('');
const worst = [...rows].sort((a, b) => a.prf.f1 - b.prf.f1 || b.score.fn + b.score.fp - (a.score.fn + a.score.fp)).slice(0, 10);
console.log('Worst 10 documents:');
for (const r of worst) console.log(`  ${r.doc.name.padEnd(9)} F1 ${pct(r.prf.f1)}  P ${pct(r.prf.precision)}  R ${pct(r.prf.recall)}  FN ${r.score.fn} FP ${r.score.fp}  ${docNotes(r)}`);
console.log('');
console.log(`${docs.length} documents in ${(totalMs / 1000).toFixed(1)} s`);

if (jsonOut) {
  const report = {
    mode: gtRegions ? 'gt-regions' : 'own-regions',
    corpus: corpusDir,
    documents: rows.length,
    overall: all,
    eu: subsetPrf('eu'),
    us: subsetPrf('us'),
    meanDocumentF1: meanDocF1,
    regions: { gt: gtTables, ours: ourTables, matched: matchedTables, meanIou },
    losses: { missedTables: missedTableCount, missedTableRelations: missedTableRel, extraTables: ourTables - matchedTables, extraTableRelations: extraTableRel, matchedFn, matchedFp },
    anchors: Object.fromEntries(ANCHORS),
    bar: BAR,
    seconds: totalMs / 1000,
    perDocument: rows.map((r) => ({
      name: r.doc.name,
      ...r.prf,
      gtTables: r.score.gtTables,
      ourTables: r.score.ourTables,
      matchedTables: r.score.matchedTables,
      ms: Math.round(r.ms),
      error: r.error,
      warnings: r.warnings,
      tables: r.score.tables.map((t) => ({
        gtId: t.gtId,
        ours: t.ours,
        iou: t.overlap?.iou ?? null,
        gtRelations: adjacencyRelations(r.doc.gt.find((g) => g.id === t.gtId)!.cells).length,
        ...prf(t),
        diagnosis: t.diagnosis,
        missed: t.missed.slice(0, 50).map(formatRelation),
        extra: t.extra.slice(0, 50).map(formatRelation),
      })),
      unmatched: r.score.unmatched,
    })),
  };
  writeFileSync(jsonOut, JSON.stringify(report, null, 2) + '\n');
  console.log(`wrote ${jsonOut}`);
}

process.exit(strict && all.f1 < BAR ? 1 : 0);
