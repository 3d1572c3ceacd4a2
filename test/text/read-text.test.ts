import { describe, expect, it } from 'vitest';
import { readText } from '../../src/text/read-text.js';
import { readTextExport } from '../../src/text/read-text-export.js';
import type { Table } from '../../src/schema/table.js';

const cellsOf = (table: Table) => table.cells.map((c): [number, number, number, number, string, number | null] => [c.row, c.col, c.rowSpan, c.colSpan, c.text, c.line]);

describe('readText: HTML tables among the lines of a text (markdown from PDF converters)', () => {
  it('text without a <table> is the one table readTextExport reads', () => {
    const text = '项目名称\t某项目\n<td colspan="2">合计</td>\t100';
    expect(readText(text)).toEqual([readTextExport(text)]);
  });

  it('prose, an HTML table with spans, prose: three tables in order, lines of the whole text', () => {
    const text = [
      '# 项目支出绩效自评表',
      '（2024年度）',
      '<table><tr><td rowspan="2">项目资金（元）</td><td>年初预算数</td></tr>',
      '<tr><td>100</td></tr></table>',
      '',
      '注：单位为元',
    ].join('\n');
    const tables = readText(text);
    expect(tables.map((t) => t.kind)).toEqual([undefined, 'ruled', undefined]);
    expect(cellsOf(tables[0]!)).toEqual([
      [0, 0, 1, 1, '项目支出绩效自评表', 1],
      [1, 0, 1, 1, '（2024年度）', 2],
    ]);
    expect(cellsOf(tables[1]!)).toEqual([
      [0, 0, 2, 1, '项目资金（元）', 3],
      [0, 1, 1, 1, '年初预算数', 3],
      [1, 1, 1, 1, '100', 4],
    ]);
    expect(cellsOf(tables[2]!)).toEqual([[0, 0, 1, 1, '注：单位为元', 6]]);
  });

  it('nested tables on several lines are one run; an unclosed table runs to the end', () => {
    const nested = readText('a\n<table><tr><td>\n<table><tr><td>x</td></tr></table>\n</td></tr></table>\nb');
    expect(nested.map((t) => t.cells.map((c) => c.text))).toEqual([['a'], ['x'], ['b']]);
    const open = readText('<table><tr><td>x\ny');
    expect(open.map((t) => t.cells.map((c) => c.text))).toEqual([['x y']]);
  });
});
