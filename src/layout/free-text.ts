import type { Cell } from '../schema/table.js';
import type { TextRun } from '../pdf/page-content.js';
import { groupLines, joinRuns, splitRunAt } from './join-text.js';
import { linePitch, rowGroups, type Piece } from './row-bands.js';

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
/** A run of five dots or more (and spaces) only: a leader (a cell of `...` may mean "not available"). */
const LEADER = /^[\s.·…]*(?:\.[\s.·…]*){5}$/;
/** An aligned table needs this many consecutive rows of two or more cells. */
const MIN_ALIGNED_LINES = 3;

interface LineCell {
  text: string;
  box: [number, number, number, number];
}

/**
 * Text outside ruled tables. Lines whose boxes overlap vertically are one printed row (a wrapped
 * cell's lines sit around the single-line cells beside it); within a row, runs that overlap
 * horizontally, or lie closer than half a font size on a line, are one cell (so are the evenly
 * spaced words of a justified line, see joinJustified). Runs of rows with several cells become
 * whitespace-aligned tables whose columns are the bands where cells overlap horizontally, unless
 * they are a list or columns of running text; other rows (titles, label/value pairs, footers) are
 * kept with their cells in order.
 */
export function readFreeText(page: number, runs: readonly TextRun[]): TextBlock[] {
  // Dot leaders only lead the eye across a gap: they are no cell's text.
  const rowRuns = logicalRows(groupLines(runs.filter((r) => !LEADER.test(r.text))));
  const lines = rowRuns.map((row) => joinJustified(splitRow(row)));
  const blocks: TextBlock[] = [];
  let k = 0;
  while (k < lines.length) {
    let end = k;
    while (end < lines.length && (lines[end]!.length >= 2 || (end > k && heading(lines, end))) && (end === k || closeBelow(lines[end - 1]!, lines[end]!))) end++;
    if (end - k >= MIN_ALIGNED_LINES) {
      // A row (lines that overlap or run on) may hold several printed rows: cut them (row-bands.ts).
      const block = rowRuns.slice(k, end);
      const context = block.flat();
      const aligned = alignedBlock(page, block.flatMap((row) => splitPrinted(row, context)).map((row) => joinJustified(splitRow(row))));
      // Bulleted or numbered items and columns of running text line up like a table but are not one.
      blocks.push(isList(aligned) || isProse(aligned) ? { ...aligned, kind: 'lines' } : aligned);
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

/**
 * Words of a justified line printed one by one: four or more cells of Latin words with equal gaps
 * under two font sizes between them (justification spreads a line's slack evenly; table columns are
 * not spaced like that) are one cell, so a paragraph does not read as a table.
 */
function joinJustified(cells: LineCell[]): LineCell[] {
  if (cells.length < 4) return cells;
  const out: LineCell[] = [];
  let k = 0;
  while (k < cells.length) {
    let end = k + 1;
    const size = cells[k]!.box[3] - cells[k]!.box[1];
    const first = cells[k + 1] ? cells[k + 1]!.box[0] - cells[k]!.box[2] : Infinity;
    const sameLine = (a: LineCell, b: LineCell) => verticalOverlap([a.box[1], a.box[3]], [b.box[1], b.box[3]]) > 0.5 * Math.min(a.box[3] - a.box[1], b.box[3] - b.box[1]);
    while (
      end < cells.length &&
      first < 2 * size &&
      Math.abs(cells[end]!.box[0] - cells[end - 1]!.box[2] - first) <= Math.max(1, 0.1 * size) &&
      sameLine(cells[end - 1]!, cells[end]!)
    )
      end++;
    const run = cells.slice(k, end);
    if (run.length >= 4 && run.filter((c) => /[A-Za-z]/.test(c.text)).length >= 0.75 * run.length) {
      out.push({ text: run.map((c) => c.text).join(' '), box: blockBox([run]) });
      k = end;
    } else out.push(cells[k++]!);
  }
  return out;
}

/** A bullet, a dash, a footnote letter or a number like `1.`, `(a)`, `4.1.2`, `（一）`: what starts a list item. */
const LIST_MARKER =
  /^(?:|[^\p{Script=Han}\p{N}\s]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})\)|(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|\d{1,2}(?:\.\d{1,2})+\.?|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十\d]{1,3}）|\d{1,2}、)$/iu;

