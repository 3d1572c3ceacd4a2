import { describe, expect, it } from 'vitest';
import { sheetsToTables } from '../../src/xlsx/read-workbook.js';
import type { ParsedSheet } from '../../src/runtime/parse-workbook.js';

const sheet = (over: Partial<ParsedSheet>): ParsedSheet => ({ name: 'S', cells: [], merges: [], hidden: 0, ...over });
const cell = (r: number, c: number, text: string, stored = text) => ({ r, c, text, stored, type: 's' });

describe('sheetsToTables', () => {
  it('turns merged ranges into spans at their top-left cell and drops repeated values inside them', () => {
    const [table] = sheetsToTables([
      sheet({
        cells: [cell(0, 0, '产出指标'), cell(1, 0, '产出指标'), cell(0, 1, '数量指标'), cell(1, 1, '质量指标')],
        merges: [{ s: { r: 0, c: 0 }, e: { r: 1, c: 0 } }],
      }),
    ]);
    expect(table!.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text])).toEqual([
      [0, 0, 2, 1, '产出指标'],
      [0, 1, 1, 1, '数量指标'],
      [1, 1, 1, 1, '质量指标'],
    ]);
    expect(table).toMatchObject({ rows: 2, cols: 2, pages: [1], method: 'xlsx' });
  });

  it('keeps the displayed text and, where it differs, the stored value', () => {
    const [table] = sheetsToTables([sheet({ cells: [{ r: 0, c: 0, text: '53,520.00', stored: '53520', type: 'n' }, cell(0, 1, '是')] })]);
    expect(table!.cells[0]).toMatchObject({ text: '53,520.00', stored: '53520' });
    expect(table!.cells[1]!.stored).toBeUndefined();
  });

  it('skips hidden and empty sheets; page is the sheet position', () => {
    const tables = sheetsToTables([sheet({ hidden: 1, cells: [cell(0, 0, 'x')] }), sheet({}), sheet({ cells: [cell(2, 3, 'y')] })]);
    expect(tables.map((t) => t.pages)).toEqual([[3]]);
  });
});
