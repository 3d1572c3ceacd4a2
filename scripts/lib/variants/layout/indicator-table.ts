/**
 * The 一级/二级/三级 indicator table of a self-evaluation or goal declaration form: the columns
 * the layout chose, in its order, with one or two header rows, a leading 绩效指标 column or none,
 * category labels merged or repeated, and a page break inside when asked.
 */
import type { Choices } from '../choices.js';
import { GridBuilder, numberCell, text, type GridCell } from '../grid.js';
import { CRITERIA_HEADER, NOTE_HEADER, type PrintPlan, type TruthRecord } from '../truth.js';
import { categoryLabel, levelColumn } from './common.js';

export type IndicatorSlot = 'section' | 'seq' | 'l1' | 'l2' | 'l3' | 'nature' | 'target' | 'unit' | 'actual' | 'weight' | 'score' | 'dev' | 'note' | 'criteria';

/** Relative widths of the slots (a slot over several grid columns shares its width). */
export const SLOT_WIDTH: Record<IndicatorSlot, number> = {
  section: 1.0, seq: 0.7, l1: 1.6, l2: 1.8, l3: 2.6, nature: 1.0, target: 1.9, unit: 1.0, actual: 1.9, weight: 1.0, score: 1.0, dev: 2.4, note: 1.8, criteria: 2.2,
};

/** The indicator slots in printed order for a layout (`withResults`: actual, weight, score, deviation). */
export function indicatorSlots(choices: Choices, withResults: boolean): IndicatorSlot[] {
  const slots: IndicatorSlot[] = [];
  if (choices.sectionColumn === 'merged') slots.push('section');
  if (choices.seqColumn) slots.push('seq');
  slots.push('l1', 'l2', 'l3');
  const nature: IndicatorSlot[] = choices.natureColumn !== 'none' ? ['nature'] : [];
  const unitAfterTarget = choices.unitColumn === 'after-target' || (!withResults && choices.unitColumn !== 'none');
  const target: IndicatorSlot[] = [...nature, 'target', ...(unitAfterTarget ? ['unit' as const] : []), ...(choices.noteColumn ? ['note' as const] : [])];
  if (!withResults) return [...slots, ...target];
  const actual: IndicatorSlot[] = ['actual', ...(choices.unitColumn === 'after-actual' ? ['unit' as const] : [])];
  switch (choices.indicatorOrder) {
    case 'WTAS':
      slots.push('weight', ...target, ...actual, 'score');
      break;
    case 'TWAS':
      slots.push(...target, 'weight', ...actual, 'score');
      break;
    default:
      slots.push(...target, ...actual, 'weight', 'score');
  }
  slots.push('dev');
  if (choices.criteriaColumn) slots.push('criteria');
  return slots;
}

function headerText(slot: IndicatorSlot, choices: Choices): string {
  switch (slot) {
    case 'section': return choices.sectionLabel;
    case 'seq': return '序号';
    case 'l1': return '一级指标';
    case 'l2': return '二级指标';
    case 'l3': return '三级指标';
    case 'nature': return '指标性质';
    case 'unit': return '度量单位';
    case 'target': return choices.family === 'project-goal-declaration' ? goalTargetLabel(choices) : choices.targetLabel;
    case 'actual': return choices.actualLabel;
    case 'weight': return choices.weightLabel;
    case 'score': return choices.scoreLabel;
    case 'dev': return choices.deviationLabel;
    case 'note': return NOTE_HEADER;
    case 'criteria': return CRITERIA_HEADER;
  }
}

function goalTargetLabel(choices: Choices): string {
  return choices.targetLabel === '年度目标值' ? '年度(/项目)指标值' : choices.targetLabel;
}

/**
 * Writes the indicator table from row `top`; `columns` places each slot. Returns the row after
 * the last indicator row.
 */
