/**
 * 绩效目标申报表 in the drawn layout: header pairs (项目性质, 项目类别, dates…), the requested
 * funds (年度资金申请总额 and its sources, labels over 1–3 columns, the 项目资金 corner merged or
 * not), the 项目总目标 / 年度总体目标 block and the indicator table with a target only.
 */
import type { Choices } from '../choices.js';
import { amountCell, GridBuilder, spreadColumns, text, type Grid, type GridCell } from '../grid.js';
import type { PrintPlan, Source, TruthRecord } from '../truth.js';
import { footerExtras, footerRows, headerExtras, pairRows, titleBlock } from './common.js';
import { indicatorSlots, indicatorTable, SLOT_WIDTH, type IndicatorSlot } from './indicator-table.js';

const GOAL_EXTRA = '项目总目标';

export function layoutGoalDeclaration(truth: TruthRecord, plan: PrintPlan, choices: Choices): Grid {
  const slots = indicatorSlots(choices, false);
  const width = Math.max(slots.length + 1, 6, 2 + choices.fundsLabelSpan + 1);
  const b = new GridBuilder(width);
  const unitLine = choices.unitPlace === 'row' && choices.unit ? `单位：${choices.unit}` : null;
  titleBlock(b, truth, plan, choices, truth.year, unitLine);

  b.tableFirst = b.rows.length;
  const hl = choices.headerLabelSpan;
  const r0 = b.row();
  b.put(r0, 0, { text: '项目名称', role: 'label' }, hl);
  b.put(r0, hl, text(truth.projectName), width - hl);
  pairRows(b, [['主管部门', text(truth.department)], ['实施单位', text(truth.implementingUnit)]], hl, false);
  pairRows(b, headerExtras(truth, [GOAL_EXTRA]).map(([k, v]) => [k, text(v)] as [string, GridCell | null]), hl, false);

  if (truth.funds) {
    const sources: Array<[Source, string]> = [
      ['total', '年度资金申请总额'], ['currentYear', choices.currentYearLabel], ['carryOver', '上年结转资金'], ['other', '其他资金'],
    ];
    const present = sources.filter(([s]) => truth.funds![s]);
    const top = b.rows.length;
    const label = choices.unitPlace === 'funds-label' && choices.unit ? `项目资金（${choices.unit}）` : '项目资金';
    for (const [source, name] of present) {
      const r = b.row();
      b.put(r, 1, { text: name, role: 'label' }, choices.fundsLabelSpan);
      b.put(r, 1 + choices.fundsLabelSpan, amountCell(truth.funds[source]!.requested, choices), width - 1 - choices.fundsLabelSpan);
    }
    b.put(top, 0, { text: label, role: 'label' }, 1, choices.fundsCorner === 'merged' ? present.length : 1);
    b.rules.push(b.rows.length - 1);
  }

  // 项目绩效目标: 项目总目标 (an extra) and 年度总体目标 (goal.planned).
  const hasGoalExtra = GOAL_EXTRA in truth.extra;
  const goalTop = b.row();
  const p = Math.floor((width - 1) / 2);
  if (hasGoalExtra) {
    b.put(goalTop, 1, { text: GOAL_EXTRA, role: 'header' }, p);
    b.put(goalTop, 1 + p, { text: '年度总体目标', role: 'header' }, width - 1 - p);
    const r = b.row();
    b.put(r, 1, text(truth.extra[GOAL_EXTRA]), p);
    b.put(r, 1 + p, text(truth.goal?.planned), width - 1 - p);
  } else {
    b.put(goalTop, 1, { text: '年度总体目标', role: 'header' }, width - 1);
    b.put(b.row(), 1, text(truth.goal?.planned), width - 1);
  }
  b.put(goalTop, 0, { text: '项目绩效目标', role: 'label' }, 1, choices.goalCorner === 'merged' ? 2 : 1);
  b.rules.push(goalTop + 1);

  const columns = spreadColumns(slots.map((key) => ({ key, span: 1 })), width, ['target', 'l3', 'l2', 'l1', 'note'] as IndicatorSlot[]);
  const end = indicatorTable(b, truth, plan, choices, columns, b.rows.length);
  b.tableLast = end - 1;
  footerRows(b, footerExtras(truth), choices);

  const widths = Array(width).fill(1);
  for (const [slot, { col, span }] of columns) for (let c = col; c < col + span; c++) widths[c] = SLOT_WIDTH[slot] / span;
  return b.build(widths);
}
