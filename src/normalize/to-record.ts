import type { FormDraft, Raw } from '../forms/draft.js';
import { unitInLabel, unitValue } from '../forms/labels.js';
import {
  FUND_SOURCES,
  type FundKey,
  type FundsRow,
  type Indicator,
  type Measure,
  type Record,
} from '../schema/record.js';
import { comparatorOf, parseMeasure } from './measure.js';
import { ANNEX_PREFIX } from '../forms/titles.js';
import { parseAmount, parsePercent, parseScore, type AmountUnit } from './number.js';
import { normalizeTextValue, removeWhitespace } from './text.js';

const AMOUNT_KEYS: ReadonlySet<FundKey> = new Set(['initialBudget', 'annualBudget', 'executed', 'requested', 'previousYearBudget']);

/**
 * Normalizes a draft into a contract record (findings empty; the check stage fills them): amounts to
 * 元 with decimal.js, percentages without the sign, comparators parsed, whitespace removed from text.
 * Every value that came from the form records where it was read in `provenance`.
 */
export function draftToRecord(draft: FormDraft): Record {
  const provenance: Record['provenance'] = {};
  const keep = <T>(path: string, raw: Raw | null | undefined, value: T | null): T | null => {
    if (raw && value !== null) provenance[path] = raw.prov;
    return value;
  };
  const unit = readUnit(draft.unit);
  const text = (path: string, raw: Raw | null | undefined) => keep(path, raw, normalizeTextValue(raw?.text));

  const fundsRow = (prefix: string, row: Map<FundKey, Raw | null>): FundsRow => {
    const out: FundsRow = {};
    for (const [key, raw] of row) {
      const value = AMOUNT_KEYS.has(key) ? parseAmount(raw?.text, unit) : key === 'executionRate' ? parsePercent(raw?.text) : parseScore(raw?.text);
      out[key] = keep(`${prefix}.${key}`, raw, value);
    }
    return out;
  };
  const funds: Record['funds'] =
    draft.funds.size === 0
      ? null
      : (Object.fromEntries(
          FUND_SOURCES.map((source) => {
            const row = draft.funds.get(source);
            return [source, row ? fundsRow(`funds.${source}`, row) : null];
          }),
        ) as Record['funds']);

  const indicators: Indicator[] = draft.indicators.map((d, i) => {
    const p = `indicators[${i}]`;
    const nature = normalizeTextValue(d.nature?.text);
    const measureUnit = normalizeTextValue(d.unit?.text);
    const measure = (raw: Raw | null) => withColumns(parseMeasure(raw?.text), nature, measureUnit);
    const indicator: Indicator = {
      level1: text(`${p}.level1`, d.level1),
      level2: text(`${p}.level2`, d.level2),
      level3: text(`${p}.level3`, d.level3),
      explanation: text(`${p}.explanation`, d.explanation),
      target: keep(`${p}.target`, d.target, measure(d.target)),
      actual: keep(`${p}.actual`, d.actual, measure(d.actual)),
      weight: keep(`${p}.weight`, d.weight, parseScore(d.weight?.text)),
      score: keep(`${p}.score`, d.score, parseScore(d.score?.text)),
      deviation: text(`${p}.deviation`, d.deviation),
    };
    const level1Weight = keep(`${p}.level1Weight`, d.level1Weight, parseScore(d.level1Weight?.text));
    const level2Weight = keep(`${p}.level2Weight`, d.level2Weight, parseScore(d.level2Weight?.text));
    if (level1Weight !== null) indicator.level1Weight = level1Weight;
    if (level2Weight !== null) indicator.level2Weight = level2Weight;
    if (draft.indicatorColumns?.has('nature')) indicator.nature = text(`${p}.nature`, d.nature);
    if (d.extra.length) indicator.extra = Object.fromEntries(d.extra.map(({ label, value }) => [label, text(`${p}.extra.${label}`, value)]));
    return indicator;
  });

  const extra: Record['extra'] = {};
  for (const { label, value } of draft.extra) extra[label] = text(`extra.${label}`, value);

  const field = (name: 'projectName' | 'department' | 'implementingUnit' | 'grade') => text(name, draft.fields.get(name));
  const record: Record = {
    formType: draft.definition.formType,
    title: draft.title ? printedTitle(draft.title.text) : '',
    year: keep('year', draft.year, readYear(draft.year)),
    projectName: field('projectName'),
    department: field('department'),
    implementingUnit: field('implementingUnit'),
    amountUnit: keep('amountUnit', draft.unit, unit),
    funds,
    goal: draft.goal ? { planned: text('goal.planned', draft.goal.planned), achieved: text('goal.achieved', draft.goal.achieved) } : null,
    indicators,
    totalWeight: keep('totalWeight', draft.totalWeight, parseScore(draft.totalWeight?.text)),
    totalScore: keep('totalScore', draft.totalScore, parseScore(draft.totalScore?.text)),
    grade: field('grade'),
    extra,
    findings: [],
    source: { file: draft.file, pages: draft.pages, method: draft.method },
    provenance,
  };
  if (draft.otherFunds.size) {
    record.otherFundSources = Object.fromEntries([...draft.otherFunds].map(([label, row]) => [label, fundsRow(`otherFundSources.${label}`, row)]));
  }
  return record;
}

/** The title as printed, whitespace removed, without an annex prefix (`附件1：`, `附表2`). */
function printedTitle(text: string): string {
  return removeWhitespace(text).replace(ANNEX_PREFIX, '');
}

/**
 * Forms that print 指标性质 and 度量单位 in columns of their own: a target or actual that prints a
 * number but no comparator or unit takes them from those columns (`text` stays as printed).
 */
function withColumns(measure: Measure | null, nature: string | null, unit: string | null): Measure | null {
  if (!measure || measure.value === null) return measure;
  const op = measure.op ?? (nature ? comparatorOf(nature) : null);
  return { ...measure, op, unit: measure.unit ?? unit };
}

function readUnit(raw: Raw | null): AmountUnit | null {
  if (!raw) return null;
  return unitInLabel(raw.text) ?? unitValue(raw.text);
}

function readYear(raw: Raw | null): number | null {
  const m = raw ? /(\d{4})\s*年/.exec(raw.text) ?? /(\d{4})/.exec(raw.text) : null;
  return m ? Number(m[1]) : null;
}