/**
 * A list, not a table: two thirds of the rows or more are one item — a marker (see LIST_MARKER) and
 * one cell of text after it — and no row above the items heads their columns (`序号 | 名称` makes a
 * numbered list a table).
 */
function isList(block: TextBlock): boolean {
  const rows = Array.from({ length: block.rows }, (_, r) => block.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col));
  const item = (row: Cell[]) => row.length === 2 && LIST_MARKER.test(row[0]!.text.trim()) && /\p{L}{2}/u.test(row[1]!.text);
  const first = rows.findIndex(item);
  const short = (text: string) => text.trim() !== '' && !LIST_MARKER.test(text.trim()) && text.trim().split(/\s+/).length <= 3 && text.length <= 12;
  const header = rows.slice(0, Math.max(0, first)).some((row) => row.length >= 2 && row.every((c) => short(c.text)));
  return !header && rows.filter(item).length >= (2 / 3) * rows.length;
}

/** A line of running text: four words or more, or twenty Han characters. */
function isSentence(text: string): boolean {
  return text.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length >= 4 || (text.match(/\p{Script=Han}/gu)?.length ?? 0) >= 20;
}

/**
 * Columns of running text (a page set in two or three columns), not a table: most cells are lines
 * of running text, in every column that holds more than one.
 */
function isProse(block: TextBlock): boolean {
  const filled = block.cells.filter((c) => c.text.trim() !== '');
  if (filled.filter((c) => isSentence(c.text)).length < 0.6 * filled.length) return false;
  const columns = [...new Set(filled.map((c) => c.col))].map((col) => filled.filter((c) => c.col === col));
  return columns.every((cells) => cells.length < 2 || cells.filter((c) => isSentence(c.text)).length >= 0.5 * cells.length);
}

function verticalOverlap(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
}

/**
 * A heading inside an aligned table: one cell in the first column (starting near where the row
 * above starts, ending before its second cell) between rows of several cells; up to three such rows may
 * follow one another (a group heading over a subgroup heading).
 */
