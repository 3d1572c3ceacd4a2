/**
 * The ICDAR 2013 scorer (scripts/lib/icdar.ts) on small synthetic tables. Does not read the
 * corpus: CI runs without it.
 */
import { describe, expect, it } from 'vitest';
import {
  adjacencyRelations,
  compareRelations,
  formatRelation,
  gtFootprint,
  loadGroundTruth,
  matchTables,
  normalizeContent,
  parseStrXml,
  prf,
  scoreDocument,
  toTopLeft,
  type Footprint,
  type GridCell,
  type GtTable,
  type PredictedTable,
  type Rect,
} from '../../scripts/lib/icdar.js';

/** Grid from rows of strings; '' is a blank cell. */
function grid(rows: string[][]): GridCell[] {
  return rows.flatMap((r, row) => r.map((text, col) => ({ row, col, rowSpan: 1, colSpan: 1, text })));
}

function rels(cells: GridCell[]): string[] {
  return adjacencyRelations(cells).map(formatRelation).sort();
}

function score(gt: GridCell[], ours: GridCell[]) {
  return prf(compareRelations(adjacencyRelations(gt), adjacencyRelations(ours)));
}

const ABC = grid([
  ['A', 'B', 'C'],
  ['D', 'E', 'F'],
]);

describe('adjacency relations', () => {
  it('relates each non-empty cell to its right and lower neighbours', () => {
    expect(rels(ABC)).toEqual(
      ['"a" → "b"', '"b" → "c"', '"d" → "e"', '"e" → "f"', '"a" ↓ "d"', '"b" ↓ "e"', '"c" ↓ "f"'].sort(),
    );
  });

  it('skips blank cells (and whitespace-only ones) to the nearest non-empty neighbour', () => {
    const cells = grid([
      ['A', '', ' \n', 'B'],
      ['', '', '', ''],
      ['C', '', '', 'D'],
    ]);
    expect(rels(cells)).toEqual(['"a" → "b"', '"c" → "d"', '"a" ↓ "c"', '"b" ↓ "d"'].sort());
  });

  it('relates a column-spanning cell to every cell below it, once each', () => {
    const cells: GridCell[] = [
      { row: 0, col: 0, rowSpan: 1, colSpan: 2, text: 'H' },
      { row: 0, col: 2, rowSpan: 1, colSpan: 1, text: 'K' },
      ...grid([[], ['X', 'Y', 'Z']]),
    ];
    expect(rels(cells)).toEqual(['"h" → "k"', '"x" → "y"', '"y" → "z"', '"h" ↓ "x"', '"h" ↓ "y"', '"k" ↓ "z"'].sort());
  });

  it('relates a row-spanning cell to its right neighbour in every row it spans', () => {
    const cells: GridCell[] = [
      { row: 0, col: 0, rowSpan: 2, colSpan: 1, text: 'L' },
      { row: 0, col: 1, rowSpan: 1, colSpan: 1, text: 'a' },
      { row: 1, col: 1, rowSpan: 1, colSpan: 1, text: 'b' },
      { row: 2, col: 0, rowSpan: 1, colSpan: 2, text: 'T' },
    ];
    expect(rels(cells)).toEqual(['"l" → "a"', '"l" → "b"', '"a" ↓ "b"', '"l" ↓ "t"', '"b" ↓ "t"'].sort());
  });

  it('gives one relation per pair of cells sharing several rows', () => {
    const cells: GridCell[] = [
      { row: 0, col: 0, rowSpan: 3, colSpan: 1, text: 'L' },
      { row: 0, col: 1, rowSpan: 3, colSpan: 1, text: 'R' },
    ];
    expect(rels(cells)).toEqual(['"l" → "r"']);
  });

  it('normalises content: NFKC, no whitespace, case-insensitive', () => {
    expect(normalizeContent('Ｔｏｔａｌ  Amount\n(ＵＳ$)')).toBe('totalamount(us$)');
    const a = grid([['Total\nAmount', '１ ２３']]);
    const b = grid([['total amount', '123']]);
    expect(score(a, b).f1).toBe(1);
  });
});

