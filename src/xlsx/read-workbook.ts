import type { Cell, Table } from '../schema/table.js';
import type { ParsedSheet } from '../runtime/parse-workbook.js';

/**
 * Sheets → Tables, one per visible sheet: a merged range is one cell with its row/column span,
 * placed at its top-left corner (where the spreadsheet keeps the value). `page` is the sheet's
 * 1-based position in the workbook, so provenance can point at it.
 */
export function sheetsToTables(sheets: readonly ParsedSheet[]): Table[] {
  const tables: Table[] = [];
  sheets.forEach((sheet, index) => {
    if (sheet.hidden) return;
    const spans = new Map<string, { rowSpan: number; colSpan: number }>();
    const covered = new Set<string>();
    for (const m of sheet.merges) {
      spans.set(`${m.s.r}:${m.s.c}`, { rowSpan: m.e.r - m.s.r + 1, colSpan: m.e.c - m.s.c + 1 });
      for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(`${r}:${c}`);
    }
    let rows = 0;
    let cols = 0;
    const cells: Cell[] = [];
    for (const cell of [...sheet.cells].sort((a, b) => a.r - b.r || a.c - b.c)) {
      const key = `${cell.r}:${cell.c}`;
      // Some writers repeat a merged value in every covered cell; the range holds it once.
      if (covered.has(key) || cell.text.trim() === '') continue;
      const span = spans.get(key) ?? { rowSpan: 1, colSpan: 1 };
      rows = Math.max(rows, cell.r + span.rowSpan);
      cols = Math.max(cols, cell.c + span.colSpan);
      const stored = cell.stored !== cell.text ? { stored: cell.stored } : {};
      cells.push({ row: cell.r, col: cell.c, ...span, text: cell.text, page: index + 1, box: null, line: null, confidence: null, ...stored });
    }
    if (cells.length > 0) tables.push({ pages: [index + 1], rows, cols, cells, method: 'xlsx' });
  });
  return tables;
}
