/**
 * 项目绩效自我评价 (weighted form) in the drawn layout: label：value header pairs with the budget
 * figures (unit in the labels or on a line of its own), then 一级指标 (with or without its
 * category weight, merged or repeated) | 指标名称 | 指标解释 | 权重 | 自评分 | 备注, and the total row.
 */
import type { Choices } from '../choices.js';
import { amountCell, GridBuilder, numberCell, rateCell, text, type Grid, type GridCell } from '../grid.js';
import type { PrintPlan, TruthRecord } from '../truth.js';
import { categoryLabel, levelColumn, pairRows, titleBlock } from './common.js';

const WEIGHT_HEADER: Record<string, string> = { 分值: '权重', '分值(分)': '权重(分)', 权重: '分值' };

export function layoutSelfAssessment(truth: TruthRecord, plan: PrintPlan, choices: Choices): Grid {
  const seq = choices.seqColumn ? 1 : 0;
  const width = 6 + seq;
  const b = new GridBuilder(width);
  const unit = choices.unit ?? '元';
  const unitLine = choices.unitPlace === 'row' ? `单位：${unit}` : null;
  titleBlock(b, truth, plan, choices, truth.year, unitLine);
  const inLabel = choices.unitPlace === 'labels' ? `（${unit}）` : '';
  const total = truth.funds?.total ?? {};
  const extras = Object.entries(truth.extra);
  const short = extras.filter(([, v]) => (v ?? '').length <= 20);
  const long = extras.filter(([, v]) => (v ?? '').length > 20);
  const labelSpan = 1;

  b.tableFirst = b.rows.length;
  const pairs: Array<[string, GridCell | null]> = [
    ['项目名称', text(truth.projectName)],
    ['预算单位', text(truth.implementingUnit)],
    [`当年预算数${inLabel}`, amountCell(total.annualBudget, choices)],
    [`上年预算金额${inLabel}`, amountCell(total.previousYearBudget, choices)],
    [`预算执行数${inLabel}`, amountCell(total.executed, choices)],
    [`预算执行率${choices.rateStyle === 'plain' ? '（%）' : ''}`, rateCell(total.executionRate, choices)],
  ];
  pairRows(b, pairs, labelSpan, true);
  if (truth.goal?.planned) {
    const r = b.row();
    b.put(r, 0, { text: '项目年度总目标：', role: 'label' }, 1);
    b.put(r, 1, text(truth.goal.planned), width - 1);
  }
  pairRows(b, short.map(([k, v]) => [k, text(v)] as [string, GridCell | null]), labelSpan, true);
  if (truth.grade) pairRows(b, [['绩效等级', text(truth.grade)]], labelSpan, true);
  for (const [k, v] of long) {
    const r = b.row();
    b.put(r, 0, { text: `${k}：`, role: 'label' }, 1);
    b.put(r, 1, text(v), width - 1);
  }

  const header = b.row();
  const labels = [...(seq ? ['序号'] : []), '一级指标', '指标名称', '指标解释', WEIGHT_HEADER[choices.weightLabel] ?? '权重', choices.scoreLabel === '得分' ? '自评分' : '得分', '备注'];
  labels.forEach((l, c) => b.put(header, c, { text: l, role: 'header' }));
  b.rules.push(header);
  b.header = { first: header, last: header };
  const first = header + 1;
  truth.indicators.forEach((i, k) => {
    const r = first + k;
    if (seq) b.put(r, 0, numberCell(String(k + 1), choices));
    b.put(r, seq + 1, text(i.level3));
    b.put(r, seq + 2, text(i.explanation));
    b.put(r, seq + 3, numberCell(i.weight, { ...choices, nullCell: '' }));
    b.put(r, seq + 4, numberCell(i.score, { ...choices, nullCell: '' }));
    b.put(r, seq + 5, text(i.deviation));
  });
  levelColumn(b, truth.indicators, first, seq, 1, (i) => `${i.level1}\u0000${i.level1Weight ?? ''}`, (i) => categoryLabel(i.level1, i.level1Weight, choices), choices);
  const end = first + truth.indicators.length;
  if (choices.pageBreak === 'manual' && truth.indicators.length >= 2) b.breaks.push(first + Math.floor(truth.indicators.length / 2));
  if (choices.pageBreak === 'natural') for (let r = first; r < end; r++) b.tall.push(r);
  const t = b.row();
  b.put(t, 0, { text: choices.totalLabel, role: 'label' }, seq + 3);
  b.put(t, seq + 3, numberCell(truth.totalWeight, { ...choices, nullCell: '' }));
  b.put(t, seq + 4, choices.totalScoreBlank ? null : numberCell(truth.totalScore, { ...choices, nullCell: '' }));
  b.tableLast = t;
  const widths = [...(seq ? [0.6] : []), 3.0, 3.0, 4.5, 1.4, 1.4, 2.4];
  return b.build(widths);
}
