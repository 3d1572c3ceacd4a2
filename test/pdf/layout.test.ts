import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractTables } from '../../src/extract-tables.js';
import type { Table } from '../../src/schema/table.js';
import { FIXTURES_DIR } from '../../scripts/lib/manifest.js';

const tablesOf = async (file: string) => extractTables(new Uint8Array(readFileSync(join(FIXTURES_DIR, file))), file);
const cellWith = (tables: readonly Table[], text: string) => tables.flatMap((t) => t.cells).find((c) => c.text.replace(/\s/g, '') === text);

describe('PDF layout (committed fixtures)', () => {
  it('merged cells come back as one cell with its row and column span', async () => {
    const { tables } = await tablesOf('pdf/changning-2023-self-evaluation.ruled.pdf');
    expect(cellWith(tables, '2023年中央财政医疗服务与保障能力提升补助资金（医疗保障服务能力建设部分）')).toMatchObject({ colSpan: 8, rowSpan: 1, col: 1 });
    expect(cellWith(tables, '项目资金（元）')).toMatchObject({ rowSpan: 5, colSpan: 1, col: 0 });
    expect(cellWith(tables, '产出指标')).toMatchObject({ rowSpan: 4, colSpan: 1, col: 1 });
  });

  it('a wrapped cell is one cell, its lines joined without spaces between Han characters', async () => {
    const { tables } = await tablesOf('pdf/changning-2023-self-evaluation.ruled.pdf');
    const cell = tables.flatMap((t) => t.cells).find((c) => c.text.startsWith('其中：当年'));
    expect(cell).toMatchObject({ text: '其中：当年\n财政拨款', rowSpan: 1, colSpan: 1 });
    expect(cellWith(tables, '项目资金（元）')!.text).toBe('项目资金\n（元）');
  });

  it('a table split over two pages is joined, the repeated header dropped and the page break kept', async () => {
    const { tables } = await tablesOf('pdf/changning-2023-self-evaluation.landscape-split.pdf');
    const joined = tables.filter((t) => t.pages.length > 1);
    expect(joined.map((t) => t.pages)).toEqual([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14], [15, 16], [17, 18]]);
    const first = joined[0]!;
    expect(first.pages).toEqual([1, 2]);
    expect(first.breaks).toHaveLength(1);
    const headers = first.cells.filter((c) => c.text === '一级指标');
    expect(headers).toHaveLength(1);
  });

  it('a borderless table is found by whitespace alignment', async () => {
    const { tables } = await tablesOf('pdf/special/borderless.pdf');
    expect(tables.some((t) => t.kind === 'aligned' && t.cols >= 6)).toBe(true);
    const header = tables.flatMap((t) => t.cells).filter((c) => ['一级指标', '二级指标', '三级指标'].includes(c.text));
    expect(new Set(header.map((c) => c.col)).size).toBe(3);
  });

  it('a page with /Rotate 90 is read upright, boxes in the rotated page', async () => {
    const { pages, tables } = await tablesOf('pdf/special/rotated.pdf');
    expect(pages[0]).toMatchObject({ rotate: 90, needsOcr: false });
    expect(pages[0]!.width).toBeGreaterThan(pages[0]!.height);
    expect(cellWith(tables, 'B参保筹资工作经费')).toBeDefined();
  });

  it('a font without a Unicode mapping flags the page as needing OCR', async () => {
    const { pages } = await tablesOf('pdf/edge/garbled-font.pdf');
    expect(pages).toEqual([{ page: 1, width: 595, height: 842, rotate: 0, needsOcr: true }]);
  });
});
