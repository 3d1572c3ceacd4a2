import type { Cell, Table } from '../schema/table.js';
import { cleanResidue } from './clean-residue.js';

/**
 * A text export (cells separated by tabs, one printed line per line) as one Table: row = line
 * index, col = field index. Empty cells are left out; a line with no text is a row without cells,
 * which the forms stage reads as a break (often a page break in the original).
 */
export function readTextExport(text: string): Table {
  const lines = text.split(/\r\n|\r|\n/);
  const cells: Cell[] = [];
  let cols = 0;
  lines.forEach((raw, row) => {
    const fields = cleanResidue(raw).split('\t');
    fields.forEach((field, col) => {
      const value = field.trim();
      if (value === '') return;
      cols = Math.max(cols, col + 1);
      cells.push({ row, col, rowSpan: 1, colSpan: 1, text: value, page: null, box: null, line: row + 1, confidence: null });
    });
  });
  return { pages: [], rows: lines.length, cols, cells, method: 'text' };
}
