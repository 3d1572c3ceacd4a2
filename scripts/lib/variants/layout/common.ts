/**
 * Pieces every family's layout shares: the title block (annex, title, year and unit lines), label
 * and value pairs, the footer line and the category labels of an indicator table.
 */
import type { Choices } from '../choices.js';
import { GridBuilder, text, type GridCell } from '../grid.js';
import type { Indicator, PrintPlan, TruthRecord } from '../truth.js';
import { runsOf } from '../truth.js';

/** Extra labels printed under the table rather than in its header. */
export const FOOTER_LABELS = ['填表人', '填表日期', '联系电话', '单位负责人签字'];

export function headerExtras(truth: TruthRecord, skip: readonly string[] = []): Array<[string, string | null]> {
  return Object.entries(truth.extra).filter(([k]) => !FOOTER_LABELS.includes(k) && !skip.includes(k));
}

export function footerExtras(truth: TruthRecord): Array<[string, string | null]> {
  return Object.entries(truth.extra).filter(([k]) => FOOTER_LABELS.includes(k));
}

/**
 * Annex line, title, and the year / unit lines above the table. `unitLine` is the unit printed on
 * its own line (`单位：万元`), or null.
 */
export function titleBlock(b: GridBuilder, truth: TruthRecord, plan: PrintPlan, choices: Choices, year: number | null, unitLine: string | null): void {
  const w = b.width;
  if (choices.titleRow && choices.annex && choices.annexPlace === 'row') b.put(b.row(), 0, { text: choices.annex.replace(/：$/, ''), role: 'subtitle' }, Math.min(2, w));
  if (plan.titleCell !== null) b.put(b.row(), 0, { text: plan.titleCell, role: 'title' }, w);
  if (choices.yearPlace === 'row' && year !== null) b.put(b.row(), 0, { text: `(${year}年度)`, role: 'subtitle' }, w);
  const yearLabel = choices.yearPlace === 'label' && year !== null ? `年度：${year}` : null;
  if (yearLabel || unitLine) {
    const r = b.row();
    const half = Math.floor(w / 2);
    if (yearLabel && unitLine) {
      b.put(r, 0, { text: yearLabel, role: 'subtitle' }, half);
      b.put(r, half, { text: unitLine, role: 'subtitle' }, w - half);
    } else if (yearLabel) b.put(r, 0, { text: yearLabel, role: 'subtitle' }, w);
    else b.put(r, half, { text: unitLine!, role: 'subtitle' }, w - half);
  }
}

/** One or two label/value pairs per row; labels span `labelSpan` columns. */
export function pairRows(b: GridBuilder, entries: ReadonlyArray<[string, GridCell | null]>, labelSpan: number, colon: boolean): void {
  const w = b.width;
  const half = Math.floor(w / 2);
  const label = (k: string): GridCell => ({ text: colon ? `${k}：` : k, role: 'label' });
  for (let k = 0; k < entries.length; k += 2) {
    const [a, c] = [entries[k]!, entries[k + 1]];
    const r = b.row();
    b.put(r, 0, label(a[0]), labelSpan);
    if (c) {
      b.put(r, labelSpan, a[1], half - labelSpan);
      b.put(r, half, label(c[0]), labelSpan);
      b.put(r, half + labelSpan, c[1], w - half - labelSpan);
    } else b.put(r, labelSpan, a[1], w - labelSpan);
  }
}

/** 填表人：… 填表日期：… under the table: label/value cells, or one line of text. */
export function footerRows(b: GridBuilder, entries: ReadonlyArray<[string, string | null]>, choices: Choices): void {
  if (!entries.length) return;
  if (choices.footerStyle === 'line') {
    b.put(b.row(), 0, { text: entries.map(([k, v]) => `${k}：${v ?? ''}`).join('    '), role: 'footer' }, b.width);
    return;
  }
  const perRow = Math.max(1, Math.floor(b.width / 2));
  for (let k = 0; k < entries.length; k += perRow) {
    const r = b.row();
    const part = entries.slice(k, k + perRow);
    const span = Math.floor(b.width / (part.length * 2)) || 1;
    part.forEach(([label, value], j) => {
      b.put(r, j * 2 * span, { text: `${label}：`, role: 'footer' }, span);
      b.put(r, j * 2 * span + span, text(value, 'footer'), span);
    });
  }
}

/** A category label as printed, with its weight when the layout prints weights. */
export function categoryLabel(label: string | null, weight: string | null | undefined, choices: Choices): string | null {
  if (label == null) return null;
  if (weight == null || choices.categoryWeights === 'none') return label;
  return choices.categoryWeights === 'ascii' ? `${label}(${weight}分)` : `${label}（${weight}分）`;
}

/**
 * Writes a level column (一级/二级) for indicator rows starting at `first`: merged over each run
 * of equal labels, or repeated on every row.
 */
export function levelColumn(
  b: GridBuilder,
  indicators: readonly Indicator[],
  first: number,
  col: number,
  span: number,
  key: (i: Indicator) => string | null,
  label: (i: Indicator) => string | null,
  choices: Choices,
): void {
  if (choices.categoryLabels === 'repeated') {
    indicators.forEach((i, k) => b.put(first + k, col, text(label(i), 'label'), span));
    return;
  }
  for (const run of runsOf(indicators, key)) {
    const i = indicators[run.from]!;
    b.put(first + run.from, col, text(label(i), 'label'), span, run.to - run.from + 1);
  }
}
