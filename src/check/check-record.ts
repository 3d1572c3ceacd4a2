import { Decimal } from 'decimal.js';
import type { CheckContext } from './rule.js';
import { runChecks } from './run-checks.js';
import { flagDoubtfulOcr } from './ocr-doubtful.js';
import type { ReadingNote } from '../forms/draft.js';
import { FUND_SOURCES, type Finding, type Record } from '../schema/record.js';

/**
 * The check stage, with the reader checking itself first. A finding of an arithmetic rule accuses the
 * publisher, so it is only reported on a reading that passed its own checks:
 * - the forms stage's notes (a funds grid whose values fit another placement as well, a part printed
 *   but not read) become `read.doubtful` / `read.incomplete`;
 * - every value is held to its column's type: 分值, 得分 and totals are points (at most 100, or 1000
 *   for a total, with few decimals), a rate at most 1000% — a value that is not (`2.433577` under 分值)
 *   was read from the wrong column;
 * - items that all score above their weight had their 分值 and 得分 columns read the wrong way round.
 * The findings that rest on a doubtful part are not reported; its `read.doubtful` finding says which
 * checks were left out. Values read by OCR get their `ocr.doubtful` findings here too.
 */
export function checkRecord(record: Record, notes: readonly ReadingNote[], ctx: CheckContext, names?: readonly string[]): Finding[] {
  record.findings = runChecks(record, ctx, names);
  if (record.source.method === 'ocr') record.findings.push(...flagDoubtfulOcr(record, ctx, names));
  const doubts = [...notes.filter((n) => n.kind === 'doubtful'), ...typeDoubts(record)];
  const kept: Finding[] = [];
  const withheld = new Map<string, string[]>();
  for (const finding of record.findings) {
    const doubt = finding.rule.startsWith('ocr.') ? undefined : doubts.find((d) => basisOf(finding).some((b) => overlaps(d.field, b)));
    if (!doubt) kept.push(finding);
    else withheld.set(doubt.field, [...(withheld.get(doubt.field) ?? []), `${finding.rule} on ${finding.field}`]);
  }
  const seen = new Set<string>();
  const reader: Finding[] = [];
  for (const doubt of doubts) {
    if (seen.has(doubt.field)) continue;
    seen.add(doubt.field);
    const left = withheld.get(doubt.field);
    reader.push({
      rule: 'read.doubtful',
      severity: 'warning',
      field: doubt.field,
      expected: null,
      found: valueAt(record, doubt.field),
      message: left ? `${doubt.message}; not reported as errors of the form: ${left.join(', ')}` : doubt.message,
    });
  }
  for (const note of notes.filter((n) => n.kind === 'incomplete')) {
    reader.push({ rule: 'read.incomplete', severity: 'warning', field: note.field, expected: null, found: null, message: note.message });
  }
  return [...kept, ...reader];
}

/** The parts of a record a finding's arithmetic reads. */
function basisOf(finding: Finding): string[] {
  switch (finding.rule) {
    case 'funds.sum':
      return ['funds'];
    case 'funds.rate':
    case 'funds.score':
      return [finding.field.split('.').slice(0, 2).join('.')];
    case 'total.weight':
      return ['totalWeight', 'indicators', 'funds.total'];
    case 'total.score':
      return ['totalScore', 'indicators', 'funds.total'];
    case 'category.weight':
      return ['indicators'];
    case 'grade.mismatch':
      return ['grade', 'totalScore'];
    default: {
      const item = /^indicators\[\d+\]/.exec(finding.field);
      return [item ? item[0] : finding.field];
    }
  }
}

/** Whether two record paths name overlapping parts (`funds` and `funds.total.weight`, `indicators` and `indicators[2]`). */
function overlaps(a: string, b: string): boolean {
  const within = (x: string, y: string) => x === y || x.startsWith(`${y}.`) || x.startsWith(`${y}[`);
  return within(a, b) || within(b, a);
}

const POINTS_MAX = new Decimal(100);
const TOTAL_MAX = new Decimal(1000);

function decimalsOf(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/** Points as forms print them: at most `max`, at most three decimals. */
function isPoints(value: string | null | undefined, max = POINTS_MAX): boolean {
  return value == null || (new Decimal(value).lte(max) && decimalsOf(value) <= 3);
}

function typeDoubts(record: Record): ReadingNote[] {
  const out: ReadingNote[] = [];
  const doubt = (field: string, message: string) => out.push({ kind: 'doubtful', field, message });
  for (const source of FUND_SOURCES) {
    const row = record.funds?.[source];
    if (!row) continue;
    for (const key of ['weight', 'score'] as const) {
      if (!isPoints(row[key])) doubt(`funds.${source}.${key}`, `${row[key]} read as the funds ${key === 'weight' ? '分值' : '得分'} is not points (at most 100, few decimals): read from another column`);
    }
    if (row.executionRate != null && new Decimal(row.executionRate).gt(TOTAL_MAX)) {
      doubt(`funds.${source}.executionRate`, `${row.executionRate}% read as the execution rate is no rate: read from another column`);
    }
  }
  record.indicators.forEach((indicator, i) => {
    for (const key of ['weight', 'score', 'level1Weight', 'level2Weight'] as const) {
      if (!isPoints(indicator[key])) doubt(`indicators[${i}].${key}`, `${indicator[key]} read as ${key === 'score' ? '得分' : '分值'} is not points (at most 100, few decimals): read from another column`);
    }
  });
  for (const key of ['totalWeight', 'totalScore'] as const) {
    if (!isPoints(record[key], TOTAL_MAX)) doubt(key, `${record[key]} read as the ${key === 'totalWeight' ? 'total 分值' : 'total 得分'} is not points: read from another column`);
  }
  const both = record.indicators.filter((i) => i.weight != null && i.score != null);
  if (both.length >= 3 && both.every((i) => new Decimal(i.score!).gt(i.weight!))) {
    doubt('indicators', `every item scores above its weight (${both.length} of ${both.length}): the 分值 and 得分 columns were likely read the wrong way round`);
  }
  return out;
}

/** The value at a record path, as a string, for `found`; null for a part (an object) or nothing. */
function valueAt(record: Record, path: string): string | null {
  let value: unknown = record;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (value == null || typeof value !== 'object') return null;
    value = (value as { [k: string]: unknown })[part];
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}
