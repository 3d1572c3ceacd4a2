import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detectDelimiter, MAX_QUOTED_CELL_LINES, readDelimited } from '../../src/text/read-delimited.js';
import { FIXTURES_DIR } from '../../scripts/lib/manifest.js';
import { readTextExport } from '../../src/text/read-text-export.js';
import type { Table } from '../../src/schema/table.js';

/** A table's cells as [row, col, text, line] (spans are 1 in text: asserted once here). */
function cellsOf(table: Table): Array<[number, number, string, number | null]> {
  for (const c of table.cells) expect([c.rowSpan, c.colSpan, c.page, c.box, c.confidence]).toEqual([1, 1, null, null, null]);
  return table.cells.map((c) => [c.row, c.col, c.text, c.line]);
}

describe('detectDelimiter: tabs or commas outside quotes, per document', () => {
  it.each<{ name: string; text: string; want: '\t' | ',' }>([
    { name: 'a tab export with amounts (commas in numbers)', text: '年度资金总额\t600,000.00\t600,000.00\t0\n项目名称\t某项目', want: '\t' },
    { name: 'a CSV as Excel writes it', text: '项目名称,某项目,,\n年度资金总额,"600,000.00",0,10', want: ',' },
    { name: 'a CSV with a tab inside a quoted cell', text: 'a,"b\tc",d\ne,f,g', want: ',' },
    { name: 'a CSV whose quoted cell spans lines', text: 'a,"x\ny",b\nc,d,e', want: ',' },
    { name: 'commas in quotes only: no delimiter, read as lines', text: '"a,b"\n"c,d"', want: '\t' },
    { name: 'prose with a few commas among many lines', text: '项目名称\n某项目\n年度资金总额\n394,000.00\n执行率\n94.20%', want: '\t' },
    { name: 'plain lines', text: '项目名称\n某项目', want: '\t' },
    { name: 'empty', text: '', want: '\t' },
  ])('$name', ({ text, want }) => {
    expect(detectDelimiter(text)).toBe(want);
  });
});

describe('readTextExport: comma-separated values', () => {
  it('row = record, col = field, empty fields left out, thousands separators kept in quoted cells', () => {
    const table = readTextExport('项目名称,医保管理,主管部门,区医保局\r\n年度资金总额,"394,000.00",,371129.24\r\n');
    expect(cellsOf(table)).toEqual([
      [0, 0, '项目名称', 1],
      [0, 1, '医保管理', 1],
      [0, 2, '主管部门', 1],
      [0, 3, '区医保局', 1],
      [1, 0, '年度资金总额', 2],
      [1, 1, '394,000.00', 2],
      [1, 3, '371129.24', 2],
    ]);
    expect({ rows: table.rows, cols: table.cols, method: table.method, pages: table.pages }).toEqual({ rows: 3, cols: 4, method: 'text', pages: [] });
  });

  it('a quoted cell spanning lines is one cell on the line it starts on; later lines keep their numbers', () => {
    const table = readTextExport('绩效目标,"1.完成检查\n2.整改到位",实际完成\n指标,"a ""b"" c",x\n');
    expect(cellsOf(table)).toEqual([
      [0, 0, '绩效目标', 1],
      [0, 1, '1.完成检查\n2.整改到位', 1],
      [0, 2, '实际完成', 2],
      [1, 0, '指标', 3],
      [1, 1, 'a "b" c', 3],
      [1, 2, 'x', 3],
    ]);
    expect(table.rows).toBe(3);
  });

  it('a quoted multi-line cell in a tab export (Excel "Unicode text")', () => {
    const table = readTextExport('项目名称\t"监督\r\n检查"\t主管部门\n下一行\n');
    expect(cellsOf(table)).toEqual([
      [0, 0, '项目名称', 1],
      [0, 1, '监督\n检查', 1],
      [0, 2, '主管部门', 2],
      [1, 0, '下一行', 3],
    ]);
  });

  it.each<{ name: string; text: string; want: Array<[number, number, string, number]> }>([
    { name: 'a quote inside a cell stays text', text: '按"三公"经费\t10', want: [[0, 0, '按"三公"经费', 1], [0, 1, '10', 1]] },
    { name: 'a cell starting with a quote closed early stays text', text: '"三公"经费,10\n下一行', want: [[0, 0, '"三公"经费', 1], [0, 1, '10', 1], [1, 0, '下一行', 2]] },
    {
      name: 'an unterminated quote: the document is read without quoting',
      text: 'a,"b\nc,d\ne,f',
      want: [[0, 0, 'a', 1], [0, 1, '"b', 1], [1, 0, 'c', 2], [1, 1, 'd', 2], [2, 0, 'e', 3], [2, 1, 'f', 3]],
    },
  ])('stray quotes: $name', ({ text, want }) => {
    expect(cellsOf(readTextExport(text))).toEqual(want);
  });

  it(`a quoted cell over ${MAX_QUOTED_CELL_LINES} lines is a stray quote: the document is read without quoting`, () => {
    const body = Array.from({ length: MAX_QUOTED_CELL_LINES + 5 }, (_, k) => `line ${k}`).join('\n');
    const table = readTextExport(`"${body}",x\n`);
    expect(table.rows).toBe(MAX_QUOTED_CELL_LINES + 6);
    expect(table.cells[0]).toMatchObject({ row: 0, col: 0, text: '"line 0', line: 1 });
  });

  it('residue is cleaned before fields are split: tags, bold, LaTeX', () => {
    expect(cellsOf(readTextExport('**项目名称**,<b>某项目</b>,$\\geq 95\\%$'))).toEqual([
      [0, 0, '项目名称', 1],
      [0, 1, '某项目', 1],
      [0, 2, '≥ 95%', 1],
    ]);
  });

  it('blank lines are rows without cells; a trailing line break counts a row, as split does', () => {
    const table = readTextExport('a,b\n\nc,d\n');
    expect(cellsOf(table)).toEqual([
      [0, 0, 'a', 1],
      [0, 1, 'b', 1],
      [2, 0, 'c', 3],
      [2, 1, 'd', 3],
    ]);
    expect(table.rows).toBe(4);
  });
});

