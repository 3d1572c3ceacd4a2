import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extract, extractFile } from '../../src/extract.js';
import { decodeHtml } from '../../src/html/decode-html.js';
import { readHtml } from '../../src/html/read-html.js';
import { decodeText } from '../../src/ingest/decode-text.js';
import { readTextExport } from '../../src/text/read-text-export.js';
import type { Record } from '../../src/schema/record.js';
import type { Table } from '../../src/schema/table.js';
import { FIXTURES_DIR } from '../../scripts/lib/manifest.js';

/**
 * End to end, one invented self-evaluation form (fixtures/text-shapes/) in each text shape: the
 * tables the reader must hand the forms stage, then the one record extract makes of them.
 */
const path = (name: string) => join(FIXTURES_DIR, 'text-shapes', name);
const at = (table: Table, row: number, col: number) => table.cells.find((c) => c.row === row && c.col === col);

function expectTheForm(records: readonly Record[]): void {
  expect(records).toHaveLength(1);
  const [record] = records;
  expect(record!.projectName).toBe('社区图书角运维经费');
  expect(record!.year).toBe(2024);
  expect(record!.funds?.total?.executed).toBe('186500.00');
  expect(record!.indicators).toHaveLength(6);
  expect(record!.indicators[5]).toMatchObject({ level1: '满意度指标', level3: '居民满意度', score: '8', deviation: '部分图书更新不及时，下年度增加采购频次' });
  expect(record!.totalScore).toBe('97.33');
  expect(record!.findings).toEqual([]);
}

describe('CSV with quoted multi-line cells', () => {
  it('tables: one grid, a quoted cell spanning lines is one cell on the line it starts on', () => {
    const { text } = decodeText(readFileSync(path('csv-quoted-cells.csv')));
    const table = readTextExport(text);
    expect(at(table, 5, 2)).toMatchObject({ text: '200,000.00', line: 6 });
    expect(at(table, 10, 1)).toMatchObject({ text: '1.完成10个社区图书角日常运维\n2.图书完好率不低于95%', line: 11 });
    expect(at(table, 10, 4)).toMatchObject({ text: '10个图书角运维到位，借阅量较上年提升', line: 12 });
    expect(at(table, 17, 8)).toMatchObject({ text: '部分图书更新不及时，\n下年度增加采购频次', line: 19 });
    expect(at(table, 18, 0)).toMatchObject({ text: '总分', line: 21 });
    expect({ rows: table.rows, cols: table.cols }).toEqual({ rows: 20, cols: 9 });
  });

  it('extractFile: the one record', async () => {
    const result = await extractFile(path('csv-quoted-cells.csv'));
    expect(result.kind).toBe('text');
    expectTheForm(result.records);
  });

  it('extract: the same record in GB18030 and in UTF-16LE', async () => {
    const csv = readFileSync(path('csv-quoted-cells.csv'), 'utf8');
    for (const bytes of [iconv.encode(csv, 'gb18030'), iconv.encode(csv, 'utf16le', { addBOM: true })]) {
      expectTheForm((await extract(bytes, 'form.csv')).records);
    }
  });
});

describe('markdown pipe tables', () => {
  it('tables: prose lines one cell, pipe rows split, no row for the separator', () => {
    const table = readTextExport(readFileSync(path('markdown-pipe-table.md'), 'utf8'));
    expect(at(table, 0, 0)).toMatchObject({ text: '财政项目支出绩效自评表', line: 1 });
    expect(at(table, 2, 0)).toMatchObject({ text: '（2024年度）', line: 3 });
    expect(at(table, 4, 1)).toMatchObject({ text: '社区图书角运维经费', line: 5 });
    expect(at(table, 5, 0)).toMatchObject({ text: '主管部门', line: 7 });
    expect(at(table, 12, 1)).toMatchObject({ text: '1.完成10个社区图书角日常运维\n2.图书完好率不低于95%', line: 14 });
  });

  it('extractFile: the one record', async () => {
    const result = await extractFile(path('markdown-pipe-table.md'));
    expect(result.kind).toBe('text');
    expectTheForm(result.records);
  });
});

