/**
 * The survey fixtures (fixtures/survey/, layouts of published forms) against their expected records:
 * per fixture and input kind, forms found / expected, fact F1, and the error/warning findings that
 * differ from the expected ones (rule@field), false ones (`+`) and missed ones (`-`). `ocr.*`/`read.*`
 * findings are the reader's doubt and are listed apart. A quick look while pipelines/ learns these
 * layouts; `npm run bench:accuracy` reports the same fixtures among all the others.
 *
 *   npx tsx scripts/bench-survey.ts [--verbose] [--json out.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/extract.js';
import { FIXTURES_DIR, readJsonl, readManifest } from './lib/manifest.js';
import { combineScores, scoreRecords, type Score } from './lib/score-records.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

type Json = Record<string, unknown>;
const key = (f: Json) => `${String(f.rule)}@${String(f.field)}`;
const accusations = (recs: Json[]) =>
  recs.flatMap((r, k) => ((r.findings ?? []) as Json[]).filter((f) => f.severity !== 'info' && !/^(ocr|read)\./.test(String(f.rule))).map((f) => `${k}:${key(f)}`));
const doubts = (recs: Json[]) => recs.flatMap((r, k) => ((r.findings ?? []) as Json[]).filter((f) => /^(ocr|read)\./.test(String(f.rule))).map((f) => `${k}:${key(f)}`));

interface Row {
  id: string;
  kind: string;
  records: string;
  f1: number;
  score: Score;
  falseFindings: string[];
  missedFindings: string[];
  doubts: string[];
  error?: string;
}
const rows: Row[] = [];
for (const entry of readManifest().filter((e) => e.file.startsWith('survey/') && e.golden)) {
  const golden = readJsonl(join(FIXTURES_DIR, entry.golden!));
  let output: Json[] = [];
  let error: string | undefined;
  try {
    const result = await extract(readFileSync(join(FIXTURES_DIR, entry.file)), entry.file.split('/').pop()!);
    output = result.records.map(({ provenance: _p, ...r }) => r as Json);
  } catch (err) {
    error = `${(err as { code?: string }).code ?? ''} ${(err as Error).message}`.trim();
  }
  const { score, misses } = scoreRecords(golden, output);
  const want = accusations(golden);
  const got = accusations(output);
  rows.push({
    id: entry.id.replace(/^survey\//, '').replace(/\.xlsx$/, ''),
    kind: entry.kind,
    records: `${output.length}/${golden.length}`,
    f1: score.all.f1,
    score,
    falseFindings: got.filter((f) => !want.includes(f)),
    missedFindings: want.filter((f) => !got.includes(f)),
    doubts: doubts(output),
    ...(error ? { error } : {}),
  });
  if (verbose) for (const m of misses) console.log(`  MISS ${entry.id} ${String(m.projectName)} ${m.key}: golden ${JSON.stringify(m.golden)} output ${JSON.stringify(m.output)}`);
}

console.log(['fixture', 'kind', 'forms', 'F1', 'header', 'funds', 'indicators', 'extra', 'false findings', 'missed findings', 'doubt'].join('\t'));
for (const r of rows) {
  const s = r.score;
  console.log(
    [r.id, r.kind, r.records, r.f1.toFixed(4), s.header.f1.toFixed(2), s.funds.f1.toFixed(2), s.indicators.f1.toFixed(2), s.extra.f1.toFixed(2),
      r.falseFindings.map((f) => `+${f}`).join(' ') || '—', r.missedFindings.map((f) => `-${f}`).join(' ') || '—', r.error ?? (r.doubts.join(' ') || '—')].join('\t'),
  );
}
for (const kind of ['text', 'xlsx']) {
  const sel = rows.filter((r) => r.kind === kind);
  const all = combineScores(sel.map((r) => r.score));
  const found = sel.reduce((n, r) => n + Number(r.records.split('/')[0]), 0);
  const gold = sel.reduce((n, r) => n + Number(r.records.split('/')[1]), 0);
  console.log(
    `\n${kind}: ${sel.length} files, forms ${found}/${gold}, facts P ${all.all.precision.toFixed(4)} R ${all.all.recall.toFixed(4)} F1 ${all.all.f1.toFixed(4)}; ` +
      `false error/warning findings ${sel.reduce((n, r) => n + r.falseFindings.length, 0)}, missed ${sel.reduce((n, r) => n + r.missedFindings.length, 0)}`,
  );
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 2));
