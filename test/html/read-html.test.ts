import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { JixiaoError } from '../../src/errors.js';
import { decodeHtml, declaredCharset } from '../../src/html/decode-html.js';
import { MAX_COLSPAN, MAX_HTML_DEPTH, MAX_TABLE_COLS, parseSpan, readHtml } from '../../src/html/read-html.js';
import type { Table } from '../../src/schema/table.js';

/** Cells as [row, col, rowSpan, colSpan, text]. */
const grid = (table: Table) => table.cells.map((c): [number, number, number, number, string] => [c.row, c.col, c.rowSpan, c.colSpan, c.text]);
/** Each table as its kind and its cells' texts. */
const shape = (tables: Table[]) => tables.map((t) => [t.kind, t.cells.map((c) => c.text)]);

describe('readHtml: tables on a grid', () => {
  it('cells placed at the first free slot of their row, spans from the attributes', () => {
    const [table, ...rest] = readHtml(`<table>
<tr><td rowspan="2">项目资金（元）</td><td></td><td>年初预算数</td><td colspan=2>全年预算数</td></tr>
<tr><td>年度资金总额</td><td>100</td><td>110</td><td>120</td></tr>
<tr><th colspan="5">绩效指标</th></tr>
</table>`);
    expect(rest).toEqual([]);
    expect(grid(table!)).toEqual([
      [0, 0, 2, 1, '项目资金（元）'],
      [0, 2, 1, 1, '年初预算数'],
      [0, 3, 1, 2, '全年预算数'],
      [1, 1, 1, 1, '年度资金总额'],
      [1, 2, 1, 1, '100'],
      [1, 3, 1, 1, '110'],
      [1, 4, 1, 1, '120'],
      [2, 0, 1, 5, '绩效指标'],
    ]);
    expect({ rows: table!.rows, cols: table!.cols, method: table!.method, kind: table!.kind, pages: table!.pages }).toEqual({ rows: 3, cols: 5, method: 'text', kind: 'ruled', pages: [] });
    expect(table!.cells.map((c) => c.line)).toEqual([2, 2, 2, 3, 3, 3, 3, 4]);
    for (const c of table!.cells) expect([c.page, c.box, c.confidence]).toEqual([null, null, null]);
  });

  it('a rowspan reaching into a row pushes that row’s cells right, however many rows it covers', () => {
    const [table] = readHtml('<table><tr><td rowspan=3>a</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>');
    expect(grid(table!)).toEqual([
      [0, 0, 3, 1, 'a'],
      [0, 1, 1, 1, 'b'],
      [1, 1, 1, 1, 'c'],
      [2, 1, 1, 1, 'd'],
      [2, 2, 1, 1, 'e'],
    ]);
  });

  it('cell text: <br> and blocks are line breaks, white space collapsed, entities decoded', () => {
    const [table] = readHtml('<table><tr><td>\n  1.完成&nbsp;&nbsp;检查<br>2.整改<p>到位</p>\n</td><td>A &amp; B &lt;5% &#x2265;90</td><td><span>项目</span><b>名称</b></td></tr></table>');
    expect(table!.cells.map((c) => c.text)).toEqual(['1.完成 检查\n2.整改\n到位', 'A & B <5% ≥90', '项目名称']);
  });

  it('unclosed cells, rows and tables are closed where the markup implies', () => {
    const [table] = readHtml('<table><tr><td>a<td>b<tr><td>c');
    expect(grid(table!)).toEqual([
      [0, 0, 1, 1, 'a'],
      [0, 1, 1, 1, 'b'],
      [1, 0, 1, 1, 'c'],
    ]);
  });

  it('cells without a <tr> start a row; a cell opened inside an unclosed inline element closes the one before', () => {
    const [table] = readHtml('<table><td>a</td><td><b>b<td>c</td></table>');
    expect(grid(table!)).toEqual([
      [0, 0, 1, 1, 'a'],
      [0, 1, 1, 1, 'b'],
      [0, 2, 1, 1, 'c'],
    ]);
  });

  it('thead/tbody/tfoot: rowspan="0" reaches the end of its row group, and no span goes past it', () => {
    const [table] = readHtml('<table><thead><tr><td rowspan=0>h</td><td>x</td></tr><tr><td>y</td></tr></thead><tbody><tr><td rowspan=9>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>');
    expect(grid(table!)).toEqual([
      [0, 0, 2, 1, 'h'],
      [0, 1, 1, 1, 'x'],
      [1, 1, 1, 1, 'y'],
      [2, 0, 2, 1, 'a'],
      [2, 1, 1, 1, 'b'],
      [3, 1, 1, 1, 'c'],
    ]);
  });
});