describe('relation comparison', () => {
  it('scores identical tables F1 = 1', () => {
    expect(score(ABC, grid([['A', 'B', 'C'], ['D', 'E', 'F']]))).toMatchObject({ tp: 7, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
  });

  it('scores one moved cell exactly', () => {
    // F moved from (1,2) to (0,3): C → F is new; E → F and C ↓ F are lost.
    const ours = grid([
      ['A', 'B', 'C', 'F'],
      ['D', 'E', '', ''],
    ]);
    const s = score(ABC, ours);
    expect(s).toMatchObject({ tp: 5, fp: 1, fn: 2 });
    expect(s.precision).toBeCloseTo(5 / 6, 12);
    expect(s.recall).toBeCloseTo(5 / 7, 12);
    expect(s.f1).toBeCloseTo((2 * (5 / 6) * (5 / 7)) / (5 / 6 + 5 / 7), 12);
    const cmp = compareRelations(adjacencyRelations(ABC), adjacencyRelations(ours));
    expect(cmp.missed.map(formatRelation).sort()).toEqual(['"c" ↓ "f"', '"e" → "f"']);
    expect(cmp.extra.map(formatRelation)).toEqual(['"c" → "f"']);
  });

  it('scores a cell moved down a row: the blank is skipped, one relation lost', () => {
    const ours = grid([
      ['A', 'B', 'C'],
      ['D', 'E', ''],
      ['', '', 'F'],
    ]);
    expect(score(ABC, ours)).toMatchObject({ tp: 6, fp: 0, fn: 1, precision: 1, recall: 6 / 7 });
  });

  it('penalises a spanning header read as a single cell', () => {
    const gt: GridCell[] = [{ row: 0, col: 0, rowSpan: 1, colSpan: 2, text: 'H' }, ...grid([[], ['X', 'Y']])];
    const ours = grid([
      ['H', ''],
      ['X', 'Y'],
    ]);
    expect(score(gt, ours)).toMatchObject({ tp: 2, fp: 0, fn: 1, precision: 1, recall: 2 / 3 });
  });

  it('penalises merged columns', () => {
    const ours = grid([
      ['A', 'B C'],
      ['D', 'E F'],
    ]);
    // ours: A → BC, D → EF, A ↓ D, BC ↓ EF; only A ↓ D is right.
    expect(score(ABC, ours)).toMatchObject({ tp: 1, fp: 3, fn: 6 });
  });

  it('compares relations as multisets', () => {
    const gt = grid([
      ['-', '-'],
      ['-', '-'],
    ]);
    const ours = grid([['-', '-', '-']]);
    // gt: - → - twice, - ↓ - twice; ours: - → - twice.
    expect(score(gt, ours)).toMatchObject({ tp: 2, fp: 0, fn: 2 });
  });
});

describe('ground-truth XML', () => {
  const reg = `<?xml version="1.0" encoding="UTF-8"?>
<document xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" filename='x-reg.xml'>
  <table id='1'>
    <region id='1' page='2'>
      <instruction instr-id='1'/>
      <bounding-box x1='100' y1='400' x2='300' y2='500'/>
    </region>
  </table>
</document>`;
  const str = `<?xml version="1.0" encoding="UTF-8"?>
<document filename="x-str.xml">
  <table id="1">
    <region col-increment="0" id="1" page="2" row-increment="0">
      <cell end-col="1" id="1" start-col="0" start-row="0">
        <bounding-box x1="100" x2="300" y1="490" y2="500"/>
        <content>R&amp;D
spending</content>
        <instruction instr-id="1" subinstr-id="-1"/>
      </cell>
      <cell id='2' start-col='0' start-row='1'><bounding-box x1='100' x2='150' y1='400' y2='410'/><content>2012</content></cell>
      <cell id='3' start-col='1' start-row='1'><bounding-box x1='250' x2='300' y1='400' y2='410'/><content>&lt;5 &#37;</content></cell>
      <cell id='4' start-col='2' start-row='1'><bounding-box x1='250' x2='300' y1='400' y2='410'/><content/></cell>
    </region>
    <region col-increment="3" id="2" page="2" row-increment="0">
      <cell id='5' start-col='0' start-row='1'><bounding-box x1='310' x2='350' y1='400' y2='410'/><content>2013</content></cell>
    </region>
  </table>
</document>`;

  it('reads regions, spans, entities, both quote styles and region increments', () => {
    const [t] = loadGroundTruth(reg, str);
    expect(t!.regions).toEqual([{ page: 2, box: [100, 400, 300, 500] }]);
    expect(t!.cells).toEqual([
      { row: 0, col: 0, rowSpan: 1, colSpan: 2, text: 'R&D\nspending' },
      { row: 1, col: 0, rowSpan: 1, colSpan: 1, text: '2012' },
      { row: 1, col: 1, rowSpan: 1, colSpan: 1, text: '<5 %' },
      { row: 1, col: 2, rowSpan: 1, colSpan: 1, text: '' },
      { row: 1, col: 3, rowSpan: 1, colSpan: 1, text: '2013' },
    ]);
    expect(rels(t!.cells)).toEqual(['"2012" → "<5%"', '"<5%" → "2013"', '"r&dspending" ↓ "2012"', '"r&dspending" ↓ "<5%"'].sort());
  });

  it('shifts negative increments back to 0', () => {
    const [t] = parseStrXml(`<document><table id="1"><region row-increment="-1" col-increment="-1"><cell start-row="1" start-col="1"><content>a</content></cell></region></table></document>`);
    expect(t!.cells[0]).toMatchObject({ row: 0, col: 0 });
  });
});

describe('geometry and matching', () => {
  const fp = (page: number, box: Rect): Footprint => new Map([[page, box]]);

  it('converts bottom-left boxes to top-left', () => {
    expect(toTopLeft([100, 400, 300, 500], 842)).toEqual([100, 342, 300, 442]);
  });

  it('matches by largest overlap, one-to-one, same page only', () => {
    const gt = [fp(1, [0, 0, 100, 100]), fp(1, [0, 200, 100, 300]), fp(2, [0, 0, 100, 100])];
    const ours = [
      fp(1, [0, 190, 100, 290]), // mostly GT 1
      fp(1, [5, 5, 95, 95]), // inside GT 0
      fp(3, [0, 0, 100, 100]), // page without GT
      fp(1, [0, 0, 100, 5]), // a sliver: IoU 0.05, 100 % inside GT 0 but GT 0 is taken
    ];
    const { gtToOurs } = matchTables(gt, ours);
    expect(gtToOurs).toEqual([1, 0, -1]);
  });

  it('does not match below IoU 0.1 without containment', () => {
    const { gtToOurs } = matchTables([fp(1, [0, 0, 100, 100])], [fp(1, [95, 95, 195, 195])]);
    expect(gtToOurs).toEqual([-1]);
  });

  it('counts missed GT tables as FN and unmatched tables of ours as FP', () => {
    const gt: GtTable[] = [
      { id: '1', regions: [{ page: 1, box: [0, 700, 100, 800] }], cells: ABC },
      { id: '2', regions: [{ page: 1, box: [0, 100, 100, 200] }], cells: grid([['P', 'Q']]) },
    ];
    const cell = (row: number, col: number, text: string, box: Rect) => ({ row, col, rowSpan: 1, colSpan: 1, text, page: 1, box });
    const ours: PredictedTable[] = [
      // GT 1 on a page 842 high: top-left y 42..142.
      { cells: [cell(0, 0, 'A', [0, 42, 30, 60]), cell(0, 1, 'B', [35, 42, 60, 60]), cell(0, 2, 'C', [70, 42, 100, 60]), cell(1, 0, 'D', [0, 100, 30, 142]), cell(1, 1, 'E', [35, 100, 60, 142]), cell(1, 2, 'F', [70, 100, 100, 142])] },
      // Somewhere else entirely: 2 relations of noise.
      { cells: [cell(0, 0, 'x', [300, 300, 320, 310]), cell(0, 1, 'y', [330, 300, 350, 310]), cell(1, 0, 'z', [300, 320, 320, 330])] },
    ];
    const s = scoreDocument(gt, gt.map((t) => gtFootprint(t, () => 842)), ours);
    expect(s).toMatchObject({ tp: 7, fn: 1, fp: 2, gtTables: 2, ourTables: 2, matchedTables: 1 });
    expect(s.tables.map((t) => t.ours)).toEqual([0, -1]);
    expect(s.unmatched).toEqual([{ ours: 1, relations: 2, insideGt: false }]);
    expect(prf(s).f1).toBeCloseTo((2 * 7) / (2 * 7 + 2 + 1), 12);
  });
});
