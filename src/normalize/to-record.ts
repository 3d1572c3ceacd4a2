import type { FormDraft, Raw } from '../forms/draft.js';
import { unitInLabel, unitValue } from '../forms/labels.js';
import {
  FUND_SOURCES,
  type FundKey,
  type FundsRow,
  type Indicator,
  type Record,
} from '../schema/record.js';
import { parseMeasure } from './measure.js';
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

  const funds: Record['funds'] =
    draft.funds.size === 0
      ? null
      : Object.fromEntries(
          FUND_SOURCES.map((source) => {
            const row = draft.funds.get(source);
            if (!row) return [source, null];
            const out: FundsRow = {};
            for (const [key, raw] of row) {
              const path = `funds.${source}.${key}`;
              const value = AMOUNT_KEYS.has(key)
                ? parseAmount(raw?.text, unit)
                : key === 'executionRate'
                  ? parsePercent(raw?.text)
                  : parseScore(raw?.text);
              out[key] = keep(path, raw, value);
            }
            return [source, out];
          }),
        ) as Record['funds'];

  const indicators: Indicator[] = draft.indicators.map((d, i) => {
    const p = `indicators[${i}]`;
    const indicator: Indicator = {
      level1: text(`${p}.level1`, d.level1),
      level2: text(`${p}.level2`, d.level2),
      level3: text(`${p}.level3`, d.level3),
      explanation: text(`${p}.explanation`, d.explanation),
      target: keep(`${p}.target`, d.target, parseMeasure(d.target?.text)),
      actual: keep(`${p}.actual`, d.actual, parseMeasure(d.actual?.text)),
      weight: keep(`${p}.weight`, d.weight, parseScore(d.weight?.text)),
      score: keep(`${p}.score`, d.score, parseScore(d.score?.text)),
      deviation: text(`${p}.deviation`, d.deviation),
    };
    const level1Weight = keep(`${p}.level1Weight`, d.level1Weight, parseScore(d.level1Weight?.text));
    const level2Weight = keep(`${p}.level2Weight`, d.level2Weight, parseScore(d.level2Weight?.text));
    if (level1Weight !== null) indicator.level1Weight = level1Weight;
    if (level2Weight !== null) indicator.level2Weight = level2Weight;
    return indicator;
  });

  const extra: Record['extra'] = {};
  for (const { label, value } of draft.extra) extra[label] = text(`extra.${label}`, value);

  const field = (name: 'projectName' | 'department' | 'implementingUnit' | 'grade') => text(name, draft.fields.get(name));
  return {
    formType: draft.definition.formType,
    title: removeWhitespace(draft.title.text),
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
}

function readUnit(raw: Raw | null): AmountUnit | null {
  if (!raw) return null;
  return unitInLabel(raw.text) ?? unitValue(raw.text);
}

function readYear(raw: Raw | null): number | null {
  const m = raw ? /(\d{4})\s*年/.exec(raw.text) ?? /(\d{4})/.exec(raw.text) : null;
  return m ? Number(m[1]) : null;
}
