/**
 * Out-of-sample benchmark: renders the golden and hand-made records into random layouts
 * (scripts/lib/variants), reads every file with the project's own extraction, and scores it
 * against the truth. Not run by CI (a few minutes for 300 variants on 2 cores).
 *
 *   npm run bench:variants -- --seed 1 --count 300 [--out DIR] [--keep] [--json out.json] [--kinds xlsx,pdf,txt] [--plant-rate 0.35] [--control | --ablate N]
 *
 * Prints, per input kind, fact P/R/F1 and forms found; findings precision/recall; recall of the
 * planted errors; error findings on variants without one (false accusations); the dimension values
 * failing files share; the worst 15 files with their dimensions and missed facts. Exits 1 when a
 * bar is missed: fact F1 ≥ 0.99 on xlsx and on pdf, planted recall 1.0, findings precision ≥ 0.98,
 * no false accusation. Without LibreOffice (`soffice`) PDFs are skipped, and said so.
 * `--ablate N` lays out N self-evaluation variants per value of every dimension in the control
 * layout with only that dimension changed, and prints a table of which single change breaks what.
 * `--control` lays every variant out as the current fixtures are (only fonts, page and planted
 * errors drawn): a check of the generator itself, whose truth a fixture-level reader should meet.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractBatch } from '../src/runtime/extract-batch.js';
import { dimensionStats, missedFactKinds, scoreFile, summarize, type FileRow, type KindSummary } from './lib/variants/bench-score.js';
import { describeChoices, dimensionDomains, type Choices } from './lib/variants/choices.js';
import { baseFacts } from './lib/variants/make-variant.js';
import { Rng } from './lib/variants/prng.js';
import { loadBases } from './lib/variants/sources.js';
import { generateVariants, type Generated } from './lib/variants/generate.js';
import type { InputKind } from './lib/variants/write-variant.js';

const argv = process.argv.slice(2);
const value = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const numberArg = (name: string, fallback: number) => {
  const raw = value(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new TypeError(`Expected \`${name}\` to be a number, got \`${raw}\``);
  return n;
};
const seed = numberArg('--seed', 1);
let count = numberArg('--count', 300);
const plantRate = numberArg('--plant-rate', 0.35);
const control = argv.includes('--control');
// --ablate N: the control layout with one dimension changed, N self-evaluation variants per value.
const ablate = argv.includes('--ablate') ? numberArg('--ablate', 4) : 0;
const keep = argv.includes('--keep') || value('--out') !== undefined;
const out = value('--out') ? resolve(value('--out')!) : mkdtempSync(join(tmpdir(), 'jixiao-variants-'));
const jsonOut = value('--json');
const wanted = (value('--kinds') ?? 'xlsx,pdf,txt').split(',').map((k) => k.trim()) as InputKind[];
for (const k of wanted) if (!['xlsx', 'pdf', 'txt'].includes(k)) throw new TypeError(`Expected \`--kinds\` to list xlsx, pdf, txt, got \`${k}\``);

const ablations: Array<{ label: string; override: Partial<Choices> }> = [];
if (ablate) {
  const family = 'project-self-evaluation' as const;
  const facts = loadBases().filter((b) => b.record.formType === family).map((b) => baseFacts(b.record));
  for (const [key, values] of dimensionDomains(new Rng(seed, 999_999), facts)) {
    if (key === 'txt') continue;
    for (const v of values) for (let k = 0; k < ablate; k++) ablations.push({ label: `${key}=${String(v)}`, override: { [key]: v, txt: true } });
  }
  count = ablations.length;
}
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
let generated: Generated;
try {
  generated = generateVariants({ seed, count, out, kinds: new Set(wanted), plantRate, control, ...(ablate ? { overrides: ablations.map((a) => a.override), family: 'project-self-evaluation' as const } : {}), log: (l) => console.error(l) });
} catch (err) {
  if (!keep) rmSync(out, { recursive: true, force: true });
  throw err;
}
const { made, kinds } = generated;
console.error(`${made.length} variants generated in ${out} (${seconds()} s)`);

const truthOf = new Map(made.map((m) => [m.variant.id, m]));
const rows: FileRow[] = [];

/** Reads the files of some kinds in one batch (one worker pool: starting one costs seconds). */
async function readAll(wantedKinds: readonly InputKind[]): Promise<void> {
  const files = wantedKinds.flatMap((kind) => made.filter((m) => m.written.files[kind]).map((m) => ({ id: m.variant.id, kind, path: m.written.files[kind]! })));
  if (!files.length) return;
  const t0 = performance.now();
  const outcomes = await extractBatch(files.map((f) => f.path), { concurrency: 2, ocr: false });
  const each = (performance.now() - t0) / files.length;
  outcomes.forEach((outcome, k) => {
    const { id, kind } = files[k]!;
    const { variant } = truthOf.get(id)!;
    const output = 'result' in outcome ? outcome.result.records.map(({ provenance: _p, ...r }) => r as Record<string, unknown>) : [];
    rows.push(
      scoreFile({
        id: variant.id,
        kind,
        dimensions: describeChoices(variant.choices),
        planted: variant.planted?.kind ?? null,
        plantedKeys: variant.plantedKeys,
        truth: variant.truth,
        output,
        error: 'error' in outcome ? outcome.error.code : null,
        ms: each,
      }),
    );
  });
  console.error(`${wantedKinds.join('+')}: ${files.length} files read (${seconds()} s)`);
}

