import type { Cell, Table } from '../../src/schema/table.js';
import { readRecords } from '../../src/read-records.js';
import { FORM_DEFINITIONS } from '../../pipelines/index.js';
import type { Record } from '../../src/schema/record.js';

/** A printed cell: text, or text with its spans (`{ t: '项目资金（万元）', rs: 4 }`). */
export type Printed = string | null | { t: string; cs?: number; rs?: number };

/**
 * A table from rows of printed cells. `xlsx`: a spreadsheet grid (cells in their true columns, spans
 * kept; a spanned slot is written as null). `text`: a tab-separated export (no spans, row = line).
 */
export function grid(rows: Printed[][], method: 'xlsx' | 'text'): Table {
  const cells: Cell[] = [];
  rows.forEach((row, r) =>
    row.forEach((printed, c) => {
      if (printed === null) return;
      const { t, cs = 1, rs = 1 } = typeof printed === 'string' ? { t: printed } : printed;
      const exact = method === 'xlsx';
      cells.push({ row: r, col: c, rowSpan: exact ? rs : 1, colSpan: exact ? cs : 1, text: t, page: null, box: null, line: exact ? null : r + 1, confidence: null });
    }),
  );
  return { pages: [], rows: rows.length, cols: Math.max(...rows.map((r) => r.length)), cells, method, kind: 'grid' };
}

/** A text export from tab-separated lines. */
export function textExport(text: string): Table {
  return grid(text.split('\n').map((line) => line.split('\t').map((t) => t)), 'text');
}

export function read(tables: Table[]): Record[] {
  return readRecords(tables, 'test', FORM_DEFINITIONS);
}

export const rules = (record: Record) => record.findings.map((f) => `${f.severity} ${f.rule} ${f.field}`);
