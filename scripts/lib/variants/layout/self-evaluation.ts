/**
 * 项目支出绩效自评表 in the drawn layout: title block, header pairs, the funds grid (labels over
 * 1–3 columns, columns in the drawn order, one or two header rows, the corner merged or not), the
 * 年度总体目标 block, the indicator table and the total row.
 */
import type { Choices } from '../choices.js';
import { amountCell, blank, GridBuilder, numberCell, rateCell, spreadColumns, text, type Grid, type GridCell } from '../grid.js';
import type { PrintPlan, Source, TruthRecord } from '../truth.js';
import { footerExtras, footerRows, headerExtras, pairRows, titleBlock } from './common.js';
import { indicatorSlots, indicatorTable, SLOT_WIDTH, type IndicatorSlot } from './indicator-table.js';

type FundsSlot = 'corner' | 'source' | 'initial' | 'annual' | 'executed' | 'weight' | 'rate' | 'score' | 'reason';
const FUNDS_WIDTH: Record<FundsSlot, number> = { corner: 1.0, source: 2.0, initial: 1.6, annual: 1.6, executed: 1.6, weight: 1.0, rate: 1.1, score: 1.0, reason: 1.6 };
const ORDER: Record<Choices['fundsOrder'], FundsSlot[]> = {
  WRS: ['weight', 'rate', 'score'], WSR: ['weight', 'score', 'rate'], RWS: ['rate', 'weight', 'score'],
  RSW: ['rate', 'score', 'weight'], SWR: ['score', 'weight', 'rate'], SRW: ['score', 'rate', 'weight'],
};

export function fundsSlots(choices: Choices): FundsSlot[] {
  return ['corner', 'source', ...(choices.initialBudgetColumn ? ['initial' as const] : []), 'annual', 'executed', ...ORDER[choices.fundsOrder], ...(choices.fundsReasonColumn ? ['reason' as const] : [])];
}

function fundsHeader(slot: FundsSlot, choices: Choices): string {
  const unit = choices.unitPlace === 'column-headers' && choices.unit ? `（${choices.unit}）` : '';
  const letter = (l: string) => (choices.letterSuffixes ? `(${l})` : '');
  switch (slot) {
    case 'corner': return choices.fundsCornerLabel;
    case 'source': return '资金来源';
    case 'initial': return `年初预算数${unit}`;
    case 'annual': return `${choices.budgetLabel}${letter('A')}${unit}`;
    case 'executed': return `${choices.executedLabel}${letter('B')}${unit}`;
    case 'weight': return choices.weightLabel;
    case 'rate': return `${choices.rateLabel}${letter('B/A')}${choices.rateStyle === 'plain' ? '(%)' : ''}`;
    case 'score': return choices.scoreLabel;
    case 'reason': return '偏差原因';
  }
}

const SOURCE_KEYS: Source[] = ['total', 'currentYear', 'carryOver', 'other'];

function sourceLabel(source: Source, choices: Choices): string {
  switch (source) {
    case 'total': return choices.totalSourceLabel;
    case 'currentYear': return choices.currentYearLabel;
    case 'carryOver': return '上年结转资金';
    case 'other': return '其他资金';
  }
}

export function layoutSelfEvaluation(truth: TruthRecord, plan: PrintPlan, choices: Choices): Grid {
  const indSlots = indicatorSlots(choices, true);
  const fSlots = fundsSlots(choices);
  const fundsNeed = fSlots.length - 1 + choices.fundsLabelSpan;
  const width = Math.max(indSlots.length, truth.funds ? fundsNeed : 0, 6);
  const b = new GridBuilder(width);
  const unitLine = choices.unitPlace === 'row' && choices.unit ? `单位：${choices.unit}` : null;
  titleBlock(b, truth, plan, choices, truth.year, unitLine);

  // Header pairs.
  b.tableFirst = b.rows.length;
  const hl = choices.headerLabelSpan;
  const r0 = b.row();
  b.put(r0, 0, { text: '项目名称', role: 'label' }, hl);
  b.put(r0, hl, text(truth.projectName), width - hl);
  pairRows(b, [['主管部门', text(truth.department)], ['实施单位', text(truth.implementingUnit)]], hl, false);
  pairRows(b, headerExtras(truth).map(([k, v]) => [k, text(v)] as [string, GridCell | null]), hl, false);

  const fundsColumns = truth.funds ? fundsGrid(b, truth, choices, fSlots) : null;
  if (truth.goal) goalBlock(b, truth, choices);

  const columns = spreadColumns(indSlots.map((key) => ({ key, span: 1 })), width, ['l3', 'dev', 'target', 'actual', 'l2', 'l1'] as IndicatorSlot[]);
  const end = indicatorTable(b, truth, plan, choices, columns, b.rows.length);

  // Total row: the label over the columns before the first of 分值/得分.
  const wCol = columns.get('weight')!;
  const sCol = columns.get('score')!;
  const t = b.row();
  if (t !== end) throw new Error('the total row must follow the indicators');
  b.put(t, 0, { text: choices.totalLabel, role: 'label' }, Math.min(wCol.col, sCol.col));
  b.put(t, wCol.col, numberCell(truth.totalWeight, { ...choices, nullCell: '' }), wCol.span);
  b.put(t, sCol.col, choices.totalScoreBlank ? null : numberCell(truth.totalScore, { ...choices, nullCell: '' }), sCol.span);
  b.tableLast = t;
  footerRows(b, footerExtras(truth), choices);

  const widths = Array(width).fill(1);
  for (const [slot, { col, span }] of columns) for (let c = col; c < col + span; c++) widths[c] = SLOT_WIDTH[slot] / span;
  if (fundsColumns) for (const [slot, { col, span }] of fundsColumns) for (let c = col; c < col + span; c++) widths[c] = Math.max(widths[c], FUNDS_WIDTH[slot]! / span);
  return b.build(widths);
}

