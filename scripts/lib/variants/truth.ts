/**
 * The truth of a variant: the base record as the drawn layout prints it. Everything a layout
 * changes about what is printed (title, year, unit, which columns exist, category weights in the
 * labels, a blank total score) is applied here, so the layouts print the truth and nothing else.
 */
import { Decimal } from 'decimal.js';
import type { Choices } from './choices.js';
import type { Measure } from './measures.js';
import { splitRow } from './measures.js';

export interface FundsRow {
  initialBudget?: string | null;
  annualBudget?: string | null;
  executed?: string | null;
  requested?: string | null;
  previousYearBudget?: string | null;
  weight?: string | null;
  executionRate?: string | null;
  score?: string | null;
}

export const SOURCES = ['total', 'currentYear', 'carryOver', 'other'] as const;
export type Source = (typeof SOURCES)[number];

export interface Indicator {
  level1: string | null;
  level1Weight?: string | null;
  level2: string | null;
  level2Weight?: string | null;
  level3: string | null;
  explanation: string | null;
  target: Measure | null;
  actual: Measure | null;
  weight: string | null;
  score: string | null;
  deviation: string | null;
  /** The printed 指标性质, when the form has that column. */
  nature?: string | null;
  /** Other printed indicator columns, keyed by their header. */
  extra?: Record<string, string | null>;
}

export interface Finding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  field: string;
  expected: string | null;
  found: string | null;
  message: string;
}

export interface TruthRecord {
  formType: Choices['family'];
  title: string;
  year: number | null;
  projectName: string | null;
  department: string | null;
  implementingUnit: string | null;
  amountUnit: '元' | '万元' | null;
  funds: Record<Source, FundsRow | null> | null;
  goal: { planned: string | null; achieved: string | null } | null;
  indicators: Indicator[];
  totalWeight: string | null;
  totalScore: string | null;
  grade: string | null;
  extra: Record<string, string | null>;
  findings: Finding[];
  source: { file: string; pages: number[]; method: 'text' | 'pdf-text' | 'ocr' | 'xlsx' };
}

/** What a layout prints beside the truth: the 度量单位 cell of each indicator row. */
export interface PrintPlan {
  unitCells: Array<string | null>;
  /** The title cell as printed (annex prefix included when inline), or null without a title row. */
  titleCell: string | null;
}

/** The indicator columns a self-evaluation or goal form may add, and their printed headers. */
export const NOTE_HEADER = '指标值说明';
export const CRITERIA_HEADER = '评分标准';
const NOTES = ['按年度计划测算', '依据实施方案确定', '参照上年完成情况', null];
const CRITERIA = ['完成得满分', '未完成按比例得分', '达到指标值得满分，否则酌情扣分', null];

export function cloneRecord<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The printed title (whitespace removed, year as printed, no annex prefix). */
export function printedTitle(choices: Choices, year: number | null): string {
  if (!choices.titleRow) return '';
  const words = choices.titleWords;
  switch (choices.yearPlace) {
    case 'title-paren':
      return `${words}(${year}年度)`;
    case 'title-paren-full':
      return `${words}（${year}年）`;
    case 'title-prefix':
      return `${year}年度${words}`;
    default:
      return words;
  }
}

/** Runs of consecutive indicators sharing a key (null keys make runs of their own). */
export function runsOf<T>(items: readonly T[], key: (t: T) => string | null): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number; key: string | null }> = [];
  items.forEach((item, k) => {
    const value = key(item);
    const last = out[out.length - 1];
    if (last && value !== null && last.key === value) last.to = k;
    else out.push({ from: k, to: k, key: value });
  });
  return out;
}

function sumWeights(items: readonly Indicator[]): string | null {
  if (items.some((i) => i.weight == null)) return null;
  return items.reduce((sum, i) => sum.plus(i.weight!), new Decimal(0)).toFixed();
}

/** Category weights printed in the 一级/二级 labels (`产出指标(50分)`): the sum of their items' weights. */
function addCategoryWeights(indicators: Indicator[]): void {
  for (const run of runsOf(indicators, (i) => i.level1)) {
    const items = indicators.slice(run.from, run.to + 1);
    const w = items[0]!.level1 == null ? null : sumWeights(items);
    if (w !== null) for (const i of items) i.level1Weight = w;
  }
  for (const run of runsOf(indicators, (i) => (i.level2 == null ? null : `${i.level1}\u0000${i.level2}`))) {
    const items = indicators.slice(run.from, run.to + 1);
    const w = items[0]!.level2 == null ? null : sumWeights(items);
    if (w !== null) for (const i of items) i.level2Weight = w;
  }
}

/** The truth record and print plan of a base record under a layout. */
export function deriveTruth(base: TruthRecord, choices: Choices): { truth: TruthRecord; plan: PrintPlan } {
  const truth = cloneRecord(base);
  truth.findings = [];
  truth.year = choices.yearPlace === 'absent' ? null : base.year;
  truth.title = printedTitle(choices, base.year);
  truth.amountUnit = base.amountUnit === null ? null : choices.unit;
  const family = choices.family;

  if (family === 'project-self-evaluation' && truth.funds && !choices.initialBudgetColumn) {
    for (const source of SOURCES) if (truth.funds[source]) delete truth.funds[source]!.initialBudget;
  }
  if (family === 'project-self-evaluation') {
    for (const i of truth.indicators) {
      delete i.level1Weight;
      delete i.level2Weight;
    }
    if (choices.categoryWeights !== 'none') addCategoryWeights(truth.indicators);
  }
  if (family === 'project-self-assessment' && choices.categoryWeights === 'none') {
    for (const i of truth.indicators) delete i.level1Weight;
  }
  if (choices.totalScoreBlank) truth.totalScore = null;

  const unitCells: Array<string | null> = truth.indicators.map(() => null);
  if (family === 'project-self-evaluation' || family === 'project-goal-declaration') {
    const nature = choices.natureColumn;
    const unit = family === 'project-goal-declaration' && choices.unitColumn === 'after-actual' ? 'after-target' : choices.unitColumn;
    if (nature !== 'none' || unit !== 'none') {
      truth.indicators.forEach((indicator, k) => {
        const row = splitRow(indicator.target, indicator.actual, nature, unit);
        indicator.target = row.target;
        indicator.actual = row.actual;
        if (nature !== 'none') indicator.nature = row.nature;
        unitCells[k] = row.unitCell;
      });
    }
    const criteria = family === 'project-self-evaluation' && choices.criteriaColumn;
    if (choices.noteColumn || criteria) {
      truth.indicators.forEach((indicator, k) => {
        indicator.extra = {};
        if (choices.noteColumn) indicator.extra[NOTE_HEADER] = NOTES[k % NOTES.length]!;
        if (criteria) indicator.extra[CRITERIA_HEADER] = CRITERIA[k % CRITERIA.length]!;
      });
    }
  }
  const titleCell = choices.titleRow ? `${choices.annexPlace === 'inline' ? choices.annex : ''}${truth.title}` : null;
  return { truth, plan: { unitCells, titleCell } };
}
