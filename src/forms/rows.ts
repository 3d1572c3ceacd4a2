import type { Table } from '../schema/table.js';
import type { Row } from './draft.js';

/**
 * Tables → one stream of rows, in reading order. A spanning cell sits in its first row (as a text
 * export prints it); the forms stage infers spans from the form's structure. Tables are separated by
 * a blank row, so a form may continue from one table into the next; a table continued over pages
 * gets a blank row where the page broke (`breaks`), as a text export would show it.
 */
export function tablesToRows(tables: readonly Table[]): Row[] {
  const rows: Row[] = [];
  const blank = (): Row => ({ index: rows.length, cells: [], blank: true });
  for (const table of tables) {
    if (rows.length > 0) rows.push(blank());
    const breaks = new Set((table.breaks ?? []).filter((r) => r > 0));
    const exactColumns = table.method === 'xlsx' || table.kind === 'ruled';
    const at = new Map<number, number>();
    for (let r = 0; r < table.rows; r++) {
      if (breaks.has(r)) rows.push(blank());
      at.set(r, rows.length);
      rows.push({ ...blank(), exactColumns });
    }
    for (const cell of table.cells) {
      if (cell.text.trim() === '') continue;
      const row = rows[at.get(cell.row)!]!;
      if (exactColumns && cell.colSpan > 1) (row.spans ??= [])[cell.col] = cell.colSpan;
      row.cells[cell.col] = {
        text: cell.text,
        prov: {
          page: cell.page,
          line: cell.line,
          row: cell.row,
          col: cell.col,
          box: cell.box,
          ...(cell.confidence !== null ? { method: 'ocr' as const, confidence: cell.confidence } : {}),
        },
      };
      row.blank = false;
    }
  }
  return rows;
}

/** A non-empty cell of a row: its first grid column, how many columns it spans (1 for text exports), its text. */
export interface RowCell {
  col: number;
  span: number;
  cell: NonNullable<Row['cells'][number]>;
}

/** The non-empty cells of a row with their columns, left to right. */
export function rowCells(row: Row): RowCell[] {
  const out: RowCell[] = [];
  row.cells.forEach((cell, col) => {
    if (cell && cell.text.trim() !== '') out.push({ col, span: row.spans?.[col] ?? 1, cell });
  });
  return out;
}