function heading(lines: LineCell[][], k: number): boolean {
  const single = (j: number) => lines[j]?.length === 1;
  let a = k - 1;
  while (a >= 0 && single(a) && k - a < 3) a--;
  let b = k + 1;
  while (b < lines.length && single(b) && b - a < 4) b++;
  const [above, row, below] = [lines[a], lines[k]!, lines[b]];
  if (!above || !below || row.length !== 1 || above.length < 2 || below.length < 2) return false;
  const cell = row[0]!;
  // Headings may sit out to the left of indented rows (`Annual income` over `≤24,999`).
  const indent = cell.box[0] - above[0]!.box[0];
  return indent <= 12 && indent >= -24 && cell.box[2] < above[1]!.box[0] && cell.box[2] < below[1]!.box[0] && closeBelow(row, lines[k + 1]!);
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

/**
 * The text inside a frame with no inner column rules: one whitespace table. Runs are cut where a
 * column starts (a left edge several lines share). The frame's inner rules part it into sections;
 * in each, printed rows are found by `rowGroups` (cells of a row aligned, wrapped lines kept
 * together, merged labels moved to the first row they span), the cells of a row by whitespace, and
 * the columns by gutters. The row just above a rule is read with the section below it (its header).
 */
export function readFrameText(page: number, runs: readonly TextRun[], rules: readonly number[] = [], frame?: readonly number[]): TextBlock | null {
  if (runs.length === 0) return null;
  const edges = columnStarts(runs);
  const cut = runs.flatMap((r) => splitAtEdges(r, edges));
  // The frame's rules part it into sections, each read on its own (their columns differ).
  const bounds = [-Infinity, ...[...rules].sort((a, b) => a - b), Infinity];
  // The pitch of wrapped lines, over the whole frame (a section may have no wrapped cell).
  const pitch = linePitch(
    groupLines(cut).flatMap((line) =>
      splitRow(line, edges).map((c) => ({ col: Math.round(c.box[0]), box: c.box, text: c.text, size: Math.max(...line.map((r) => r.size)) })),
    ),
  );
  const sections: LineCell[][][] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const inside = cut.filter((r) => (r.box[1] + r.box[3]) / 2 > bounds[k]! && (r.box[1] + r.box[3]) / 2 < bounds[k + 1]!);
    if (inside.length) sections.push(printedRows(inside, edges, frame, pitch).map((r) => splitRow(r, edges)));
  }
  if (sections.length === 0) return null;
  // The row just above a rule heads the rows below it (a header row ruled off from its body).
  for (let k = sections.length - 2; k >= 0; k--) {
    if (sections[k]!.length >= 2 && sections[k]!.at(-1)!.length >= 2) sections[k + 1]!.unshift(sections[k]!.pop()!);
  }
  // Rows ruled one by one are read together (a section of one row has no gutters of its own).
  const groups: LineCell[][][] = [];
  let single = false;
  for (const section of sections.filter((rows) => rows.length)) {
    if (section.length === 1 && single) groups[groups.length - 1]!.push(...section);
    else groups.push([...section]);
    single = section.length === 1;
  }
  let block: TextBlock | null = null;
  for (const group of groups) {
    const part = frameGrid(page, group);
    block = block ? appendBlock(block, part) : part;
  }
  return block;
}

function appendBlock(a: TextBlock, b: TextBlock): TextBlock {
  return {
    kind: 'aligned',
    box: [Math.min(a.box[0], b.box[0]), Math.min(a.box[1], b.box[1]), Math.max(a.box[2], b.box[2]), Math.max(a.box[3], b.box[3])],
    rows: a.rows + b.rows,
    cols: Math.max(a.cols, b.cols),
    cells: [...a.cells, ...b.cells.map((c) => ({ ...c, row: c.row + a.rows }))],
  };
}

/**
 * The columns of a section's rows: the bands between gutters (see gutterBands), then neighbouring
 * bands that no row fills both of joined (a header centred over right-aligned numbers).
 */
function frameGrid(page: number, lines: LineCell[][]): TextBlock {
  const box = blockBox(lines);
  const width = Math.max(1, box[2] - box[0]);
  const cuts = gutterBands(lines, width).flatMap((b, k, all) => (k > 0 ? [(all[k - 1]![1] + b[0]) / 2] : []));
  const edges = [box[0] - 1, ...cuts, box[2] + 1];
  let bands: Array<[number, number]> = edges.slice(1).map((x, k) => [edges[k]!, x]);
  {
    // Only bands that hold the middle (or, for a wide cell, the start) of some cell.
    const keyOf = (c: LineCell) => (c.box[2] - c.box[0] > 0.3 * width ? c.box[0] + 1 : (c.box[0] + c.box[2]) / 2);
    bands = bands.filter(([a, b]) => lines.some((line) => line.some((c) => keyOf(c) >= a && keyOf(c) < b)));
    // Tight bands: the extent of their cells, so a middle between bands is seen as in a gutter.
    bands = bands.map(([a, b]) => {
      const inside = lines.flat().filter((c) => keyOf(c) >= a && keyOf(c) < b);
      return [Math.max(a, Math.min(...inside.map((c) => c.box[0]))), Math.min(b, Math.max(...inside.map((c) => c.box[2])))] as [number, number];
    });
  }
  const bandOf = (c: LineCell) => bandOfCell(c, bands, width);
  for (;;) {
    const used = bands.map(() => new Set<number>());
    lines.forEach((line, row) => line.forEach((c) => used[bandOf(c)]!.add(row)));
    let best = -1;
    for (let k = 0; k + 1 < bands.length; k++) {
      if (used[k]!.size === 0 || used[k + 1]!.size === 0 || [...used[k]!].some((r) => used[k + 1]!.has(r))) continue;
      if (best < 0 || bands[k + 1]![0] - bands[k]![1] < bands[best + 1]![0] - bands[best]![1]) best = k;
    }
    if (best < 0) break;
    bands = [...bands.slice(0, best), [bands[best]![0], bands[best + 1]![1]], ...bands.slice(best + 2)];
  }
  const cells: Cell[] = [];
  lines.forEach((line, row) => {
    let last = -1;
    for (const c of line) {
      const col = Math.max(bandOf(c), last + 1);
      cells.push(toCell(page, row, col, c));
      last = col;
    }
  });
  return { kind: 'aligned', box, rows: lines.length, cols: Math.max(bands.length, ...cells.map((c) => c.col + 1)), cells };
}

