import { describe, expect, it } from 'vitest';
import { findRuledTables } from '../../src/layout/ruled-tables.js';
import { mergeSegments } from '../../src/layout/segments.js';
import type { Segment, TextRun } from '../../src/pdf/page-content.js';

const run = (text: string, x: number, y: number, size = 10): TextRun => ({ text, box: [x, y, x + 0.5 * size * text.length, y + size], size });
const h = (at: number, from: number, to: number): Segment => ({ dir: 'h', at, from, to });
const v = (at: number, from: number, to: number): Segment => ({ dir: 'v', at, from, to });

/**
 * A table ruled in the "open" style: rules across at the top, under the header and at the bottom,
 * column rules between the value columns only, none at the sides. Row labels at x 60, values at
 * 210 and 310, a last column at 410.
 */
function openTable(sideRuleEnds: [number, number]) {
  const [left, right] = sideRuleEnds;
  const rules = [h(100, left, right), h(120, left, right), h(190, left, right), v(200, 100, 190), v(300, 100, 190), v(400, 100, 190)];
  const rows = [
    ['Category', 'Number', 'Percent', 'Change'],
    ['All ages', '291,099', '100.0', '12.7'],
    ['Men', '54,425', '18.7', '2.2'],
    ['Women', '34,947', '12.0', '3.3'],
  ];
  const runs = rows.flatMap((cells, r) => cells.map((text, c) => run(text, [60, 210, 310, 410][c]!, 105 + 20 * r)));
  return findRuledTables(1, mergeSegments(rules), runs);
}

describe('ruled tables', () => {
  it('a table with no side rules takes in the row labels and the last column the rules across reach', () => {
    const [table, ...rest] = openTable([50, 460]);
    expect(rest).toHaveLength(0);
    expect(table).toMatchObject({ box: [50, 100, 460, 190], cols: 4, underRuled: false });
    const text = (row: number) => table!.cells.filter((c) => c.row === row).map((c) => c.text);
    expect(text(0)).toEqual(['Category', 'Number', 'Percent', 'Change']);
    expect(text(table!.rows - 1)).toEqual(['Women', '34,947', '12.0', '3.3']);
  });

  it('rules that only overshoot the outer column rules by a few points add no column', () => {
    const [table] = openTable([197, 403]);
    expect(table).toMatchObject({ box: [200, 100, 400, 190], cols: 2 });
    expect(table!.cells.some((c) => c.text === 'All ages')).toBe(false);
  });

  it("a chart's frame, its gridlines too short to part cells, is sparse: not a table", () => {
    // Frame 100..400 × 100..300, a rule down the middle, nine gridlines across half a column each.
    const grid = Array.from({ length: 9 }, (_, k) => h(120 + 20 * k, 100, 180));
    const rules = [h(100, 100, 400), h(300, 100, 400), v(100, 100, 300), v(250, 100, 300), v(400, 100, 300), ...grid];
    const [chart] = findRuledTables(1, mergeSegments(rules), [run('Median income', 110, 105)]);
    expect(chart).toMatchObject({ rows: 10, cols: 2, sparse: true });
    expect(chart!.cells).toHaveLength(2);
  });

  it('a grid whose cells mostly hold text is not sparse', () => {
    const rules = [...[100, 120, 140].map((y) => h(y, 100, 400)), ...[100, 250, 400].map((x) => v(x, 100, 140))];
    const [table] = findRuledTables(1, mergeSegments(rules), [run('Year', 110, 105), run('2010', 260, 105), run('Total', 110, 125)]);
    expect(table).toMatchObject({ rows: 2, cols: 2, sparse: false });
  });

  it('one cell with text far apart makes a frame around columns of text, except in a large grid read by OCR (a lost rule)', () => {
    // A full 5×4 grid, 20 filled cells; the first row's two cells lack the rule between them.
    const xs = [0, 100, 200, 300, 400];
    const ys = [0, 20, 40, 60, 80, 100];
    const rules = [...ys.map((y) => h(y, 0, 400)), ...xs.map((x) => v(x, x === 100 ? 20 : 0, 100))];
    const texts = (confidence?: number) =>
      ys.slice(0, -1).flatMap((y, r) => xs.slice(0, -1).map((x, c) => ({ ...run(`r${r}c${c}`, x + 5, y + 5), ...(confidence === undefined ? {} : { confidence }) })));
    const [text] = findRuledTables(1, mergeSegments(rules), texts());
    expect(text).toMatchObject({ rows: 5, cols: 4, underRuled: true });
    const [scanned] = findRuledTables(1, mergeSegments(rules), texts(0.9));
    expect(scanned).toMatchObject({ rows: 5, cols: 4, underRuled: false });
    expect(scanned!.cells.find((c) => c.row === 0 && c.col === 0)).toMatchObject({ colSpan: 2, text: 'r0c0 r0c1' });
  });

  it('on a scanned page, a rule lost in one column between rows whose text sits on the rows\' lines parts the cells; a cell merged across rows stays whole', () => {
    // A 4×4 grid; the rule under row 1 is missing in column 2 only (a seal over it).
    const xs = [0, 100, 200, 300, 400];
    const ys = [0, 20, 40, 60, 80];
    const rules = [...ys.map((y) => (y === 40 ? [h(y, 0, 200), h(y, 300, 400)] : [h(y, 0, 400)])).flat(), ...xs.map((x) => v(x, 0, 80))];
    const ocr = (r: TextRun, confidence?: number) => (confidence === undefined ? r : { ...r, confidence });
    const grid = (confidence?: number, merged = false) =>
      ys.slice(0, -1).flatMap((y, r) =>
        xs.slice(0, -1).flatMap((x, c) => {
          if (c !== 2 || (r !== 1 && r !== 2)) return [ocr(run(`r${r}c${c}`, x + 5, y + 5), confidence)];
          // Column 2, rows 1–2: one line on each row's line, or a label's two lines about the middle of the merged cell.
          return merged ? (r === 1 ? [ocr(run('年度总体', x + 5, 31), confidence), ocr(run('目标', x + 5, 41), confidence)] : []) : [ocr(run('0', x + 5, y + 5), confidence)];
        }),
      );
    const cell = (t: ReturnType<typeof findRuledTables>[number] | undefined, row: number) => t!.cells.find((c) => c.row === row && c.col === 2);
    const [scanned] = findRuledTables(1, mergeSegments(rules), grid(0.9));
    expect(cell(scanned, 1)).toMatchObject({ rowSpan: 1, text: '0' });
    expect(cell(scanned, 2)).toMatchObject({ rowSpan: 1, text: '0' });
    // The same page from a text layer: the rules are as drawn, the cell spans both rows.
    const [text] = findRuledTables(1, mergeSegments(rules), grid());
    expect(cell(text, 1)).toMatchObject({ rowSpan: 2, text: '0\n0' });
    // Scanned, but a label set about the middle of the merged cell: one cell.
    const [label] = findRuledTables(1, mergeSegments(rules), grid(0.9, true));
    expect(cell(label, 1)).toMatchObject({ rowSpan: 2, text: '年度总体\n目标' });
  });
});
