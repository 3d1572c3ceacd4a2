import { describe, expect, it } from 'vitest';
import { findPipeTables, isPipeSeparator, splitPipeRow } from '../../src/text/pipe-table.js';
import { readTextExport } from '../../src/text/read-text-export.js';
import type { Table } from '../../src/schema/table.js';

const cellsOf = (table: Table) => table.cells.map((c): [number, number, string, number | null] => [c.row, c.col, c.text, c.line]);

describe('isPipeSeparator', () => {
  it.each(['|---|---|', '| --- | :---: |', '|:--|--:|', '---|---', ' |-| ', '+----+----+', '+====+====+', '+--+'])('%s is a separator', (line) => {
    expect(isPipeSeparator(line)).toBe(true);
  });
  it.each(['----', '| a | b |', '|', '—|—', '| - x |', '+ 项目 +', '++'])('%s is not', (line) => {
    expect(isPipeSeparator(line)).toBe(false);
  });
});

describe('splitPipeRow', () => {
  it.each<{ line: string; want: string[] }>([
    { line: '| 项目名称 | xxx | 主管部门 | yyy |', want: ['项目名称', 'xxx', '主管部门', 'yyy'] },
    { line: '项目名称 | xxx | 主管部门 | yyy', want: ['项目名称', 'xxx', '主管部门', 'yyy'] },
    { line: '|a||b|', want: ['a', '', 'b'] },
    { line: '| | 年初预算数 |', want: ['', '年初预算数'] },
    { line: '项目名称 |', want: ['项目名称'] },
    { line: '| A\\|B | c |', want: ['A|B', 'c'] },
    { line: '| **合计** | 1<br>2 | <br/> |', want: ['合计', '1\n2', ''] },
    { line: '| -- | — |', want: ['--', '—'] },
    { line: '|', want: [] },
  ])('$line', ({ line, want }) => {
    expect(splitPipeRow(line)).toEqual(want);
  });
});

describe('findPipeTables: per block of lines', () => {
  it.each<{ name: string; lines: string[]; want: Array<[number, number]> }>([
    { name: 'a framed table with a separator', lines: ['标题', '| a | b |', '|---|---|', '| 1 | 2 |', '', '说明'], want: [[1, 4]] },
    { name: 'rows without outer pipes, with a separator', lines: ['a | b', '--|--', '1 | 2'], want: [[0, 3]] },
    { name: 'framed rows without a separator', lines: ['| a | b |', '| 1 | 2 |'], want: [[0, 2]] },
    { name: 'prose holding a pipe is no table', lines: ['分A|B两类实施', '下一行'], want: [] },
    { name: 'a framed row beside prose with a pipe: not every line framed', lines: ['| a |', 'x|y'], want: [] },
    { name: 'two tables', lines: ['| a |', '', '| b |', '|---|'], want: [[0, 1], [2, 4]] },
    { name: 'a grid table', lines: ['+---+---+', '| a | b |', '+===+===+', '| 1 | 2 |', '+---+---+'], want: [[0, 5]] },
  ])('$name', ({ lines, want }) => {
    expect(findPipeTables(lines)).toEqual(want);
  });
});

describe('readTextExport: markdown tables among prose', () => {
  it('prose lines are one cell each (heading marks dropped), pipe rows split at the pipes, separator lines give no row, lines keep their numbers', () => {
    const text = ['# 项目支出绩效自评表', '', '| 项目名称 | 监督检查 | 主管部门 | 区医保局 |', '|---|---|---|---|', '| 年度资金总额 | | 394000 | 371129.24 |', '', '备注：说明'].join('\n');
    const table = readTextExport(text);
    expect(cellsOf(table)).toEqual([
      [0, 0, '项目支出绩效自评表', 1],
      [2, 0, '项目名称', 3],
      [2, 1, '监督检查', 3],
      [2, 2, '主管部门', 3],
      [2, 3, '区医保局', 3],
      [3, 0, '年度资金总额', 5],
      [3, 2, '394000', 5],
      [3, 3, '371129.24', 5],
      [5, 0, '备注：说明', 7],
    ]);
    expect({ rows: table.rows, cols: table.cols, method: table.method }).toEqual({ rows: 6, cols: 4, method: 'text' });
    for (const c of table.cells) expect([c.rowSpan, c.colSpan, c.page, c.box, c.confidence]).toEqual([1, 1, null, null, null]);
  });

  it('a line of a pipe table with commas is not read as CSV', () => {
    expect(cellsOf(readTextExport('| 金额 | 1,234.00 |\n| 合计 | 5,678.00 |'))).toEqual([
      [0, 0, '金额', 1],
      [0, 1, '1,234.00', 1],
      [1, 0, '合计', 2],
      [1, 1, '5,678.00', 2],
    ]);
  });

  it('prose beside a pipe table keeps its tabs', () => {
    expect(cellsOf(readTextExport('a\tb\n| c | d |'))).toEqual([
      [0, 0, 'a', 1],
      [0, 1, 'b', 1],
      [1, 0, 'c', 2],
      [1, 1, 'd', 2],
    ]);
  });
});
