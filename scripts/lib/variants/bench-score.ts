/**
 * Scoring of the variant benchmark: one row per (variant, input kind) with its fact score, the
 * findings it matched, missed and made up, and the roll-ups the bench prints (per kind, planted
 * errors, false accusations, the dimension values failing variants share).
 */
import { combineScores, scoreRecords, type Miss, type Score } from '../score-records.js';
import { scoredKeys } from './findings.js';
import type { Finding, TruthRecord } from './truth.js';
import type { InputKind } from './write-variant.js';

type Json = Record<string, unknown>;

export interface FileRow {
  id: string;
  kind: InputKind;
  dimensions: Record<string, string>;
  planted: string | null;
  score: Score;
  misses: Miss[];
  /** A JixiaoError code when the file could not be read. */
  error: string | null;
  formsOut: number;
  formFound: boolean;
  expectedKeys: string[];
  outputKeys: string[];
  plantedKeys: string[];
  plantedHit: string[];
  /** Output error findings on a variant without a planted error that the truth does not have. */
  falseAccusations: string[];
  ms: number;
}

function multiset(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Scores one file's output against its truth. */
export function scoreFile(args: {
  id: string;
  kind: InputKind;
  dimensions: Record<string, string>;
  planted: string | null;
  plantedKeys: string[];
  truth: TruthRecord;
  output: Json[];
  error: string | null;
  ms: number;
}): FileRow {
  const { truth, output } = args;
  const { score, misses } = scoreRecords([truth as unknown as Json], output);
  // The output record paired with the truth (same family and project, else the first).
  const same = output.find((o) => o.formType === truth.formType && o.projectName === truth.projectName) ?? output.find((o) => o.formType === truth.formType) ?? output[0];
  const expectedKeys = scoredKeys(truth.findings);
  const outputKeys = same ? scoredKeys((same.findings ?? []) as Finding[]) : [];
  const strayKeys = output.filter((o) => o !== same).flatMap((o) => scoredKeys((o.findings ?? []) as Finding[]));
  const out = multiset(outputKeys);
  const plantedHit = args.plantedKeys.filter((k) => (out.get(k) ?? 0) > 0);
  const expected = multiset(expectedKeys);
  const errorsOut = [
    ...(same ? ((same.findings ?? []) as Finding[]) : []),
    ...output.filter((o) => o !== same).flatMap((o) => (o.findings ?? []) as Finding[]),
  ].filter((f) => f.severity === 'error' && !/^(ocr|read)\./.test(f.rule));
  const falseAccusations = args.planted ? [] : errorsOut.map((f) => `${f.rule}@${f.field}`).filter((k) => {
    const n = expected.get(k) ?? 0;
    if (n > 0) {
      expected.set(k, n - 1);
      return false;
    }
    return true;
  });
  return {
    id: args.id,
    kind: args.kind,
    dimensions: args.dimensions,
    planted: args.planted,
    score,
    misses,
    error: args.error,
    formsOut: output.length,
    formFound: output.some((o) => o.formType === truth.formType),
    expectedKeys,
    outputKeys: [...outputKeys, ...strayKeys.map((k) => `stray:${k}`)],
    plantedKeys: args.plantedKeys,
    plantedHit,
    falseAccusations,
    ms: args.ms,
  };
}

/** Matched output findings (rule@field, as multisets) of a row. */
function findingHits(row: FileRow): { out: number; hit: number; gold: number } {
  const gold = multiset(row.expectedKeys);
  let hit = 0;
  for (const k of row.outputKeys) {
    const n = gold.get(k) ?? 0;
    if (n > 0) {
      gold.set(k, n - 1);
      hit++;
    }
  }
  return { out: row.outputKeys.length, hit, gold: row.expectedKeys.length };
}

export interface KindSummary {
  kind: InputKind;
  files: number;
  facts: ReturnType<typeof combineScores>['all'];
  formsFound: number;
  formsExtra: number;
  unreadable: number;
  findings: { precision: number; recall: number; out: number; hit: number; gold: number };
  planted: { total: number; hit: number; recall: number };
  falseAccusations: number;
  ms: number;
}

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 10000 : 1);

export function summarize(kind: InputKind | 'all', rows: readonly FileRow[]): KindSummary {
  const facts = combineScores(rows.map((r) => r.score)).all;
  const f = rows.map(findingHits).reduce((a, b) => ({ out: a.out + b.out, hit: a.hit + b.hit, gold: a.gold + b.gold }), { out: 0, hit: 0, gold: 0 });
  const plantedTotal = rows.reduce((n, r) => n + r.plantedKeys.length, 0);
  const plantedHit = rows.reduce((n, r) => n + r.plantedHit.length, 0);
  return {
    kind: kind as InputKind,
    files: rows.length,
    facts,
    formsFound: rows.filter((r) => r.formFound).length,
    formsExtra: rows.reduce((n, r) => n + Math.max(0, r.formsOut - 1), 0),
    unreadable: rows.filter((r) => r.error).length,
    findings: { precision: ratio(f.hit, f.out), recall: ratio(f.hit, f.gold), ...f },
    planted: { total: plantedTotal, hit: plantedHit, recall: ratio(plantedHit, plantedTotal) },
    falseAccusations: rows.reduce((n, r) => n + r.falseAccusations.length, 0),
    ms: rows.reduce((n, r) => n + r.ms, 0),
  };
}

export interface DimensionStat {
  dimension: string;
  value: string;
  files: number;
  failing: number;
  failRate: number;
  meanF1: number;
  /** Mean F1 of the files with another value of the same dimension. */
  othersF1: number;
}

/**
 * Which dimension values break the reader: for every `dimension=value`, the mean fact F1 of its
 * files against that of the files with another value of the dimension, worst difference first.
 * Values seen on fewer than `minFiles` files are left out.
 */
export function dimensionStats(rows: readonly FileRow[], bar = 0.99, minFiles = 5): DimensionStat[] {
  const mean = (group: readonly FileRow[]) => (group.length ? group.reduce((s, r) => s + r.score.all.f1, 0) / group.length : 1);
  const round = (x: number) => Math.round(x * 10000) / 10000;
  const out: DimensionStat[] = [];
  const dimensions = new Set(rows.flatMap((r) => Object.keys(r.dimensions)));
  for (const dimension of dimensions) {
    const having = rows.filter((r) => dimension in r.dimensions);
    const values = new Set(having.map((r) => r.dimensions[dimension]!));
    if (values.size < 2) continue;
    for (const value of values) {
      const group = having.filter((r) => r.dimensions[dimension] === value);
      if (group.length < minFiles) continue;
      const others = having.filter((r) => r.dimensions[dimension] !== value);
      const failing = group.filter((r) => r.score.all.f1 < bar).length;
      out.push({ dimension, value, files: group.length, failing, failRate: ratio(failing, group.length), meanF1: round(mean(group)), othersF1: round(mean(others)) });
    }
  }
  return out.sort((a, b) => a.meanF1 - a.othersF1 - (b.meanF1 - b.othersF1) || b.files - a.files);
}

/** The fact keys most often missed (`indicators N.target.text` → `indicators.target.text`). */
export function missedFactKinds(rows: readonly FileRow[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const r of rows) for (const m of r.misses) {
    const key = m.key.replace(/ \d+\./, ' ').replace(/ x\d+\./, ' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}
