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
const CELL_GAP = 0.5;
/** A single line this close (in font sizes) under or over a row's cell continues that cell. */
const CONTINUE_GAP = 0.5;
/** An aligned table needs this many consecutive rows of two or more cells. */
const MIN_ALIGNED_LINES = 3;

interface LineCell {
  text: string;
  box: [number, number, number, number];
}

/**
 * Text outside ruled tables. Lines whose boxes overlap vertically are one printed row (a wrapped
 * cell's lines sit around the single-line cells beside it); within a row, runs that overlap
 * horizontally, or lie closer than half a font size on a line, are one cell. Runs of rows with
 * several cells become whitespace-aligned tables whose columns are the bands where cells overlap
 * horizontally; other rows (titles, label/value pairs, footers) are kept with their cells in order.
 */
export function readFreeText(page: number, runs: readonly TextRun[]): TextBlock[] {
  const lines = logicalRows(groupLines(runs)).map(splitRow);
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

/**
 * Printed rows from text lines. Lines with several runs anchor rows (overlapping anchors are one
 * row). A single-run line — a wrapped cell's other lines, or a label centred in a merged cell —
 * joins the neighbouring row it overlaps most, or, failing that, one whose cell it continues
 * (same column, less than half a font size away); a line bridging two rows goes to one of them.
 */
function logicalRows(lines: TextRun[][]): TextRun[][] {
  const extent = (line: TextRun[]) => [Math.min(...line.map((r) => r.box[1])), Math.max(...line.map((r) => r.box[3]))] as const;
  const rows: TextRun[][][] = [];
  const pending: TextRun[][] = [];
  for (const line of lines) {
    if (line.length < 2) {
      pending.push(line);
      continue;
    }
    const last = rows[rows.length - 1];
    if (last && last.some((l) => verticalOverlap(extent(l), extent(line)) > 0)) last.push(line);
    else rows.push([line]);
  }
  let attached = true;
  while (attached && pending.length) {
    attached = false;
    for (let k = 0; k < pending.length; k++) {
      const line = pending[k]!;
      const [top, bottom] = extent(line);
      const size = line[0]!.size;
      let best: { row: TextRun[][]; score: number } | null = null;
      for (const row of rows) {
        for (const member of row) {
          const overlap = verticalOverlap([top, bottom], extent(member));
          const gap = Math.max(extent(member)[0] - bottom, top - extent(member)[1]);
          // A continuation is in the same column and the same type size (a title is not).
          const sameColumn = member.some((r) => r.box[0] < line[0]!.box[2] && r.box[2] > line[0]!.box[0] && Math.abs(r.size - size) < 0.5);
          const score = overlap > 0 ? 1000 + overlap : sameColumn && gap < CONTINUE_GAP * size ? 500 - gap : -1;
          if (score > 0 && (!best || score > best.score)) best = { row, score };
        }
      }
      if (best) {
        best.row.push(line);
        pending.splice(k--, 1);
        attached = true;
      }
    }
  }
  // Single lines that joined no row: overlapping ones are one row, the rest a row each.
  for (const line of pending) {
    const row = rows.find((r) => r.every((l) => l.length < 2) && r.some((l) => verticalOverlap(extent(l), extent(line)) > 0));
    if (row) row.push(line);
    else rows.push([line]);
  }
  return rows.map((row) => row.flat()).sort((a, b) => Math.min(...a.map((r) => r.box[1])) - Math.min(...b.map((r) => r.box[1])));
}

function verticalOverlap(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
}

function startsAligned(lines: LineCell[][], k: number): boolean {
  for (let j = k; j < k + MIN_ALIGNED_LINES; j++) {
    if (j >= lines.length || lines[j]!.length < 2 || (j > k && !closeBelow(lines[j - 1]!, lines[j]!))) return false;
  }
  return true;
}

function closeBelow(a: LineCell[], b: LineCell[]): boolean {
  const height = a[0]!.box[3] - a[0]!.box[1];
  return Math.min(...b.map((c) => c.box[1])) - Math.max(...a.map((c) => c.box[3])) < 2.5 * Math.min(height, 30);
}

/** A printed row's runs grouped into cells: horizontally overlapping runs, or close ones on a line. */
function splitRow(row: TextRun[]): LineCell[] {
  const sorted = [...row].sort((a, b) => a.box[0] - b.box[0]);
  const groups: Array<{ runs: TextRun[]; x1: number }> = [];
  for (const run of sorted) {
    const group = groups[groups.length - 1];
    if (group && run.box[0] - group.x1 <= CELL_GAP * run.size) {
      group.runs.push(run);
      group.x1 = Math.max(group.x1, run.box[2]);
    } else groups.push({ runs: [run], x1: run.box[2] });
  }
  return groups.map(({ runs: group }) => ({
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

/**
 * Columns are the x-bands where the block's narrow cells overlap (a cell merged across columns
 * would join them all, so wide cells do not draw bands); a cell takes the band of its centre, a wide
 * one the band where it starts. Two cells of a row in one band keep their order in the next band.
 */
function alignedBlock(page: number, lines: LineCell[][]): TextBlock {
  const box = blockBox(lines);
  const width = Math.max(1, box[2] - box[0]);
  const narrow = lines.flat().filter((c) => c.box[2] - c.box[0] <= 0.3 * width);
  const intervals = (narrow.length ? narrow : lines.flat()).map((c) => [c.box[0], c.box[2]] as [number, number]).sort((a, b) => a[0] - b[0]);
  const bands: Array<[number, number]> = [];
  for (const [x0, x1] of intervals) {
    const last = bands[bands.length - 1];
    if (last && x0 <= last[1]) last[1] = Math.max(last[1], x1);
    else bands.push([x0, x1]);
  }
  const band = (c: LineCell) => {
    const wide = c.box[2] - c.box[0] > 0.3 * width;
    const x = wide ? c.box[0] + 1 : (c.box[0] + c.box[2]) / 2;
    const k = bands.findIndex(([a, b]) => x >= a - 2 && x <= b + 2);
    if (k >= 0) return k;
    const next = bands.findIndex(([a]) => a > x);
    return next < 0 ? bands.length - 1 : Math.max(0, next - 1);
  };
  const cells: Cell[] = [];
  lines.forEach((line, row) => {
    let last = -1;
    for (const c of line) {
      const col = Math.max(band(c), last + 1);
      cells.push(toCell(page, row, col, c));
      last = col;
    }
  });
  return { kind: 'aligned', box, rows: lines.length, cols: Math.max(bands.length, ...cells.map((c) => c.col + 1)), cells };
}
