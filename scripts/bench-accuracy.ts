/**
 * Accuracy benchmark: runs extraction over every fixture that has golden records and prints, per
 * document and overall, fact precision/recall/F1 and findings precision/recall (the definitions of
 * the reference scorer, shared score.py). Text fixtures are also run re-encoded as GB18030,
 * UTF-16LE with BOM, and with CRLF line ends.
 *
 *   npm run bench:accuracy [-- --json out.json] [--verbose]
 *
 * Exits 1 when a bar is missed: overall F1 ≥ 0.995, every document ≥ 0.99, error/warning findings
 * of every record equal to the golden ones. Fixtures with a `minF1` floor (known weak: the scans
 * read by OCR among them) fail only below their floor and are left out of the held overall score;
 * fixtures marked `pending` (`ocr`: a scan no form is found in yet; `forms`: a published layout the
 * form definitions do not read yet, fixtures/survey/) are run and reported, held to no bar.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { extract } from '../src/extract.js';
import { FIXTURES_DIR, readJsonl, readManifest } from './lib/manifest.js';
import { combineScores, scoreRecords, type Score } from './lib/score-records.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

const ENCODINGS: Array<[string, (text: string) => Uint8Array]> = [
  ['utf-8', (t) => Buffer.from(t, 'utf8')],
  ['gb18030', (t) => iconv.encode(t, 'gb18030')],
  ['utf-16le+bom', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf-16le')])],
  ['crlf', (t) => Buffer.from(t.replace(/\r?\n/g, '\r\n'), 'utf8')],
];

interface Row {
  id: string;
  encoding: string;
  score: Score;
  findingsEqual: boolean;
  infoEqual: boolean;
  ms: number;
}

const rows: Row[] = [];
for (const entry of readManifest().filter((e) => e.golden)) {
  const golden = readJsonl(join(FIXTURES_DIR, entry.golden!));
  const bytes = readFileSync(join(FIXTURES_DIR, entry.file));
  const variants = entry.kind === 'text' ? ENCODINGS.map(([name, encode]) => [name, encode(bytes.toString('utf8'))] as const) : [['as-is', bytes] as const];
  for (const [encoding, input] of variants) {
    const started = performance.now();
    let output: Array<Record<string, unknown>> = [];
    try {
      const result = await extract(input, entry.file.split('/').pop()!);
      output = result.records.map(({ provenance: _p, ...r }) => r as Record<string, unknown>);
    } catch (err) {
      console.error(`${entry.id} [${encoding}]: ${(err as Error).message}`);
    }
    const ms = performance.now() - started;
    const { score, misses } = scoreRecords(golden, output);
    const findingsEqual = score.findings.hit === score.findings.gold && score.findings.hit === score.findings.out && score.records.out === score.records.gold;
    const infoEqual = golden.every((g, k) => sameInfo(g, output[k]));
    rows.push({ id: entry.id, encoding, score, findingsEqual, infoEqual, ms });
    if (verbose && encoding === variants[0]![0]) for (const m of misses) console.log(`  MISS ${entry.id} ${String(m.projectName)} ${m.key}: golden ${JSON.stringify(m.golden)} output ${JSON.stringify(m.output)}`);
  }
}

const pct = (x: number) => x.toFixed(4);
console.log(['document', 'encoding', 'records', 'facts', 'P', 'R', 'F1', 'findP', 'findR', 'findings=', 'info=', 'ms'].join('\t'));
for (const r of rows) {
  const s = r.score;
  console.log([r.id, r.encoding, `${s.records.out}/${s.records.gold}`, s.all.gold, pct(s.all.precision), pct(s.all.recall), pct(s.all.f1), pct(s.findings.precision), pct(s.findings.recall), r.findingsEqual ? 'yes' : 'NO', r.infoEqual ? 'yes' : 'no', r.ms.toFixed(1)].join('\t'));
}
// Pending fixtures (a reader still to come) are reported, not scored against any bar.
const pendingOf = new Map(readManifest().filter((e) => e.pending).map((e) => [e.id, e.pending!]));
const scored = rows.filter((r) => !pendingOf.has(r.id));
const base = scored.filter((r) => r.encoding === 'utf-8' || r.encoding === 'as-is');
const overall = combineScores(base.map((r) => r.score));
const everything = combineScores(scored.map((r) => r.score));
console.log(`\noverall (${base.length} documents): facts P ${pct(overall.all.precision)} R ${pct(overall.all.recall)} F1 ${pct(overall.all.f1)}; findings P ${pct(overall.findings.precision)} R ${pct(overall.findings.recall)}`);
console.log(`overall incl. re-encodings (${scored.length} runs): F1 ${pct(everything.all.f1)}; findings P ${pct(everything.findings.precision)} R ${pct(everything.findings.recall)}`);
// Known-weak fixtures (a `minF1` floor in the manifest) are reported against the bar but only fail
// the run when they fall below their floor; the overall bar is over the others.
const floors = new Map(readManifest().filter((e) => e.minF1 !== undefined).map((e) => [e.id, e.minF1!]));
const held = base.filter((r) => !floors.has(r.id));
const heldOverall = combineScores(held.map((r) => r.score));
console.log(`overall without known-weak fixtures (${held.length} documents): F1 ${pct(heldOverall.all.f1)}; findings P ${pct(heldOverall.findings.precision)} R ${pct(heldOverall.findings.recall)}`);
for (const r of scored.filter((x) => floors.has(x.id))) {
  console.log(`known weak: ${r.id} F1 ${pct(r.score.all.f1)} (bar 0.99, floor ${floors.get(r.id)})${r.findingsEqual ? '' : ', findings differ'}`);
}
for (const r of rows.filter((x) => pendingOf.has(x.id))) {
  console.log(`pending (${pendingOf.get(r.id)}, not held to the bar): ${r.id} records ${r.score.records.out}/${r.score.records.gold} F1 ${pct(r.score.all.f1)}${r.findingsEqual ? '' : ', findings differ'}`);
}
const failures = [
  heldOverall.all.f1 < 0.995 ? `overall F1 ${pct(heldOverall.all.f1)} < 0.995` : null,
  ...scored.filter((r) => r.score.all.f1 < (floors.get(r.id) ?? 0.99)).map((r) => `${r.id} [${r.encoding}] F1 ${pct(r.score.all.f1)} < ${floors.get(r.id) ?? 0.99}`),
  ...scored.filter((r) => !floors.has(r.id) && !r.findingsEqual).map((r) => `${r.id} [${r.encoding}] findings differ from golden`),
].filter(Boolean);
const exceptions = [floors.size ? `${floors.size} known-weak fixtures, above their floors` : '', pendingOf.size ? `${pendingOf.size} pending fixtures, not scored` : ''].filter(Boolean);
console.log(failures.length ? `\nFAIL\n${failures.join('\n')}` : `\nPASS: every bar met${exceptions.length ? ` (except ${exceptions.join('; ')})` : ''}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ rows, overall, everything }, null, 2));
process.exitCode = failures.length ? 1 : 0;

/** Info findings (deviation.missing) are not scored by the reference scorer; reported here as equal or not. */
function sameInfo(golden: Record<string, unknown>, output: Record<string, unknown> | undefined): boolean {
  const key = (r: Record<string, unknown> | undefined) =>
    ((r?.findings ?? []) as Array<Record<string, unknown>>)
      .filter((f) => f.severity === 'info')
      .map((f) => `${f.rule}@${f.field}`)
      .sort()
      .join(',');
  return key(golden) === key(output);
}