/**
 * A row of an aligned table (lines that overlap or run on) cut into printed rows where it clearly
 * holds several: each of them with text in two columns or more, or a heading in the first column.
 * Columns and wrap widths come from the whole table (`context`); a cell may run up to the next
 * column's text.
 */
function splitPrinted(row: TextRun[], context: readonly TextRun[]): TextRun[][] {
  if (groupLines(row).length < 2) return [row];
  const parts = printedRows(row, [], undefined, undefined, context);
  // A printed row of one cell is a heading in the first column (left of all other text), or no row.
  const left = Math.min(...row.map((r) => r.box[0]));
  const heading = (cells: LineCell[]) => cells.length === 1 && cells[0]!.box[0] <= left + 2;
  if (parts.length < 2 || parts.some((part) => splitRow(part).length < 2 && !heading(splitRow(part)))) return [row];
  return parts;
}

/**
 * Runs grouped into printed rows (see row-bands.ts), top to bottom. In a frame (no `context`), a
 * column wraps at the width of its widest line that another continues, or of its text; a line
 * running past its column spans columns and may fill up to the next column's text (less two cells'
 * padding) or the frame.
 */
function printedRows(runs: readonly TextRun[], edges: readonly number[], frame?: readonly number[], pitch?: number, context?: readonly TextRun[]): TextRun[][] {
  const open = context !== undefined;
  const fragmentsOf = (some: readonly TextRun[]) =>
    groupLines(some).flatMap((line) =>
      splitRow(line, edges).map((cell) => ({ cell, runs: line.filter((r) => r.box[0] >= cell.box[0] - 0.01 && r.box[2] <= cell.box[2] + 0.01) })),
    );
  // Columns (and the widths they wrap at) are measured on the context: the whole block.
  const around = fragmentsOf(context ?? runs);
  const box = blockBox([around.map((f) => f.cell)]);
  const width = Math.max(1, box[2] - box[0]);
  const bands = gutterBands(around.map((f) => [f.cell]), width);
  const bandOf = (c: LineCell) => bandOfCell(c, bands, width);
  const toPiece = (f: { cell: LineCell; runs: TextRun[] }): Piece & { runs: TextRun[] } => ({
    col: bandOf(f.cell),
    box: f.cell.box,
    text: f.cell.text,
    size: Math.max(...f.runs.map((r) => r.size), 1),
    runs: f.runs,
  });
  const contextPieces = around.map(toPiece);
  const pieces = context ? fragmentsOf(runs).map(toPiece) : contextPieces;
  const left = frame?.[0] ?? box[0];
  const pad = Math.min(6, Math.max(0, box[0] - left));
  const wrapWidth = new Map<number, number>();
  for (const a of contextPieces) {
    const band = bands[a.col];
    if (!band || a.box[2] > band[1] + 2) continue;
    const next = contextPieces.find(
      (b) => b.col === a.col && Math.abs(b.box[0] - a.box[0]) <= 1 && b.box[1] > a.box[1] + 0.5 * a.size && b.box[1] - a.box[1] <= (pitch ?? 1.5 * a.size) + 0.3,
    );
    if (next) wrapWidth.set(a.col, Math.max(wrapWidth.get(a.col) ?? 0, a.box[2] - a.box[0]));
  }
  const avail = (col: number, line: { box: readonly number[] }) => {
    if (open) {
      const next = bands.find(([a]) => a > line.box[2]! + 1);
      return (next ? next[0] : box[2]) - line.box[0]! - 0.5 * (pitch ?? 10) / 1.45;
    }
    const band = bands[col];
    if (band && line.box[2]! <= band[1] + 2) return wrapWidth.get(col) ?? band[1] - band[0];
    const next = bands.find(([a]) => a > line.box[2]!);
    return (next ? next[0] - 2 * pad : (frame?.[2] ?? box[2] + pad) - pad) - line.box[0]!;
  };
  const groups = rowGroups(pieces, { avail, slack: -0.5, byMiddle: true, ...(pitch !== undefined ? { pitch } : {}) });
  return groups.map((g) => g.flatMap((k) => pieces[k]!.runs));
}