function fundsGrid(b: GridBuilder, truth: TruthRecord, choices: Choices, fSlots: FundsSlot[]): Map<FundsSlot, { col: number; span: number }> {
  const funds = truth.funds!;
  const slots = fSlots.map((key) => ({ key, span: key === 'source' ? choices.fundsLabelSpan : 1 }));
  const needed = slots.reduce((n, s) => n + s.span, 0);
  // `blank`: the grid columns the funds grid does not need stay empty at the end of its rows.
  const cols = spreadColumns(slots, choices.fundsStretch === 'blank' ? needed : b.width, ['annual', 'executed', 'initial', 'score', 'rate', 'weight', 'reason'] as FundsSlot[]);
  const at = (s: FundsSlot) => cols.get(s)!;
  const twoRows = choices.headerRows === 2;
  const top = b.row();
  const headerRows = twoRows ? 2 : 1;
  const header = (slot: FundsSlot): GridCell => ({ text: fundsHeader(slot, choices), role: 'header' });
  if (twoRows) {
    const data = fSlots.filter((s) => s !== 'corner' && s !== 'source' && s !== 'reason');
    const start = at(data[0]!).col;
    const last = at(data[data.length - 1]!);
    const group = choices.fundsCornerLabel.startsWith('预算执行情况') ? '资金执行情况' : '预算执行情况';
    b.put(top, start, { text: group, role: 'header' }, last.col + last.span - start);
    for (const s of data) b.put(top + 1, at(s).col, header(s), at(s).span);
    b.put(top, at('source').col, header('source'), at('source').span, 2);
    if (cols.has('reason')) b.put(top, at('reason').col, header('reason'), at('reason').span, 2);
  } else {
    for (const s of fSlots) if (s !== 'corner') b.put(top, at(s).col, header(s), at(s).span);
  }
  b.rules.push(top + headerRows - 1);
  const sources = SOURCE_KEYS.filter((s) => funds[s]);
  const ordered = choices.fundsTotalFirst ? sources : [...sources.filter((s) => s !== 'total'), ...sources.filter((s) => s === 'total')];
  let r = top + headerRows;
  for (const source of ordered) {
    const row = funds[source]!;
    const put = (slot: FundsSlot, cell: GridCell | null) => {
      const c = cols.get(slot);
      if (c) b.put(r, c.col, cell, c.span);
    };
    put('source', { text: sourceLabel(source, choices), role: 'label' });
    put('initial', amountCell(row.initialBudget, choices));
    put('annual', amountCell(row.annualBudget, choices));
    put('executed', amountCell(row.executed, choices));
    put('weight', row.weight == null ? blank(choices) : numberCell(row.weight, choices));
    put('rate', rateCell(row.executionRate, choices));
    put('score', row.score == null ? blank(choices) : numberCell(row.score, choices));
    r++;
  }
  const down = choices.fundsCorner === 'merged' ? r - top : headerRows;
  b.put(top, at('corner').col, header('corner'), at('corner').span, down);
  b.rules.push(r - 1);
  return cols;
}

function goalBlock(b: GridBuilder, truth: TruthRecord, choices: Choices): void {
  const goal = truth.goal!;
  const w = b.width;
  const p = Math.floor((w - 1) / 2);
  const [planned, achieved] = choices.goalLabels === 'planned-actual' ? ['预期目标', '实际完成情况'] : ['预算目标', '实际完成情况'];
  const top = b.row();
  b.put(top, 1, { text: planned, role: 'header' }, p);
  b.put(top, 1 + p, { text: achieved, role: 'header' }, w - 1 - p);
  const r = b.row();
  b.put(r, 1, text(goal.planned), p);
  b.put(r, 1 + p, text(goal.achieved), w - 1 - p);
  b.put(top, 0, { text: '年度总体目标', role: 'label' }, 1, choices.goalCorner === 'merged' ? 2 : 1);
  b.rules.push(r);
}