/** Every text under fixtures/, as lines cleaned of residue, the way readTextExport hands them on. */
function fixtureTexts(dir = FIXTURES_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixtureTexts(path);
    return name.endsWith('.txt') && !name.startsWith('utf16') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('readDelimited: quote-free text split at its delimiter is what csv-parse reads', () => {
  const generated = ['', '\n', '\n\n', 'a', 'a\n', 'a\tb\n\n\tc\t\n', ' x , y ,\n,,\n', '项目,\t金额\n1,2\t3'];
  it.each([...generated, ...fixtureTexts().filter((t) => !t.includes('"'))].map((text, k) => [k, text] as const))('text %i', (_k, text) => {
    for (const delimiter of ['\t', ','] as const) {
      expect(readDelimited(text, delimiter, { csvParse: false })).toEqual(readDelimited(text, delimiter, { csvParse: true }));
    }
  });
});

describe('readTextExport: odd and hostile text', () => {
  it('empty text is one empty row', () => {
    expect(readTextExport('')).toEqual({ pages: [], rows: 1, cols: 0, cells: [], method: 'text' });
  });

  it('a 10 MB single line is one cell', () => {
    const line = '项'.repeat(10 * 1024 * 1024);
    const started = performance.now();
    const table = readTextExport(line);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(table.cells).toHaveLength(1);
    expect(table.cells[0]!.text.length).toBe(line.length);
  });

  it('a 10 MB single line with quotes (read by csv-parse, 1–4 MB/s) is its cells', () => {
    const line = `"a""b",${'项'.repeat(10 * 1024 * 1024)}`;
    const table = readTextExport(line);
    expect(table.cells.map((c) => c.text.length)).toEqual([3, 10 * 1024 * 1024]);
    expect(table.cells[0]!.text).toBe('a"b');
  }, 60_000);

  it.each([
    { name: 'many unclosed tags', line: '<a'.repeat(2_000_000) },
    { name: 'many quotes', line: '"'.repeat(4_000_000) },
    { name: 'many commas', line: ','.repeat(4_000_000) },
    { name: 'many pipes', line: '|'.repeat(4_000_000) },
    { name: 'many dashes after a pipe', line: `|${'-'.repeat(4_000_000)}x` },
    { name: 'a long grid border', line: `+${'-'.repeat(4_000_000)}x` },
  ])('$name on one line: no hang, no throw', ({ line }) => {
    const started = performance.now();
    const table = readTextExport(line);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(table.method).toBe('text');
  });
});
