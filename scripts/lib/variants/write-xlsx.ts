/**
 * A grid as an .xlsx workbook (SheetJS): typed number cells with the format that displays the
 * printed digits (or text cells), merged ranges, column widths, taller rows where the layout asks,
 * margins, and print titles / print area as defined names.
 */
import XLSX from 'xlsx';
import type { Choices } from './choices.js';
import type { Grid } from './grid.js';

export function gridToXlsx(grid: Grid, choices: Choices): Buffer {
  const sheet: XLSX.WorkSheet = {};
  grid.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      const address = XLSX.utils.encode_cell({ r, c });
      sheet[address] = cell.number && choices.cellType === 'number' ? { t: 'n', v: cell.number.v, z: cell.number.z, w: cell.text } : { t: 's', v: cell.text };
    }),
  );
  const lastRow = grid.rows.length - 1;
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: grid.width - 1 } });
  sheet['!merges'] = grid.merges.map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
  const total = grid.widths.reduce((a, b) => a + b, 0);
  const chars = choices.landscape ? 150 : 105;
  sheet['!cols'] = grid.widths.map((w) => ({ wch: Math.max(4, Math.round((w / total) * chars)) }));
  const tall = new Set(grid.tall);
  sheet['!rows'] = grid.rows.map((_, r) => (tall.has(r) ? { hpt: 42 } : {}));
  sheet['!margins'] = { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 };
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, choices.sheetName);
  const quoted = `'${choices.sheetName}'`;
  const names: Array<{ Name: string; Sheet: number; Ref: string }> = [
    { Name: '_xlnm.Print_Area', Sheet: 0, Ref: `${quoted}!$A$1:$${XLSX.utils.encode_col(grid.width - 1)}$${lastRow + 1}` },
  ];
  if (choices.repeatHeader && grid.header) names.push({ Name: '_xlnm.Print_Titles', Sheet: 0, Ref: `${quoted}!$${grid.header.first + 1}:$${grid.header.last + 1}` });
  workbook.Workbook = { Names: names };
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
