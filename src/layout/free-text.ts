import type { Cell } from '../schema/table.js';
import type { TextRun } from '../pdf/page-content.js';
import { groupLines, joinRuns } from './join-text.js';

export interface TextBlock {
  kind: 'aligned' | 'lines';
  box: [number, number, number, number];
  rows: number;
  cols: number;
  cells: Cell[];
}

/** A gap wider than this many font sizes separates two cells on a line. */
const CELL_GAP = 1.5;
/** An aligned table needs this many consecutive lines of two or more cells. */
const MIN_ALIGNED_LINES = 3;

interface LineCell {
  text: string;
  box: [number, number, number, number];
}

/**
 * Text outside ruled tables: lines split into cells at wide gaps; runs of lines with several cells
 * become whitespace-aligned tables whose columns are the bands where cells overlap horizontally;
 * the other lines (titles, label/value pairs, footers) are kept as rows of their own.
 */
export function readFreeText(page: number, runs: readonly TextRun[]): TextBlock[] {
  const lines = groupLines(runs).map(splitLine);
  const blocks: TextBlock[] = [];
  let k = 0;
  while (k < lines.length) {
    let end = k;
    while (end < lines.length && lines[end]!.length >= 2 && (end === k || closeBelow(lines[end - 1]!, lines[end]!))) end++;
    if (end - k >= MIN_ALIGNED_LINES) {
      blocks.push(alignedBlock(page, lines.slice(k, end)));
      k = end;
      continue;
    }
    let stop = k + 1;
    while (stop < lines.length && !startsAligned(lines, stop)) stop++;
    blocks.push(linesBlock(page, lines.slice(k, stop)));
    k = stop;
  }
  return blocks;
}

function startsAligned(lines: LineCell[][], k: number): boolean {
  for (let j = k; j < k + MIN_ALIGNED_LINES; j++) {
    if (j >= lines.length || lines[j]!.length < 2 || (j > k && !closeBelow(lines[j - 1]!, lines[j]!))) return false;
  }
  return true;
}

function closeBelow(a: LineCell[], b: LineCell[]): boolean {
  const height = a[0]!.box[3] - a[0]!.box[1];
  return b[0]!.box[1] - Math.max(...a.map((c) => c.box[3])) < 2.5 * height;
}

function splitLine(line: TextRun[]): LineCell[] {
  const cells: TextRun[][] = [];
  for (const run of line) {
    const last = cells[cells.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && run.box[0] - prev.box[2] <= CELL_GAP * Math.max(run.size, prev.size)) last!.push(run);
    else cells.push([run]);
  }
  return cells.map((group) => ({
    text: joinRuns(group),
    box: [Math.min(...group.map((r) => r.box[0])), Math.min(...group.map((r) => r.box[1])), Math.max(...group.map((r) => r.box[2])), Math.max(...group.map((r) => r.box[3]))],
  }));
}

function blockBox(lines: LineCell[][]): [number, number, number, number] {
  const all = lines.flat();
  return [Math.min(...all.map((c) => c.box[0])), Math.min(...all.map((c) => c.box[1])), Math.max(...all.map((c) => c.box[2])), Math.max(...all.map((c) => c.box[3]))];
}

function toCell(page: number, row: number, col: number, c: LineCell): Cell {
  return { row, col, rowSpan: 1, colSpan: 1, text: c.text, page, box: c.box, line: null, confidence: null };
}

function linesBlock(page: number, lines: LineCell[][]): TextBlock {
  const cells = lines.flatMap((line, row) => line.map((c, col) => toCell(page, row, col, c)));
  return { kind: 'lines', box: blockBox(lines), rows: lines.length, cols: Math.max(...lines.map((l) => l.length)), cells };
}

/** Columns are the x-bands where cells of the block overlap; each cell takes the band of its centre. */
function alignedBlock(page: number, lines: LineCell[][]): TextBlock {
  const intervals = lines.flat().map((c) => [c.box[0], c.box[2]] as [number, number]).sort((a, b) => a[0] - b[0]);
  const bands: Array<[number, number]> = [];
  for (const [x0, x1] of intervals) {
    const last = bands[bands.length - 1];
    if (last && x0 <= last[1]) last[1] = Math.max(last[1], x1);
    else bands.push([x0, x1]);
  }
  const band = (c: LineCell) => {
    const cx = (c.box[0] + c.box[2]) / 2;
    const k = bands.findIndex(([a, b]) => cx >= a && cx <= b);
    return k < 0 ? bands.length - 1 : k;
  };
  const cells: Cell[] = [];
  lines.forEach((line, row) => {
    const taken = new Map<number, Cell>();
    for (const c of line) {
      const col = band(c);
      const existing = taken.get(col);
      if (existing) existing.text += c.text;
      else {
        const cell = toCell(page, row, col, c);
        taken.set(col, cell);
        cells.push(cell);
      }
    }
  });
  return { kind: 'aligned', box: blockBox(lines), rows: lines.length, cols: bands.length, cells };
}
