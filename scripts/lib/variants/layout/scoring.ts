/**
 * 评价指标体系 / 评分表 in the drawn layout: 一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 评分标准 |
 * 得分 [| 扣分原因], with an optional 序号 column, category cells merged or repeated, and the total row.
 */
import type { Choices } from '../choices.js';
import { GridBuilder, numberCell, text, type Grid } from '../grid.js';
import type { PrintPlan, TruthRecord } from '../truth.js';
import { levelColumn, pairRows, titleBlock } from './common.js';

export function layoutScoring(truth: TruthRecord, plan: PrintPlan, choices: Choices): Grid {
  const seq = choices.seqColumn ? 1 : 0;
  const withDeviation = truth.indicators.some((i) => i.deviation != null);
  const width = 8 + seq + (withDeviation ? 1 : 0);
  const b = new GridBuilder(width);
  titleBlock(b, truth, plan, choices, truth.year, null);
  b.tableFirst = b.rows.length;
  const header = [
    ['项目名称', text(truth.projectName)],
    ...(truth.department ? [['主管部门', text(truth.department)]] : []),
    ...Object.entries(truth.extra).map(([k, v]) => [k, text(v)]),
  ] as Array<[string, ReturnType<typeof text>]>;
  if (header.length) pairRows(b, header, 1, false);
  if (truth.grade) pairRows(b, [['评价等级', text(truth.grade)]], 1, false);
  const h = b.row();
  const labels = [...(seq ? ['序号'] : []), '一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '评分标准', '得分', ...(withDeviation ? ['扣分原因'] : [])];
  labels.forEach((l, c) => b.put(h, c, { text: l, role: 'header' }));
  b.rules.push(h);
  b.header = { first: h, last: h };
  const first = h + 1;
  const inds = truth.indicators;
  inds.forEach((i, k) => {
    const r = first + k;
    if (seq) b.put(r, 0, numberCell(String(k + 1), choices));
    b.put(r, seq + 4, text(i.level3));
    b.put(r, seq + 5, numberCell(i.weight, { ...choices, nullCell: '' }));
    b.put(r, seq + 6, text(i.explanation));
    b.put(r, seq + 7, numberCell(i.score, { ...choices, nullCell: '' }));
    if (withDeviation) b.put(r, seq + 8, text(i.deviation));
  });
  const key1 = (i: (typeof inds)[number]) => i.level1;
  const key2 = (i: (typeof inds)[number]) => (i.level2 == null ? null : `${i.level1}\u0000${i.level2}`);
  levelColumn(b, inds, first, seq, 1, key1, (i) => i.level1, choices);
  levelColumn(b, inds, first, seq + 1, 1, key1, (i) => i.level1Weight ?? null, choices);
  levelColumn(b, inds, first, seq + 2, 1, key2, (i) => i.level2, choices);
  levelColumn(b, inds, first, seq + 3, 1, key2, (i) => i.level2Weight ?? null, choices);
  const end = first + inds.length;
  if (choices.pageBreak === 'manual' && inds.length >= 2) b.breaks.push(first + Math.floor(inds.length / 2));
  if (choices.pageBreak === 'natural') for (let r = first; r < end; r++) b.tall.push(r);
  const t = b.row();
  b.put(t, 0, { text: choices.totalLabel, role: 'label' }, seq + 5);
  b.put(t, seq + 5, numberCell(truth.totalWeight, { ...choices, nullCell: '' }));
  b.put(t, seq + 7, choices.totalScoreBlank ? null : numberCell(truth.totalScore, { ...choices, nullCell: '' }));
  b.tableLast = t;
  const widths = [...(seq ? [0.6] : []), 2.0, 1.0, 2.2, 1.0, 2.8, 1.0, 5.0, 1.0, ...(withDeviation ? [2.4] : [])];
  return b.build(widths);
}
