/**
 * Lays a contract record out as the printed form it came from: a grid of cells with merged ranges
 * and number formats, family by family. Used to render golden records into spreadsheets (and, via
 * LibreOffice, into PDFs) whose expected records are the golden ones.
 */
import { Decimal } from 'decimal.js';

type Json = Record<string, any>;
export interface LayoutCell {
  v: string | number;
  /** Excel number format, for numbers. */
  z?: string;
}
export interface Range {
  s: { r: number; c: number };
  e: { r: number; c: number };
}
export interface Layout {
  width: number;
  rows: Array<Array<LayoutCell | null>>;
  merges: Range[];
}

class Grid {
  readonly rows: Array<Array<LayoutCell | null>> = [];
  readonly merges: Range[] = [];
  constructor(readonly width: number) {}

  /** Adds a row; `spans[c] = n` merges n columns from column c. Returns the row index. */
  add(cells: Array<LayoutCell | string | null>, spans: Record<number, number> = {}): number {
    const r = this.rows.length;
    const row: Array<LayoutCell | null> = Array(this.width).fill(null);
    cells.forEach((cell, c) => (row[c] = typeof cell === 'string' ? (cell === '' ? null : { v: cell }) : cell));
    this.rows.push(row);
    for (const [c, n] of Object.entries(spans)) if (n > 1) this.merges.push({ s: { r, c: Number(c) }, e: { r, c: Number(c) + n - 1 } });
    return r;
  }

  /** Merges a column over rows [from, to]. */
  mergeDown(c: number, from: number, to: number): void {
    if (to > from) this.merges.push({ s: { r: from, c }, e: { r: to, c } });
  }

  layout(): Layout {
    return { width: this.width, rows: this.rows, merges: this.merges };
  }
}

/** A decimal string as a number cell that displays exactly those digits (`600000.00` → `600,000.00`). */
function num(value: string | null | undefined, grouping = true): LayoutCell | null {
  if (value == null) return null;
  const decimals = value.includes('.') ? value.length - value.indexOf('.') - 1 : 0;
  const base = grouping ? '#,##0' : '0';
  return { v: Number(value), z: decimals ? `${base}.${'0'.repeat(decimals)}` : base };
}

/** An amount in 元 as printed in the form's unit. */
function amount(value: string | null | undefined, unit: string | null): LayoutCell | null {
  if (value == null) return null;
  return num(unit === '万元' ? new Decimal(value).div(10000).toFixed() : value);
}