export function indicatorTable(
  b: GridBuilder,
  truth: TruthRecord,
  plan: PrintPlan,
  choices: Choices,
  columns: Map<IndicatorSlot, { col: number; span: number }>,
  top: number,
): number {
  const slots = [...columns.keys()];
  const indicators = truth.indicators;
  const twoRows = choices.headerRows === 2;
  const headerRows = twoRows ? 2 : 1;
  const first = top + headerRows;
  const at = (slot: IndicatorSlot) => columns.get(slot)!;
  const header = (slot: IndicatorSlot): GridCell => ({ text: headerText(slot, choices), role: 'header' });

  // Header rows. Two rows: groups in the first (绩效指标 over the levels when there is no leading
  // column, 绩效指标完成情况 over target..actual), the other labels merged over both rows.
  const grouped = new Set<IndicatorSlot>();
  if (twoRows) {
    const group = (from: IndicatorSlot, to: IndicatorSlot, label: string) => {
      const i = slots.indexOf(from);
      const j = slots.indexOf(to);
      if (i < 0 || j < i) return;
      const members = slots.slice(i, j + 1);
      if (members.some((s) => s === 'section' || s === 'seq')) return;
      const start = at(from).col;
      const end = at(to).col + at(to).span;
      b.put(top, start, { text: label, role: 'header' }, end - start);
      for (const s of members) {
        grouped.add(s);
        b.put(top + 1, at(s).col, header(s), at(s).span);
      }
    };
    if (choices.sectionColumn === 'absent') group('l1', 'l3', '绩效指标');
    if (slots.includes('actual') && choices.indicatorOrder !== 'TWAS') {
      const from = slots.includes('nature') ? 'nature' : 'target';
      const to = slots[slots.indexOf('actual') + 1] === 'unit' ? 'unit' : 'actual';
      group(from, to, '绩效指标完成情况');
    }
  }
  for (const slot of slots) {
    if (grouped.has(slot) || slot === 'section') continue;
    b.put(top, at(slot).col, header(slot), at(slot).span, headerRows);
  }
  b.rules.push(top + headerRows - 1);
  b.header = { first: top, last: top + headerRows - 1 };

  // Rows.
  indicators.forEach((indicator, k) => {
    const r = first + k;
    const put = (slot: IndicatorSlot, cell: GridCell | null) => {
      const c = columns.get(slot);
      if (c) b.put(r, c.col, cell, c.span);
    };
    put('seq', numberCell(String(k + 1), { ...choices, nullCell: '' }));
    put('l3', text(indicator.level3));
    put('nature', text(indicator.nature ?? null));
    put('target', text(indicator.target?.text));
    put('unit', text(plan.unitCells[k]));
    put('actual', text(indicator.actual?.text));
    put('weight', numberCell(indicator.weight, { ...choices, nullCell: '' }));
    put('score', numberCell(indicator.score, { ...choices, nullCell: '' }));
    put('dev', text(indicator.deviation));
    put('note', text(indicator.extra?.[NOTE_HEADER]));
    put('criteria', text(indicator.extra?.[CRITERIA_HEADER]));
  });
  const l1 = at('l1');
  const l2 = at('l2');
  levelColumn(b, indicators, first, l1.col, l1.span, (i) => i.level1, (i) => categoryLabel(i.level1, i.level1Weight, choices), choices);
  levelColumn(b, indicators, first, l2.col, l2.span, (i) => (i.level2 == null ? null : `${i.level1}\u0000${i.level2}`), (i) => categoryLabel(i.level2, i.level2Weight, choices), choices);
  const end = first + indicators.length;
  if (columns.has('section')) b.put(top, at('section').col, { text: choices.sectionLabel, role: 'header' }, at('section').span, end - top);

  if (choices.pageBreak === 'manual' && indicators.length >= 2) b.breaks.push(first + Math.max(1, Math.floor(indicators.length / 2)));
  if (choices.pageBreak === 'natural') for (let r = first; r < end; r++) b.tall.push(r);
  return end;
}
