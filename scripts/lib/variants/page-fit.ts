/**
 * Column widths in cm on the printed page: every number must fit its column (LibreOffice prints
 * `###` for a number too wide, which no reader could read back), labels get room for a few
 * characters, and the rest of the printable width is shared by the layout's relative widths.
 */
import type { Choices } from './choices.js';
import type { Grid } from './grid.js';

const PT = 0.03528; // cm

/** Printed width of a text in cm at a font size (CJK one em, other characters about half). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.56;
  return em * fontSize * PT;
}

export function printableWidth(choices: Pick<Choices, 'landscape'>): number {
  return (choices.landscape ? 29.7 : 21) - 2.4 - 0.2;
}

/** Minimum width of every column, in cm. */
function minimumWidths(grid: Grid, fontSize: number): number[] {
  const min = Array(grid.width).fill(0.6) as number[];
  const span = new Map<string, number>();
  for (const m of grid.merges) span.set(`${m.s.r},${m.s.c}`, m.e.c - m.s.c + 1);
  const wide: Array<{ c: number; n: number; need: number }> = [];
  grid.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      const n = span.get(`${r},${c}`) ?? 1;
      let need = 0;
      // Footer label/value cells (填表人：, a phone number) must show whole; a footer line wraps.
      if (cell.role === 'footer' && n < grid.width) need = textWidth(cell.text, fontSize) + 0.3;
      else if (r < grid.table.first || r > grid.table.last) return;
      else if (cell.role === 'number') need = textWidth(cell.text, fontSize) + 0.35;
      else if (cell.role === 'label') need = textWidth([...cell.text].slice(0, 5).join(''), fontSize) + 0.3;
      else if (cell.role === 'text') need = textWidth([...cell.text].slice(0, 4).join(''), fontSize) + 0.3;
      else if (cell.role === 'header') need = textWidth([...cell.text].slice(0, 2).join(''), fontSize) + 0.3;
      else return;
      if (n === 1) min[c] = Math.max(min[c]!, need);
      else wide.push({ c, n, need });
    });
  });
  for (const { c, n, need } of wide) {
    const have = min.slice(c, c + n).reduce((a, b) => a + b, 0);
    if (have < need) for (let k = c; k < c + n; k++) min[k]! += (need - have) / n;
  }
  return min;
}

/** Column widths in cm, or null when the numbers cannot fit the printable width at that size. */
export function columnWidths(grid: Grid, choices: Pick<Choices, 'landscape' | 'fontSize'>): number[] | null {
  const printable = printableWidth(choices);
  const min = minimumWidths(grid, choices.fontSize);
  const spare = printable - min.reduce((a, b) => a + b, 0);
  if (spare < 0) return null;
  const total = grid.widths.reduce((a, b) => a + b, 0);
  return min.map((m, c) => m + (spare * grid.widths[c]!) / total);
}

/**
 * Makes the drawn page hold the grid: landscape when portrait is too narrow, then smaller type
 * (down to 7 pt). Returns the choices as printed.
 */
export function fitPage(grid: Grid, choices: Choices): Choices {
  const tries: Array<Pick<Choices, 'landscape' | 'fontSize'>> = [{ landscape: choices.landscape, fontSize: choices.fontSize }];
  if (!choices.landscape) tries.push({ landscape: true, fontSize: choices.fontSize });
  for (let size = choices.fontSize - 1; size >= 7; size--) tries.push({ landscape: true, fontSize: size });
  for (const t of tries) if (columnWidths(grid, t)) return { ...choices, ...t };
  return { ...choices, landscape: true, fontSize: 7 };
}
