/**
 * Corpus benchmark on the Shenzhen 松岗街道 二级项目支出绩效目标申报表 workbooks (one form per
 * sheet), compared with `项目信息.xlsx`, the source repository's own machine-made flattened
 * extraction of the same forms (weak ground truth: see the corpus SOURCES.md).
 *
 *   npx tsx scripts/bench-songgang.ts [corpus-dir] [--all]      (npm run bench:songgang)
 *
 * corpus-dir defaults to /work/shared/corpus/cn-shenzhen-songgang-perf-goal-declarations and must
 * hold `松岗街道/*.xlsx` and `项目信息.xlsx`; exits 2 when they are absent. Reads the corpus only:
 * nothing of it is written anywhere. Prints counts, timings, exact-match rates and the first
 * mismatches; exits 0 (it is a measurement, not a gate).
 *
 * Comparison rules: records are joined to 项目信息 on extra.项目编码 (a code the sheet stores as a
 * number prints as `4.40306E+20` and is joined on the project name instead, reported as such).
 * 指标信息 keeps one row per printed grid row, including rows with nothing but the 一级/二级 labels;
 * counts are compared both with every row and with those blank rows left out, and indicators are
 * aligned in order against the non-blank rows. Texts are compared after NFKC and whitespace removal.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import XLSX from 'xlsx';
import { extractFile } from '../src/extract.js';
import type { Record as JRecord } from '../src/schema/record.js';

const DEFAULT_DIR = '/work/shared/corpus/cn-shenzhen-songgang-perf-goal-declarations';
const args = process.argv.slice(2);
const showAll = args.includes('--all');
const dir = args.find((a) => !a.startsWith('--')) ?? DEFAULT_DIR;
const formsDir = join(dir, '松岗街道');
const truthPath = join(dir, '项目信息.xlsx');
if (!existsSync(formsDir) || !existsSync(truthPath)) {
  console.error(`bench-songgang: corpus not found: need ${formsDir}/*.xlsx and ${truthPath}`);
  console.error('usage: npx tsx scripts/bench-songgang.ts [corpus-dir]');
  process.exit(2);
}

const norm = (v: unknown): string => (v == null ? '' : String(v)).normalize('NFKC').replace(/\s+/gu, '');
const pct = (hit: number, all: number) => `${hit}/${all} (${all ? ((100 * hit) / all).toFixed(1) : '—'}%)`;

// ---- extraction ----------------------------------------------------------------------------
const files = readdirSync(formsDir).filter((n) => /\.xlsx?$/i.test(n) && !n.startsWith('._') && !n.startsWith('~$')).sort();
if (files.length === 0) {
  console.error(`bench-songgang: no workbooks in ${formsDir}`);
  process.exit(2);
}
interface Ours {
  file: string;
  sheet: number;
  sheetName: string;
  record: JRecord;
}
const ours: Ours[] = [];
const failures: string[] = [];
let sheets = 0;
let extractMs = 0;
for (const file of files) {
  const path = join(formsDir, file);
  const names = XLSX.read(readFileSync(path), { type: 'buffer', bookSheets: true }).SheetNames;
  sheets += names.length;
  const started = performance.now();
  try {
    const { records } = await extractFile(path);
    for (const record of records) {
      const sheet = record.source.pages[0] ?? 0;
      ours.push({ file, sheet, sheetName: names[sheet - 1] ?? '?', record });
    }
  } catch (err) {
    failures.push(`${file}: ${(err as Error).message}`);
  }
  extractMs += performance.now() - started;
}

// ---- weak ground truth -----------------------------------------------------------------------
type Row = { [k: string]: unknown };
const truthBook = XLSX.read(readFileSync(truthPath), { type: 'buffer' });
const sheetRows = (name: string): Row[] => {
  const sheet = truthBook.Sheets[name];
  return sheet ? XLSX.utils.sheet_to_json<Row>(sheet, { defval: '', raw: false }) : [];
};
const projects = sheetRows('项目信息');
const indicatorRows = sheetRows('指标信息').length ? sheetRows('指标信息') : sheetRows('data');
const projectByCode = new Map(projects.map((p) => [String(p['项目编码']), p]));
const projectByName = new Map<string, Row[]>();
for (const p of projects) projectByName.set(norm(p['项目名称']), [...(projectByName.get(norm(p['项目名称'])) ?? []), p]);
const theirIndicators = new Map<string, Row[]>();
for (const row of indicatorRows) {
  const code = String(row['项目编码']);
  theirIndicators.set(code, [...(theirIndicators.get(code) ?? []), row]);
}
const isBlankRow = (row: Row) => norm(row['三级指标']) === '' && norm(row['指标值']) === '' && norm(row['指标解释']) === '';

// ---- completeness --------------------------------------------------------------------------
const records = ours.map((o) => o.record);
const missing = {
  projectName: records.filter((r) => !r.projectName).length,
  requested: records.filter((r) => !r.funds?.total?.requested).length,
  goal: records.filter((r) => !r.goal?.planned).length,
  indicators: records.filter((r) => r.indicators.length === 0).length,
  code: records.filter((r) => !r.extra['项目编码']).length,
};
const totalIndicators = records.reduce((n, r) => n + r.indicators.length, 0);
const noTarget = records.reduce((n, r) => n + r.indicators.filter((i) => !i.target?.text).length, 0);

// ---- comparison ----------------------------------------------------------------------------
interface Mismatch {
  where: string;
  code: string;
  field: string;
  ours: string;
  theirs: string;
}
const mismatches: Mismatch[] = [];
const countMismatches: string[] = [];
const joinNotes: string[] = [];
const c = { joined: 0, byName: 0, unjoined: 0, countAll: 0, countNonBlank: 0, aligned: 0, level3: 0, target: 0, explanation: 0, level2: 0, name: 0, requested: 0, goal: 0 };
const seen = new Set<string>();
for (const o of ours) {
  const r = o.record;
  const where = `${o.file} #${o.sheet}`;
  let code = String(r.extra['项目编码'] ?? '');
  let project = projectByCode.get(code);
  if (!project) {
    const byName = projectByName.get(norm(r.projectName)) ?? [];
    if (byName.length === 1) {
      project = byName[0]!;
      joinNotes.push(`${where}: 项目编码 printed as ${JSON.stringify(code)}; joined by name to ${String(project['项目编码'])}`);
      code = String(project['项目编码']);
      c.byName++;
    } else {
      joinNotes.push(`${where}: 项目编码 ${JSON.stringify(code)} not in 项目信息`);
      c.unjoined++;
      continue;
    }
  }
  c.joined++;
  seen.add(code);
  if (norm(r.projectName) === norm(project['项目名称'])) c.name++;
  // The sheets label amounts 万元; 项目信息 copies the stored number as is.
  const requested = r.funds?.total?.requested;
  if (requested != null && Number(requested) / 10000 === Number(String(project['本年金额']).replace(/,/g, ''))) c.requested++;
  if (norm(r.goal?.planned) === norm(project['年度目标'])) c.goal++;
  const all = theirIndicators.get(code) ?? [];
  const theirs = all.filter((row) => !isBlankRow(row));
  const n = r.indicators.length;
  if (n === all.length) c.countAll++;
  if (n === theirs.length) c.countNonBlank++;
  else countMismatches.push(`${where} ${code}: ours ${n}, theirs ${theirs.length} non-blank (${all.length} rows)`);
  for (let k = 0; k < Math.min(n, theirs.length); k++) {
    const mine = r.indicators[k]!;
    const their = theirs[k]!;
    c.aligned++;
    const compare = (field: string, a: unknown, b: unknown, key: keyof typeof c) => {
      if (norm(a) === norm(b)) c[key]++;
      else mismatches.push({ where: `${where} [${k}]`, code, field, ours: norm(a), theirs: norm(b) });
    };
    compare('level3', mine.level3, their['三级指标'], 'level3');
    compare('target', mine.target?.text, their['指标值'], 'target');
    compare('explanation', mine.explanation, their['指标解释'], 'explanation');
    compare('level2', mine.level2, their['二级指标'], 'level2');
  }
}

// ---- report --------------------------------------------------------------------------------
const blankTruth = indicatorRows.filter(isBlankRow).length;
console.log(`corpus: ${dir}`);
console.log(`workbooks ${files.length}, sheets ${sheets}, records ${records.length} (expected 291)${failures.length ? `, FAILED ${failures.length}` : ''}`);
for (const f of failures) console.log(`  failed: ${f}`);
console.log(`records missing: projectName ${missing.projectName}, funds.total.requested ${missing.requested}, goal.planned ${missing.goal}, indicators ${missing.indicators}, extra.项目编码 ${missing.code}`);
console.log(`indicators: ours ${totalIndicators} (${noTarget} without a target); 指标信息 ${indicatorRows.length} rows, ${indicatorRows.length - blankTruth} non-blank`);
console.log(`time: ${extractMs.toFixed(0)} ms for ${sheets} sheets = ${(extractMs / Math.max(sheets, 1)).toFixed(1)} ms/sheet (extractFile, worker parse included)`);
console.log(`\njoin on 项目编码: ${c.joined} of ${records.length} records (${c.byName} by project name), ${c.unjoined} unjoined; 项目信息 rows never matched: ${projects.length - seen.size}`);
for (const note of joinNotes) console.log(`  ${note}`);
console.log(`header vs 项目信息: projectName ${pct(c.name, c.joined)}, goal.planned ${pct(c.goal, c.joined)}, requested/10000 = 本年金额 ${pct(c.requested, c.joined)}`);
console.log(`indicator count equal: all 指标信息 rows ${pct(c.countAll, c.joined)}; non-blank rows ${pct(c.countNonBlank, c.joined)}`);
console.log(`aligned in order (vs non-blank rows): ${c.aligned} pairs; level3 ${pct(c.level3, c.aligned)}, target ${pct(c.target, c.aligned)}, explanation ${pct(c.explanation, c.aligned)}, level2 ${pct(c.level2, c.aligned)}`);
if (countMismatches.length) {
  console.log(`\ncount mismatches (${countMismatches.length})${showAll ? '' : ', first 15'}:`);
  for (const m of showAll ? countMismatches : countMismatches.slice(0, 15)) console.log(`  ${m}`);
}
const shown = showAll ? mismatches : mismatches.filter((m) => m.field === 'level3' || m.field === 'target');
if (shown.length) {
  console.log(showAll ? `\nall field mismatches (${shown.length}):` : `\nlevel3/target mismatches (${shown.length}), first 15 (--all for every field and row):`);
  const cut = (s: string) => (s.length > 40 && !showAll ? `${s.slice(0, 40)}…` : s);
  for (const m of showAll ? shown : shown.slice(0, 15)) console.log(`  ${m.where} ${m.code} ${m.field}: ours ${JSON.stringify(cut(m.ours))} | theirs ${JSON.stringify(cut(m.theirs))}`);
}