describe('readHtml: text outside tables, in document order', () => {
  it('titles and notes become lines tables, one row per block, around the grid; script and style are left out', () => {
    const tables = readHtml(`<!DOCTYPE html><html><head><title>页面标题</title><style>td{color:red}</style><script>var x = "<table><td>no</td></table>";</script></head>
<body><h1>项目支出绩效自评表</h1><p>（2023年度）</p><div>单位：元 <span>填报日期</span></div>
<table><tr><td>项目名称</td><td>某项目</td></tr></table>
<p>备注：说明</p></body></html>`);
    expect(shape(tables)).toEqual([
      ['lines', ['项目支出绩效自评表', '（2023年度）', '单位：元 填报日期']],
      ['ruled', ['项目名称', '某项目']],
      ['lines', ['备注：说明']],
    ]);
    expect(tables[0]).toEqual({
      pages: [],
      rows: 3,
      cols: 1,
      method: 'text',
      kind: 'lines',
      cells: [
        { row: 0, col: 0, rowSpan: 1, colSpan: 1, text: '项目支出绩效自评表', page: null, box: null, line: 2, confidence: null },
        { row: 1, col: 0, rowSpan: 1, colSpan: 1, text: '（2023年度）', page: null, box: null, line: 2, confidence: null },
        { row: 2, col: 0, rowSpan: 1, colSpan: 1, text: '单位：元 填报日期', page: null, box: null, line: 2, confidence: null },
      ],
    });
    expect(tables[2]!.cells[0]!.line).toBe(4);
  });

  it('a caption is a line before its table', () => {
    expect(shape(readHtml('<p>上文</p><table><caption>表1 自评表</caption><tr><td>a</td></tr></table>'))).toEqual([
      ['lines', ['上文']],
      ['lines', ['表1 自评表']],
      ['ruled', ['a']],
    ]);
  });

  it('a page without tables is lines; an empty page is nothing', () => {
    expect(shape(readHtml('<html><body><h1>404</h1><p>页面不存在</p></body></html>'))).toEqual([['lines', ['404', '页面不存在']]]);
    expect(readHtml('')).toEqual([]);
    expect(readHtml('<table><tr><td> </td></tr></table>')).toEqual([]);
  });
});

describe('readHtml: nested tables', () => {
  it('a layout table wrapping the page: its own cells are lines, the tables inside it tables', () => {
    const tables = readHtml(`<table width="100%"><tr><td><h2>项目支出绩效自评表</h2>（2023年度）</td></tr>
<tr><td><table border=1><tr><td>项目名称</td><td colspan=2>某项目</td></tr></table></td></tr>
<tr><td>填表人：张三</td><td>日期</td></tr></table>`);
    expect(shape(tables)).toEqual([
      ['lines', ['项目支出绩效自评表', '（2023年度）']],
      ['ruled', ['项目名称', '某项目']],
      ['lines', ['填表人：张三', '日期']],
    ]);
    expect(grid(tables[1]!)).toEqual([
      [0, 0, 1, 1, '项目名称'],
      [0, 1, 1, 2, '某项目'],
    ]);
  });

  it('two levels of layout around two forms', () => {
    const inner = (name: string) => `<table><tr><td>项目名称</td><td>${name}</td></tr></table>`;
    const tables = readHtml(`<table><tr><td><table><tr><td>甲</td><td>${inner('一')}</td></tr></table></td></tr><tr><td>${inner('二')}</td></tr></table>`);
    expect(shape(tables)).toEqual([
      ['lines', ['甲']],
      ['ruled', ['项目名称', '一']],
      ['ruled', ['项目名称', '二']],
    ]);
  });

  it('a table without cells inside a cell (a spacer) leaves the cell its text, a block in it', () => {
    const [table, ...rest] = readHtml('<table><tr><td>a<table></table>b</td><td>c</td></tr></table>');
    expect(rest).toEqual([]);
    expect(grid(table!)).toEqual([
      [0, 0, 1, 1, 'a\nb'],
      [0, 1, 1, 1, 'c'],
    ]);
  });
});

describe('parseSpan: the HTML rules for non-negative integers, capped', () => {
  it.each<{ value: string | undefined; want: number }>([
    { value: undefined, want: 1 },
    { value: '', want: 1 },
    { value: '3', want: 3 },
    { value: ' 3', want: 3 },
    { value: '+3', want: 3 },
    { value: '3px', want: 3 },
    { value: '0', want: 1 },
    { value: '-2', want: 1 },
    { value: 'abc', want: 1 },
    { value: '100000', want: MAX_COLSPAN },
    { value: '99999999999999999999', want: MAX_COLSPAN },
  ])('colspan="$value" → $want', ({ value, want }) => {
    expect(parseSpan(value, 1, 1, MAX_COLSPAN)).toBe(want);
  });
  it('rowspan="0" is kept (it reaches the end of the row group)', () => {
    expect(parseSpan('0', 1, 0, 65_534)).toBe(0);
  });
});