function percent(value: string | null | undefined): LayoutCell | null {
  if (value == null) return null;
  const decimals = value.includes('.') ? value.length - value.indexOf('.') - 1 : 0;
  return { v: Number(new Decimal(value).div(100).toFixed()), z: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' };
}

const text = (v: string | null | undefined): LayoutCell | null => (v == null ? null : { v });

/** Runs of equal values in a column (for merged 一级/二级 cells). */
function runs<T>(items: readonly T[], key: (t: T) => string | null): Array<{ from: number; to: number; value: string | null }> {
  const out: Array<{ from: number; to: number; value: string | null }> = [];
  items.forEach((item, k) => {
    const value = key(item);
    const last = out[out.length - 1];
    if (last && last.value === value) last.to = k;
    else out.push({ from: k, to: k, value });
  });
  return out;
}

const FOOTER_LABELS = ['填表人', '填表日期', '联系电话', '单位负责人签字'];

export function layoutRecord(record: Json): Layout {
  switch (record.formType) {
    case 'project-self-assessment':
      return layoutSelfAssessment(record);
    case 'project-goal-declaration':
      return layoutGoalDeclaration(record);
    case 'evaluation-scoring':
      return layoutScoring(record);
    default:
      return layoutSelfEvaluation(record);
  }
}

function titleRows(g: Grid, record: Json): void {
  g.add([record.title], { 0: g.width });
  if (record.year != null && !String(record.title).includes(String(record.year))) g.add([`(${record.year}年度)`], { 0: g.width });
}

function extraRows(g: Grid, entries: Array<[string, string | null]>, colon: boolean): void {
  const label = (k: string) => (colon ? `${k}：` : k);
  for (let k = 0; k < entries.length; k += 2) {
    const [a, b] = [entries[k]!, entries[k + 1]];
    const half = Math.floor(g.width / 2);
    if (b) g.add([label(a[0]), text(a[1]), ...Array(half - 2).fill(null), label(b[0]), text(b[1])], { 1: half - 1, [half + 1]: g.width - half - 1 });
    else g.add([label(a[0]), text(a[1])], { 1: g.width - 1 });
  }
}

function layoutSelfEvaluation(record: Json): Layout {
  const g = new Grid(9);
  const unit = record.amountUnit ?? '元';
  titleRows(g, record);
  g.add(['项目名称', text(record.projectName)], { 1: 8 });
  g.add(['主管部门', text(record.department), null, null, '实施单位', text(record.implementingUnit)], { 1: 3, 5: 4 });
  const inner = Object.entries(record.extra ?? {}).filter(([k]) => !FOOTER_LABELS.includes(k)) as Array<[string, string | null]>;
  extraRows(g, inner, true);
  if (record.funds) {
    const top = g.add([`项目资金（${unit}）`, '资金来源', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    const sources: Array<[string, string]> = [['total', '年度资金总额'], ['currentYear', '其中：当年财政拨款'], ['carryOver', '上年结转资金'], ['other', '其他资金']];
    for (const [key, label] of sources) {
      const row = record.funds[key];
      if (!row) continue;
      g.add([null, label, amount(row.initialBudget, unit), amount(row.annualBudget, unit), amount(row.executed, unit), num(row.weight), percent(row.executionRate), num(row.score)]);
    }
    g.mergeDown(0, top, g.rows.length - 1);
  }
  if (record.goal) {
    const top = g.add(['年度总体目标', '预期目标', null, null, null, '实际完成情况'], { 1: 4, 5: 4 });
    g.add([null, text(record.goal.planned), null, null, null, text(record.goal.achieved)], { 1: 4, 5: 4 });
    g.mergeDown(0, top, top + 1);
  }
  const header = g.add(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
  const indicators: Json[] = record.indicators ?? [];
  const first = header + 1;
  for (const i of indicators) {
    g.add([null, text(i.level1), text(i.level2), text(i.level3), text(i.target?.text), text(i.actual?.text), num(i.weight), num(i.score), text(i.deviation)]);
  }
  mergeLevels(g, indicators, first, [[1, (i) => i.level1], [2, (i) => `${i.level1}/${i.level2}`]]);
  g.mergeDown(0, header, g.rows.length - 1);
  g.add(['总分', null, null, null, null, null, num(record.totalWeight), num(record.totalScore)], { 0: 6 });
  const footer = Object.entries(record.extra ?? {}).filter(([k]) => FOOTER_LABELS.includes(k)) as Array<[string, string | null]>;
  if (footer.length) g.add(footer.flatMap(([k, v]) => [`${k}：`, text(v)]));
  return g.layout();
}

function layoutSelfAssessment(record: Json): Layout {
  const g = new Grid(6);
  const total = record.funds?.total ?? {};
  titleRows(g, record);
  g.add(['项目名称：', text(record.projectName), null, '预算单位：', text(record.implementingUnit)], { 1: 2, 4: 2 });
  const extra = Object.entries(record.extra ?? {}) as Array<[string, string | null]>;
  const short = extra.filter(([, v]) => (v ?? '').length <= 20);
  const long = extra.filter(([, v]) => (v ?? '').length > 20);
  g.add(['当年预算数（元）：', num(total.annualBudget), null, '上年预算金额（元）：', num(total.previousYearBudget)], { 1: 2, 4: 2 });
  g.add(['预算执行数（元）：', num(total.executed), null, '预算执行率（%）：', percent(total.executionRate)], { 1: 2, 4: 2 });
  if (record.goal?.planned) g.add(['项目年度总目标：', text(record.goal.planned)], { 1: 5 });
  for (let k = 0; k < short.length; k += 2) {
    const [a, b] = [short[k]!, short[k + 1]];
    g.add([`${a[0]}：`, text(a[1]), null, ...(b ? [`${b[0]}：`, text(b[1])] : [])], { 1: 2, ...(b ? { 4: 2 } : {}) });
  }
  if (record.grade) g.add(['绩效等级：', text(record.grade)], { 1: 5 });
  for (const [k, v] of long) g.add([`${k}：`, text(v)], { 1: 5 });
  const header = g.add(['一级指标', '指标名称', '指标解释', '权重', '自评分', '备注']);
  const indicators: Json[] = record.indicators ?? [];
  for (const i of indicators) {
    g.add([null, text(i.level3), text(i.explanation), num(i.weight), num(i.score), text(i.deviation)]);
  }
  for (const run of runs(indicators, (i) => `${i.level1}(${i.level1Weight ?? ''})`)) {
    const i = indicators[run.from]!;
    g.rows[header + 1 + run.from]![0] = text(i.level1 == null ? null : i.level1Weight != null ? `${i.level1} (${i.level1Weight}分)` : i.level1);
    g.mergeDown(0, header + 1 + run.from, header + 1 + run.to);
  }
  g.add(['合计', null, null, num(record.totalWeight), num(record.totalScore)], { 0: 3 });
  return g.layout();
}

function layoutGoalDeclaration(record: Json): Layout {
  const g = new Grid(6);
  const unit = record.amountUnit ?? '元';
  titleRows(g, record);
  const extra = { ...(record.extra ?? {}) } as Record<string, string | null>;
  const take = (k: string) => {
    const v = extra[k] ?? null;
    delete extra[k];
    return text(v);
  };
  g.add(['项目名称', text(record.projectName), '项目性质', take('项目性质'), '项目类别', take('项目类别')]);
  g.add(['主管部门', text(record.department), '实施单位', text(record.implementingUnit)], { 3: 3 });
  g.add(['计划开始日期', take('计划开始日期'), '计划完成日期', take('计划完成日期')], { 3: 3 });
  const goalExtra = '项目总目标' in extra ? take('项目总目标') : null;
  extraRows(g, Object.entries(extra), true);
  if (record.funds) {
    const top = g.rows.length;
    const sources: Array<[string, string]> = [['total', '年度资金申请总额'], ['currentYear', '其中：当年财政拨款'], ['carryOver', '上年结转资金'], ['other', '其他资金']];
    for (const [key, label] of sources) {
      if (!record.funds[key]) continue;
      g.add([g.rows.length === top ? `项目资金（${unit}）` : null, label, amount(record.funds[key].requested, unit)], { 2: 4 });
    }
    g.mergeDown(0, top, g.rows.length - 1);
  }
  const goalTop = g.add(['项目绩效目标', '项目总目标', null, '年度总体目标'], { 1: 2, 3: 3 });
  g.add([null, goalExtra, null, text(record.goal?.planned)], { 1: 2, 3: 3 });
  g.mergeDown(0, goalTop, goalTop + 1);
  const header = g.add(['绩效指标', '一级指标', '二级指标', '三级指标', '年度(/项目)指标值'], { 4: 2 });
  const indicators: Json[] = record.indicators ?? [];
  for (const i of indicators) g.add([null, text(i.level1), text(i.level2), text(i.level3), text(i.target?.text)], { 4: 2 });
  mergeLevels(g, indicators, header + 1, [[1, (i) => i.level1], [2, (i) => `${i.level1}/${i.level2}`]]);
  g.mergeDown(0, header, g.rows.length - 1);
  return g.layout();
}

function layoutScoring(record: Json): Layout {
  const g = new Grid(8);
  titleRows(g, record);
  if (record.projectName) g.add(['项目名称', text(record.projectName)], { 1: 7 });
  const header = g.add(['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '评分标准', '得分']);
  const indicators: Json[] = record.indicators ?? [];
  for (const i of indicators) {
    g.add([text(i.level1), num(i.level1Weight), text(i.level2), num(i.level2Weight), text(i.level3), num(i.weight), text(i.explanation), num(i.score)]);
  }
  mergeLevels(g, indicators, header + 1, [
    [0, (i) => i.level1],
    [1, (i) => i.level1],
    [2, (i) => `${i.level1}/${i.level2}`],
    [3, (i) => `${i.level1}/${i.level2}`],
  ]);
  g.add(['合计', null, null, null, null, num(record.totalWeight), null, num(record.totalScore)], { 0: 5 });
  return g.layout();
}

/** Merges runs of equal labels in the given columns; only the first row of a run keeps its value. */
function mergeLevels(g: Grid, indicators: readonly Json[], first: number, columns: Array<[number, (i: Json) => string | null]>): void {
  for (const [c, key] of columns) {
    for (const run of runs(indicators, key)) {
      for (let k = run.from + 1; k <= run.to; k++) g.rows[first + k]![c] = null;
      g.mergeDown(c, first + run.from, first + run.to);
    }
  }
}