describe('an HTML page with rowspan and colspan', () => {
  it('tables: the title lines, the grid with its spans, the note', () => {
    const tables = readHtml(decodeHtml(readFileSync(path('html-rowspan-colspan.html'))).text);
    expect(tables.map((t) => t.kind)).toEqual(['lines', 'ruled', 'lines']);
    expect(tables[0]!.cells.map((c) => c.text)).toEqual(['首页 > 信息公开', '财政项目支出绩效自评表', '（2024年度）']);
    const grid = tables[1]!;
    expect({ rows: grid.rows, cols: grid.cols }).toEqual({ rows: 17, cols: 9 });
    expect(at(grid, 0, 1)).toMatchObject({ text: '社区图书角运维经费', colSpan: 8 });
    expect(at(grid, 2, 0)).toMatchObject({ text: '项目资金\n（元）', rowSpan: 5, colSpan: 1 });
    expect(at(grid, 3, 1)).toMatchObject({ text: '年度资金总额', rowSpan: 1 });
    expect(at(grid, 3, 4)).toMatchObject({ text: '186,500.00' });
    expect(at(grid, 9, 0)).toMatchObject({ text: '绩效指标', rowSpan: 7 });
    expect(at(grid, 10, 1)).toMatchObject({ text: '产出指标', rowSpan: 3 });
    // Rows under 产出指标 start at column 2: columns 0 and 1 are taken by the spans above.
    expect(at(grid, 11, 2)).toMatchObject({ text: '质量指标' });
    expect(at(grid, 15, 8)).toMatchObject({ text: '部分图书更新不及时，\n下年度增加采购频次' });
    expect(at(grid, 16, 0)).toMatchObject({ text: '总分', colSpan: 6 });
    expect(at(grid, 16, 6)).toMatchObject({ text: '100' });
    expect(tables[2]!.cells.map((c) => c.text)).toEqual(['注：本表金额单位为元。', '版权所有 © 临江市东湖区人民政府（示例）']);
  });

  it('extractFile: the one record', async () => {
    const result = await extractFile(path('html-rowspan-colspan.html'));
    expect(result.kind).toBe('html');
    expectTheForm(result.records);
  });

  it('extract: the same page in GBK with <meta charset=gbk>, served under an .xls name', async () => {
    const html = readFileSync(path('html-rowspan-colspan.html'), 'utf8').replace('<meta charset="utf-8">', '<meta charset="gbk">');
    const result = await extract(iconv.encode(html, 'gbk'), 'export.xls');
    expect(result.kind).toBe('html');
    expectTheForm(result.records);
  });
});

describe('markdown with an HTML table (as PDF-to-markdown converters write merged cells)', () => {
  it('extract: the record, the table read with its spans', async () => {
    const html = readFileSync(path('html-rowspan-colspan.html'), 'utf8');
    const table = html.slice(html.indexOf('<table border'), html.lastIndexOf('</table>') + '</table>'.length);
    const markdown = `# 财政项目支出绩效自评表\n\n（2024年度）\n\n${table}\n\n注：本表金额单位为元。\n`;
    const result = await extract(Buffer.from(markdown, 'utf8'), 'form.md');
    expect(result.kind).toBe('text');
    expectTheForm(result.records);
  });
});

describe('one cell per line', () => {
  it('does not crash: the header fields are read, funds and indicator rows are not rebuilt (pending forms)', async () => {
    const result = await extractFile(path('one-cell-per-line.txt'));
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({ projectName: '社区图书角运维经费', department: '临江市东湖区文化和旅游局', implementingUnit: '临江市东湖区图书馆' });
  });
  it.todo('one cell per line: rows rebuilt from runs of header labels (no general rule found yet)');
});