/** Left edges shared by at least three lines: where columns start. */
function columnStarts(runs: readonly TextRun[]): number[] {
  const starts = groupLines(runs)
    .flatMap((line) => line.filter((r, k) => k === 0 || r.box[0] - line[k - 1]!.box[2] > 0.3 * r.size).map((r) => r.box[0]))
    .sort((a, b) => a - b);
  const out: number[] = [];
  let k = 0;
  while (k < starts.length) {
    let j = k;
    while (j + 1 < starts.length && starts[j + 1]! - starts[k]! <= 1.5) j++;
    if (j - k + 1 >= 3) out.push(starts.slice(k, j + 1).reduce((a, b) => a + b, 0) / (j - k + 1));
    k = j + 1;
  }
  return out;
}

/** A run holding two cells' text (`2,530,000.00 上年预算金额`) is cut at a space where a column starts. */
function splitAtEdges(run: TextRun, edges: readonly number[]): TextRun[] {
  if (!/\S\s+\S/.test(run.text.trim())) return [run];
  const inner = edges.filter((x) => x > run.box[0] + run.size && x < run.box[2] - run.size);
  if (inner.length === 0) return [run];
  const pieces = splitRunAt(run, inner);
  // Only cuts that fall on a space count, with Han text on one side (a space between two Latin words
  // or numbers is a word space).
  const han = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
  const ok =
    pieces.length > 1 &&
    pieces.every((p, k) => {
      if (k === 0) return true;
      const [before, after] = [pieces[k - 1]!.text, p.text];
      return (/\s$/.test(before) || /^\s/.test(after)) && (han.test(before.trim().slice(-1)) || han.test(after.trim()[0] ?? ''));
    });
  if (!ok) return [run];
  // The pieces start at the column edge and end a space before it, as two cells printed apart.
  return pieces.map((p, k) => {
    const edge = inner.find((x) => Math.abs(x - p.box[0]) <= run.size);
    const nextEdge = k + 1 < pieces.length ? inner.find((x) => Math.abs(x - pieces[k + 1]!.box[0]) <= run.size) : undefined;
    const x0 = k > 0 && edge !== undefined ? Math.max(p.box[0], edge) : p.box[0];
    const x1 = nextEdge !== undefined ? Math.min(p.box[2], nextEdge - 0.5 * run.size) : p.box[2];
    return { ...p, text: p.text.trim(), box: [x0, p.box[1], Math.max(x0 + 1, x1), p.box[3]] as [number, number, number, number] };
  });
}

/**
 * The band (column) of a cell: the one holding its middle; a wide cell, or one whose middle is in a
 * gutter, belongs where it starts.
 */
