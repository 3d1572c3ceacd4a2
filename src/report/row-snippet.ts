import { FUND_KEYS, FUND_SOURCES, type FundKey, type FundSource, type Indicator, type Measure, type Record } from '../schema/record.js';
import { escapeHtml } from './escape.js';

const FUND_SOURCE_LABELS: { [K in FundSource]: string } = {
  total: '年度资金总额',
  currentYear: '其中：当年财政拨款',
  carryOver: '上年结转资金',
  other: '其他资金',
};

const FUND_KEY_LABELS: { [K in FundKey]: string } = {
  initialBudget: '年初预算数',
  annualBudget: '全年预算数',
  executed: '全年执行数',
  requested: '资金申请总额',
  previousYearBudget: '上年预算数',
  weight: '分值',
  executionRate: '执行率 %',
  score: '得分',
};

const INDICATOR_COLUMNS = [
  ['level1', '一级指标'],
  ['level2', '二级指标'],
  ['level3', '三级指标'],
  ['target', '指标值'],
  ['actual', '实际完成值'],
  ['weight', '分值'],
  ['score', '得分'],
  ['deviation', '偏差原因'],
] as const;
type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number][0];

const FIELD_LABELS: { [key: string]: string } = {
  totalWeight: '合计分值',
  totalScore: '合计得分',
  grade: '评价等级',
  projectName: '项目名称',
  department: '主管部门',
  implementingUnit: '实施单位',
  amountUnit: '金额单位',
  year: '年度',
  title: '标题',
  'goal.planned': '年度目标',
  'goal.achieved': '实际完成情况',
};

/**
 * The printed row a finding points to, rebuilt from the record as a small HTML table with the
 * field's cell highlighted (`class="hit"`): an indicator's cells for `indicators[k].…`, the funds
 * grid with its row marked for `funds.<source>.<key>`, the totals for `totalWeight`/`totalScore`,
 * else the field's label and value. Amounts are in 元 as in the record.
 */
export function rowSnippet(record: Record, field: string): string {
  const indicator = /^indicators\[(\d+)\]\.(\w+)$/.exec(field);
  if (indicator) {
    const k = Number(indicator[1]);
    const row = record.indicators[k];
    if (row) return indicatorSnippet(row, k, columnOf(indicator[2]!));
  }
  const funds = /^funds\.(\w+)\.(\w+)$/.exec(field);
  if (funds && record.funds && (FUND_SOURCES as readonly string[]).includes(funds[1]!)) {
    return fundsSnippet(record, funds[1] as FundSource, funds[2]!);
  }
  if (field === 'totalWeight' || field === 'totalScore' || field === 'grade') return totalsSnippet(record, field);
  return pairSnippet(FIELD_LABELS[field] ?? field, valueAt(record, field));
}

function columnOf(key: string): IndicatorColumn | null {
  if (key === 'level1Weight') return 'level1';
  if (key === 'level2Weight') return 'level2';
  return INDICATOR_COLUMNS.some(([c]) => c === key) ? (key as IndicatorColumn) : null;
}

function indicatorSnippet(row: Indicator, k: number, hit: IndicatorColumn | null): string {
  const text = (column: IndicatorColumn): string => {
    switch (column) {
      case 'level1':
        return withWeight(row.level1, row.level1Weight);
      case 'level2':
        return withWeight(row.level2, row.level2Weight);
      case 'target':
      case 'actual':
        return measureText(row[column]);
      default:
        return row[column] ?? '';
    }
  };
  const head = INDICATOR_COLUMNS.map(([, label]) => `<th>${label}</th>`).join('');
  const cells = INDICATOR_COLUMNS.map(([column]) => cell(text(column), column === hit)).join('');
  return `<table class="row"><caption>indicator ${k + 1}</caption><tr><th>#</th>${head}</tr><tr><th>${k + 1}</th>${cells}</tr></table>`;
}

function fundsSnippet(record: Record, source: FundSource, key: string): string {
  const funds = record.funds!;
  const keys = FUND_KEYS.filter((k) => k === key || FUND_SOURCES.some((s) => funds[s]?.[k] != null));
  const head = keys.map((k) => `<th>${FUND_KEY_LABELS[k]}</th>`).join('');
  const rows = FUND_SOURCES.filter((s) => s === source || funds[s] != null)
    .map((s) => {
      const cells = keys.map((k) => cell(funds[s]?.[k] ?? '', s === source && k === key)).join('');
      return `<tr${s === source ? ' class="hit-row"' : ''}><th>${FUND_SOURCE_LABELS[s]}</th>${cells}</tr>`;
    })
    .join('');
  return `<table class="row"><caption>funds (元)</caption><tr><th></th>${head}</tr>${rows}</table>`;
}

function totalsSnippet(record: Record, field: 'totalWeight' | 'totalScore' | 'grade'): string {
  const columns: Array<['totalWeight' | 'totalScore' | 'grade', string]> = [
    ['totalWeight', '合计分值'],
    ['totalScore', '合计得分'],
    ['grade', '评价等级'],
  ];
  const head = columns.map(([, label]) => `<th>${label}</th>`).join('');
  const cells = columns.map(([key]) => cell(record[key] ?? '', key === field)).join('');
  return `<table class="row"><caption>totals (${record.indicators.length} indicators)</caption><tr>${head}</tr><tr>${cells}</tr></table>`;
}

function pairSnippet(label: string, value: string): string {
  return `<table class="row"><tr><th>${escapeHtml(label)}</th>${cell(value, true)}</tr></table>`;
}

function cell(text: string, hit: boolean): string {
  return hit ? `<td class="hit">${escapeHtml(text) || '<i>(empty)</i>'}</td>` : `<td>${escapeHtml(text)}</td>`;
}

function withWeight(label: string | null, weight: string | null | undefined): string {
  if (weight == null) return label ?? '';
  return `${label ?? ''} (${weight}分)`;
}

function measureText(measure: Measure | null): string {
  return measure?.text ?? '';
}

/** The value at a field path (`extra.…` keys and dotted paths), as text. */
function valueAt(record: Record, field: string): string {
  if (field in record.extra) return record.extra[field] ?? '';
  let value: unknown = record;
  for (const part of field.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as { [key: string]: unknown })[part];
  }
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'text' in value) return String((value as Measure).text);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