describe('readHtml: hostile and odd pages', () => {
  it.each([
    { name: 'colspan=100000', html: '<table><tr><td colspan=100000>a</td><td>b</td></tr></table>', want: [[0, 0, 1, 1000, 'a'], [0, 1000, 1, 1, 'b']] },
    { name: 'rowspan=100000 in a table of two rows', html: '<table><tr><td rowspan=100000>a</td></tr><tr><td>b</td></tr></table>', want: [[0, 0, 2, 1, 'a'], [1, 1, 1, 1, 'b']] },
    { name: 'rowspan=-1 and colspan=garbage', html: '<table><tr><td rowspan=-1 colspan="x">a</td><td colspan=0>b</td></tr></table>', want: [[0, 0, 1, 1, 'a'], [0, 1, 1, 1, 'b']] },
  ])('$name: spans capped', ({ html, want }) => {
    expect(grid(readHtml(html)[0]!)).toEqual(want);
  });

  it(`a table wider than ${MAX_TABLE_COLS} columns is cut there`, () => {
    const [table] = readHtml(`<table><tr>${'<td colspan=1000>x</td>'.repeat(20)}<td>past</td></tr></table>`);
    expect(table!.cols).toBe(MAX_TABLE_COLS);
    expect(table!.cells).toHaveLength(17);
    expect(table!.cells[16]).toMatchObject({ col: 16_000, colSpan: 384 });
  });

  it('many cells with huge spans: no hang', () => {
    const html = `<table>${'<tr><td rowspan=65534 colspan=1000>a</td><td>b</td></tr>'.repeat(2000)}</table>`;
    const started = performance.now();
    const [table] = readHtml(html);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(table!.cells[0]).toMatchObject({ row: 0, col: 0, rowSpan: 2000, colSpan: 1000 });
  });

  it('10 000 nested tables: the innermost is the table, the others layout', () => {
    const depth = 10_000;
    const html = '<table><tr><td>'.repeat(depth) + '<b>深处</b>' + '</td></tr></table>'.repeat(depth);
    const tables = readHtml(html);
    expect(shape(tables)).toEqual([['ruled', ['深处']]]);
  });

  it('10 000 nested divs around a table', () => {
    const tables = readHtml('<div>'.repeat(10_000) + '<table><tr><td>a</td></tr></table>');
    expect(shape(tables)).toEqual([['ruled', ['a']]]);
  });

  it(`nesting deeper than ${MAX_HTML_DEPTH} elements is HOSTILE_INPUT`, () => {
    let caught: unknown;
    try {
      readHtml('<div>'.repeat(MAX_HTML_DEPTH + 1), 'deep.html');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(JixiaoError);
    expect((caught as JixiaoError).code).toBe('HOSTILE_INPUT');
    expect((caught as JixiaoError).context).toEqual({ file: 'deep.html', stage: 'extract' });
  });

  it('unterminated tags, comments and attributes do not throw', () => {
    for (const html of ['<table><tr><td', '<!-- never closed <table><td>x', '<table><tr><td title="x>y', '<<<>>>', '</td></tr></table>', '<td>x</td>']) {
      expect(() => readHtml(html)).not.toThrow();
    }
    expect(shape(readHtml('<td>x</td>'))).toEqual([['lines', ['x']]]);
  });
});

describe('decodeHtml: the page’s declared charset', () => {
  const page = (charset: string) => `<html><head><meta charset="${charset}"></head><body><p>项目支出绩效自评表</p></body></html>`;

  it.each(['gbk', 'GB2312', 'gb18030'])('<meta charset=%s> bytes are GB18030', (charset) => {
    expect(decodeHtml(iconv.encode(page(charset), 'gbk'))).toEqual({ text: page(charset), encoding: 'gb18030' });
  });

  it('http-equiv Content-Type with charset=gb2312', () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>联通</body></html>';
    // 联通 in GBK (C1 AA CD A8) is no valid UTF-8, but the declaration decides even where it could be.
    expect(declaredCharset(Buffer.from(html, 'latin1'))).toBe('gb2312');
    expect(decodeHtml(iconv.encode(html, 'gbk')).text).toBe(html);
  });

  it('a page declaring utf-8 (or nothing) is UTF-8 when it is, GB18030 when it is not', () => {
    expect(decodeHtml(Buffer.from(page('utf-8'), 'utf8'))).toEqual({ text: page('utf-8'), encoding: 'utf-8' });
    expect(decodeHtml(iconv.encode(page('utf-8'), 'gbk'))).toEqual({ text: page('utf-8'), encoding: 'gb18030' });
  });

  it('a BOM wins over the declaration', () => {
    const bytes = iconv.encode(page('gbk'), 'utf16le', { addBOM: true });
    expect(decodeHtml(bytes)).toEqual({ text: page('gbk'), encoding: 'utf-16le' });
  });
});