function bandOfCell(c: LineCell, bands: ReadonlyArray<readonly [number, number]>, width: number): number {
  const at = (x: number) => {
    const k = bands.findIndex(([a, b]) => x >= a - 2 && x <= b + 2);
    if (k >= 0) return k;
    const next = bands.findIndex(([a]) => a > x);
    return next < 0 ? bands.length - 1 : Math.max(0, next - 1);
  };
  if (c.box[2] - c.box[0] > 0.3 * width) return at(c.box[0] + 1);
  const mid = (c.box[0] + c.box[2]) / 2;
  const k = bands.findIndex(([a, b]) => mid >= a - 2 && mid <= b + 2);
  return k < 0 ? at(c.box[0] + 1) : k;
}

/**
 * Column bands of a block's rows: the x-ranges between gutters, a gutter being a stretch (2 pt or
 * wider) that at most a few narrow cells cross (a label's value running on is not a column).
 */
function gutterBands(lines: readonly LineCell[][], width: number): Array<[number, number]> {
  const cells = lines.flat();
  const narrow = cells.filter((c) => c.box[2] - c.box[0] <= 0.3 * width);
  const use = narrow.length ? narrow : cells;
  const x0 = Math.floor(Math.min(...use.map((c) => c.box[0])));
  const x1 = Math.ceil(Math.max(...use.map((c) => c.box[2])));
  const step = 0.5;
  const n = Math.max(1, Math.ceil((x1 - x0) / step));
  const cover = new Array<number>(n).fill(0);
  for (const c of use) for (let k = Math.max(0, Math.floor((c.box[0] - x0) / step)); k < Math.min(n, Math.ceil((c.box[2] - x0) / step)); k++) cover[k]!++;
  // Lightly crossed: by at most a fifth of the cells a column usually holds.
  const busy = cover.filter((c) => c > 0).sort((a, b) => a - b);
  const limit = Math.max(1, Math.floor(0.2 * (busy[Math.floor(0.75 * (busy.length - 1))] ?? 0)));
  const bands: Array<[number, number]> = [];
  let start = -1;
  let gap = 0;
  for (let k = 0; k <= n; k++) {
    const open = k < n && cover[k]! > 0;
    const crossed = k < n && cover[k]! <= limit;
    if (start < 0) {
      if (open) start = k;
      continue;
    }
    // Inside a band: a run of lightly crossed steps 2 pt or wider ends it.
    if (k < n && crossed) gap++;
    else {
      if (gap * step >= 2 || k === n) {
        const end = k === n ? n - gap : k - gap;
        if (end > start) bands.push([x0 + start * step, x0 + end * step]);
        start = open ? k : -1;
      }
      gap = 0;
    }
  }
  if (bands.length === 0) return [[x0, x1]];
  // Each band spans the cells whose middles it holds (its edges may be lightly covered).
  return bands
    .map(([a, b], k) => {
      const lo = k > 0 ? (bands[k - 1]![1] + a) / 2 : -Infinity;
      const hi = k + 1 < bands.length ? (b + bands[k + 1]![0]) / 2 : Infinity;
      const inside = use.filter((c) => c.box[0] >= lo && c.box[2] <= hi);
      return inside.length ? ([Math.min(...inside.map((c) => c.box[0])), Math.max(...inside.map((c) => c.box[2]))] as [number, number]) : ([a, b] as [number, number]);
    })
    .filter((b, k, all) => k === 0 || b[0] >= all[k - 1]![0]);
}

/** A printed row's runs grouped into cells: horizontally overlapping runs, or close ones on a line. */
function splitRow(row: TextRun[], edges: readonly number[] = []): LineCell[] {
  const sorted = [...row].sort((a, b) => a.box[0] - b.box[0]);
  const groups: Array<{ runs: TextRun[]; x1: number }> = [];
  for (const run of sorted) {
    const group = groups[groups.length - 1];
    const atEdge = group !== undefined && run.box[0] - group.x1 > 0.35 * run.size && edges.some((x) => Math.abs(run.box[0] - x) <= 1.5);
    if (group && !atEdge && run.box[0] - group.x1 <= CELL_GAP * run.size) {
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