try {
  // LibreOffice converts while the spreadsheets and text exports are read.
  const pdfs = generated.convertPdfs();
  await readAll((['xlsx', 'txt'] as const).filter((k) => kinds.has(k)));
  await pdfs;
  if (kinds.has('pdf')) await readAll(['pdf']);
} finally {
  if (!keep) rmSync(out, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Report.

const pct = (x: number) => x.toFixed(4);
const present = (['xlsx', 'pdf', 'txt'] as const).filter((k) => rows.some((r) => r.kind === k));
const summaries = new Map<InputKind, KindSummary>(present.map((k) => [k, summarize(k, rows.filter((r) => r.kind === k))]));
const all = summarize('all' as InputKind, rows);

console.log(`\nvariant benchmark${control ? ' (control layout)' : ''}: seed ${seed}, ${made.length} variants (${made.filter((m) => m.variant.planted).length} with a planted error), ${rows.length} files`);
console.log(['kind', 'files', 'facts', 'P', 'R', 'F1', 'forms found', 'extra forms', 'unreadable', 'findP', 'findR', 'planted hit', 'false acc.', 's/file'].join('\t'));
for (const s of [...summaries.values(), all]) {
  console.log(
    [s.kind ?? 'all', s.files, s.facts.gold, pct(s.facts.precision), pct(s.facts.recall), pct(s.facts.f1), `${s.formsFound}/${s.files}`, s.formsExtra, s.unreadable,
      pct(s.findings.precision), pct(s.findings.recall), `${s.planted.hit}/${s.planted.total}`, s.falseAccusations, (s.ms / 1000 / Math.max(1, s.files)).toFixed(2)].join('\t'),
  );
}
if (!kinds.has('pdf') && wanted.includes('pdf')) console.log('pdf: skipped (no LibreOffice)');
// Files whose form was not found at all (a title not recognised) hide every other dimension; the
// same figures over the files whose form was found show what breaks once a form is read.
console.log('\nover the files whose form was found:');
for (const kind of present) {
  const found = rows.filter((r) => r.kind === kind && r.formFound);
  const s = summarize(kind, found);
  console.log(`  ${kind}: ${found.length} files, facts P ${pct(s.facts.precision)} R ${pct(s.facts.recall)} F1 ${pct(s.facts.f1)}; files at F1 ≥ 0.99: ${found.filter((r) => r.score.all.f1 >= 0.99).length}; planted ${s.planted.hit}/${s.planted.total}; false accusations ${s.falseAccusations}`);
}

const byKind = (kind: InputKind) => rows.filter((r) => r.kind === kind);
console.log('\nplanted errors by kind of error (hit/planted, over all input kinds):');
const plantedKinds = new Map<string, [number, number]>();
for (const r of rows) if (r.planted) {
  const [h, t] = plantedKinds.get(r.planted) ?? [0, 0];
  plantedKinds.set(r.planted, [h + r.plantedHit.length, t + r.plantedKeys.length]);
}
for (const [k, [h, t]] of [...plantedKinds].sort()) console.log(`  ${k}: ${h}/${t}`);

const accusations = rows.filter((r) => r.falseAccusations.length);
if (accusations.length) {
  console.log('\nfalse accusations (error findings on variants without a planted error):');
  for (const r of accusations.slice(0, 15)) console.log(`  ${r.id} [${r.kind}]: ${r.falseAccusations.join(', ')}`);
  if (accusations.length > 15) console.log(`  … and ${accusations.length - 15} more files`);
}

console.log('\nfacts most often missed (all kinds):');
for (const [key, n] of missedFactKinds(rows).slice(0, 15)) console.log(`  ${n}\t${key}`);

for (const kind of present) {
  for (const [scope, group] of [['all files', byKind(kind)], ['files whose form was found', byKind(kind).filter((r) => r.formFound)]] as const) {
    const stats = dimensionStats(group).filter((s) => s.meanF1 < s.othersF1).slice(0, 15);
    console.log(`\n${kind}, ${scope}: dimension values whose files read worst (mean fact F1 of their files vs the files with another value):`);
    for (const s of stats) console.log(`  ${s.dimension}=${s.value}\tfiles ${s.files}\tmean F1 ${pct(s.meanF1)} vs ${pct(s.othersF1)}\tunder 0.99: ${s.failing}`);
  }
}

if (ablate) {
  // One row per changed dimension value: how the control layout reads with only that change.
  const labelOf = new Map(made.map((m, k) => [m.variant.id, ablations[k]!.label]));
  const groups = new Map<string, FileRow[]>();
  for (const r of rows) groups.set(labelOf.get(r.id)!, [...(groups.get(labelOf.get(r.id)!) ?? []), r]);
  const table = [...groups].map(([label, group]) => {
    const perKind = present.map((k) => {
      const g = group.filter((r) => r.kind === k);
      return g.length ? summarize(k, g) : null;
    });
    const worst = Math.min(...perKind.map((x) => x?.facts.f1 ?? 1));
    return { label, perKind, worst, accusations: group.reduce((n, r) => n + r.falseAccusations.length, 0), planted: group.reduce((n, r) => n + r.plantedKeys.length, 0), hit: group.reduce((n, r) => n + r.plantedHit.length, 0) };
  });
  table.sort((a, b) => a.worst - b.worst || a.label.localeCompare(b.label));
  console.log(`\nablation (control layout with one dimension changed; ${ablate} self-evaluation variants per value): fact F1 per kind, forms found, planted found, false accusations`);
  console.log(['dimension=value', ...present.map((k) => `${k} F1`), ...present.map((k) => `${k} forms`), 'planted', 'false acc.'].join('\t'));
  for (const t of table) {
    console.log([t.label, ...t.perKind.map((x) => (x ? pct(x.facts.f1) : '-')), ...t.perKind.map((x) => (x ? `${x.formsFound}/${x.files}` : '-')), `${t.hit}/${t.planted}`, t.accusations].join('\t'));
  }
}

console.log('\nworst 15 files:');
for (const r of [...rows].sort((a, b) => a.score.all.f1 - b.score.all.f1 || a.id.localeCompare(b.id)).slice(0, 15)) {
  const { variant } = truthOf.get(r.id)!;
  console.log(`\n${r.id} [${r.kind}] F1 ${pct(r.score.all.f1)} (P ${pct(r.score.all.precision)} R ${pct(r.score.all.recall)}), forms ${r.formsOut}/1${r.error ? `, ${r.error}` : ''}${r.planted ? `, planted ${variant.planted!.kind} ${variant.planted!.field} ${variant.planted!.from}→${variant.planted!.to}` : ''}`);
  console.log(`  from ${variant.origin}; ${Object.entries(r.dimensions).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  const facts = r.misses.filter((m) => m.key !== 'findings');
  for (const m of facts.slice(0, 8)) console.log(`  MISS ${m.key}: truth ${JSON.stringify(m.golden)} read ${JSON.stringify(m.output)}`);
  if (facts.length > 8) console.log(`  … ${facts.length - 8} more missed facts`);
  const f = r.misses.find((m) => m.key === 'findings');
  if (f) console.log(`  findings: truth ${JSON.stringify(f.golden)} read ${JSON.stringify(f.output)}`);
}

const failures: string[] = [];
for (const kind of ['xlsx', 'pdf'] as const) {
  const s = summaries.get(kind);
  if (s && s.facts.f1 < 0.99) failures.push(`${kind} fact F1 ${pct(s.facts.f1)} < 0.99`);
}
if (all.planted.recall < 1) failures.push(`planted-error recall ${pct(all.planted.recall)} < 1 (${all.planted.hit}/${all.planted.total})`);
if (all.findings.precision < 0.98) failures.push(`findings precision ${pct(all.findings.precision)} < 0.98`);
if (all.falseAccusations > 0) failures.push(`${all.falseAccusations} error findings on variants without a planted error`);
console.log(failures.length ? `\nFAIL (${seconds()} s)\n${failures.join('\n')}` : `\nPASS: every bar met (${seconds()} s)`);
if (keep) console.log(`files kept in ${out}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ seed, count, plantRate, summaries: Object.fromEntries(summaries), all, dimensions: Object.fromEntries(present.map((k) => [k, dimensionStats(byKind(k))])), rows }, null, 2));
process.exitCode = failures.length ? 1 : 0;
