import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../src/layout/layout-document.js';
import type { PageContent, Segment, TextRun } from '../../src/pdf/page-content.js';

const run = (text: string, x: number, y: number, size = 10): TextRun => ({ text, box: [x, y, x + 0.5 * size * text.length, y + size], size });
const h = (at: number, from: number, to: number): Segment => ({ dir: 'h', at, from, to });
const v = (at: number, from: number, to: number): Segment => ({ dir: 'v', at, from, to });
const page = (runs: TextRun[], segments: Segment[]): PageContent => ({ page: 1, width: 600, height: 800, rotate: 0, runs, segments, textLayer: 'ok' });

/** A figure in a box (50..550 × 100..500): a title, y-axis labels by the gridlines, years under the plot. */
const frame = [h(100, 50, 550), h(500, 50, 550), v(50, 100, 500), v(550, 100, 500)];
const labels = [
  run('Student Enrollment 1909-2009', 200, 110),
  ...Array.from({ length: 11 }, (_, k) => run(String(100 - 10 * k), 70, 145 + 30 * k)),
  ...['1909', '1929', '1949', '1969', '1989', '2009'].map((year, k) => run(year, 100 + 75 * k, 460)),
];

describe('layout of a page', () => {
  it('a frame around a chart (gridlines, axis labels) yields no table', () => {
    const gridlines = [...Array.from({ length: 11 }, (_, k) => h(150 + 30 * k, 100, 500)), v(100, 150, 450), v(500, 150, 450)];
    const { tables, stream } = layoutDocument([page(labels, [...frame, ...gridlines])]);
    expect(tables).toEqual([]);
    // The labels are still read, as lines.
    expect(stream.flatMap((t) => t.cells).some((c) => c.text === '1949')).toBe(true);
  });

  it('the same frame around columns of text (a rule under the header) with no chart in it is a whitespace table', () => {
    const rows = [
      ['Year', 'Enrolled', 'Incidents'],
      ['1909', '2,000', '3'],
      ['1959', '8,000', '12'],
      ['2009', '18,000', '92'],
    ];
    const runs = rows.flatMap((cells, r) => cells.map((text, c) => run(text, 80 + 150 * c, 150 + 14 * r)));
    const { tables } = layoutDocument([page(runs, [...frame, h(163, 50, 550)])]);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ kind: 'aligned', rows: 4, cols: 3 });
  });
});
