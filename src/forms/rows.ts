import type { Table } from '../schema/table.js';
import type { Row } from './draft.js';

/**
 * Tables → one stream of rows, in reading order. A spanning cell sits in its first row (as a text
 * export prints it); the forms stage infers spans from the form's structure. Tables are separated by
 * a blank row, so a form may continue from one table into the next.
 */
export function tablesToRows(tables: readonly Table[]): Row[] {
  const rows: Row[] = [];
  for (const table of tables) {
    if (rows.length > 0) rows.push({ index: rows.length, cells: [], blank: true });
    const base = rows.length;
    for (let r = 0; r < table.rows; r++) rows.push({ index: base + r, cells: [], blank: true });
    for (const cell of table.cells) {
      const row = rows[base + cell.row]!;
      row.cells[cell.col] = {
        text: cell.text,
        prov: { page: cell.page, line: cell.line, row: cell.row, col: cell.col, box: cell.box },
      };
      row.blank = false;
    }
  }
  return rows;
}

/** The non-empty cells of a row with their columns, left to right. */
export function rowCells(row: Row): Array<{ col: number; cell: NonNullable<Row['cells'][number]> }> {
  const out: Array<{ col: number; cell: NonNullable<Row['cells'][number]> }> = [];
  row.cells.forEach((cell, col) => {
    if (cell && cell.text.trim() !== '') out.push({ col, cell });
  });
  return out;
}
