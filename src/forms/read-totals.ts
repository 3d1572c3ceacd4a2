import type { Raw, Row } from './draft.js';
import type { IndicatorColumn } from './read-indicators.js';
import { rowCells } from './rows.js';
import { parseScore } from '../normalize/number.js';

/**
 * The total row (`总分│││100│99.42`): its numbers are the total weight and total score. Text exports
 * sometimes print the label and each number on lines of their own (`总分`, `100`, `90`): those
 * following one-number lines are read too, and reported as consumed.
 */
export function readTotals(
  rows: readonly Row[],
  at: number,
  end: number,
  columns: readonly IndicatorColumn[],
): { weight: Raw | null; score: Raw | null; consumed: number[] } {
  const numbers = rowCells(rows[at]!)
    .slice(1)
    .filter(({ cell }) => parseScore(cell.text) !== null);
  if (numbers.length >= 2) {
    return { weight: numbers[numbers.length - 2]!.cell, score: numbers[numbers.length - 1]!.cell, consumed: [] };
  }
  if (numbers.length === 1) {
    const { col, cell } = numbers[0]!;
    const weightCol = columns.find((c) => c.role === 'weight')?.col;
    const scoreCol = columns.find((c) => c.role === 'score')?.col;
    const isWeight = weightCol !== undefined && (scoreCol === undefined || Math.abs(col - weightCol) < Math.abs(col - scoreCol));
    return isWeight ? { weight: cell, score: null, consumed: [] } : { weight: null, score: cell, consumed: [] };
  }
  const found: Raw[] = [];
  const consumed: number[] = [];
  for (let j = at + 1; j < end && found.length < 2; j++) {
    const row = rows[j]!;
    if (row.blank) continue;
    const cells = rowCells(row);
    if (cells.length !== 1 || parseScore(cells[0]!.cell.text) === null) break;
    found.push(cells[0]!.cell);
    consumed.push(j);
  }
  if (found.length === 2) return { weight: found[0]!, score: found[1]!, consumed };
  return { weight: null, score: found[0] ?? null, consumed };
}
