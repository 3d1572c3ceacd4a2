import type { Cell } from '../schema/table.js';
import type { Segment, TextRun } from '../pdf/page-content.js';
import { clusterPositions, connectedRules } from './segments.js';
import { groupLines, joinRuns, splitRunAt } from './join-text.js';
import { rowCuts, type Piece } from './row-bands.js';
import { pushTo } from './push-to.js';

export interface RuledTable {
  box: [number, number, number, number];
  rows: number;
  cols: number;
  cells: Cell[];
  /** The runs placed in this table (the rest of the page is free text). */
  runs: Set<TextRun>;
  /** True when some cell holds text in several columns: the rules are only a frame. */
  underRuled: boolean;
  /** True when most cells (or nine slots in ten of the grid) are empty: a chart's gridlines or a drawn frame, not a table. */
  sparse: boolean;
  /** Inner horizontal rules (y) running along three quarters of the table's width or more. */
  rules: number[];
}

/** A rule covers a cell edge when it runs along at least this share of it. */
const COVER = 0.6;
/** Top and bottom rules reaching this far (points) past the outer column rules make an open side. */
const OPEN_SIDE = 6;
/** Grid rows or columns thinner than this, holding no text, are the gap of a double rule. */
const SLIVER = 4;

/**
 * Ruled tables of a page: each group of crossing rules with at least two rules each way is a grid;
 * elementary cells not separated by a rule are merged into one cell with its row and column span;
 * the page's text runs are placed in the cell holding their centre.
 */
export function findRuledTables(page: number, rules: readonly Segment[], runs: readonly TextRun[], regions?: ReadonlyArray<[number, number, number, number]>): RuledTable[] {
  const tables: RuledTable[] = [];
  for (const group of connectedRules(rules)) {
    const h = group.filter((s) => s.dir === 'h');
    const v = group.filter((s) => s.dir === 'v');
    if (h.length < 2 || v.length < 2) continue;
    const box: [number, number, number, number] = [
      Math.min(...h.map((s) => s.from)),
      Math.min(...v.map((s) => s.from)),
      Math.max(...h.map((s) => s.to)),
      Math.max(...v.map((s) => s.to)),
    ];
    if (box[2] - box[0] < 10 || box[3] - box[1] < 5) continue;
    if (regions && !regions.some((r) => overlap(r, box) > 0.5 * area(box))) continue;
    const table = buildGrid(page, h, v, box, runs);
    if (table) tables.push(table);
  }
  return tables.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
}

function buildGrid(
  page: number,
  h: readonly Segment[],
  v: readonly Segment[],
  box: [number, number, number, number],
  allRuns: readonly TextRun[],
  split = true,
): RuledTable | null {
  let xs = clusterPositions(v.map((s) => s.at));
  let ys = clusterPositions(h.map((s) => s.at));
  if (xs.length < 2 || ys.length < 2) return null;
  xs = openSides(xs, ys, h, allRuns);
  const inside = allRuns.filter((r) => {
    const cx = (r.box[0] + r.box[2]) / 2;
    const cy = (r.box[1] + r.box[3]) / 2;
    return cx > xs[0]! && cx < xs[xs.length - 1]! && cy > ys[0]! && cy < ys[ys.length - 1]!;
  });
  const runs = inside.flatMap((r) => splitRunAt(r, xs));
  xs = dropSlivers(xs, runs, 'x');
  ys = dropSlivers(ys, runs, 'y');
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1) return null;

  const covered = (rules: readonly Segment[], at: number, from: number, to: number) => {
    let length = 0;
    for (const s of rules) if (Math.abs(s.at - at) <= 2) length += Math.max(0, Math.min(s.to, to) - Math.max(s.from, from));
    return length >= COVER * (to - from);
  };
  // Each run's elementary cell (the one holding its centre), for the spans and their text.
  const placed = runs.flatMap((run) => {
    const cx = (run.box[0] + run.box[2]) / 2;
    const cy = (run.box[1] + run.box[3]) / 2;
    const c = xs.findIndex((x, k) => k < cols && cx >= x && cx < xs[k + 1]!);
    const r = ys.findIndex((y, k) => k < rows && cy >= y && cy < ys[k + 1]!);
    return c < 0 || r < 0 ? [] : [{ run, r, c, cy }];
  });
  const scanned = allRuns.some((run) => run.confidence !== undefined);
  const lostRule = scanned ? lostRowRule(xs, ys, h, placed, covered) : () => false;
  // Union-find over elementary cells: neighbours with no rule between them are one cell.
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !covered(v, xs[c + 1]!, ys[r]!, ys[r + 1]!)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < rows && !covered(h, ys[r + 1]!, xs[c]!, xs[c + 1]!) && !lostRule(r, c)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      const s = spans.get(root);
      if (!s) spans.set(root, { r0: r, r1: r, c0: c, c1: c });
      else Object.assign(s, { r0: Math.min(s.r0, r), r1: Math.max(s.r1, r), c0: Math.min(s.c0, c), c1: Math.max(s.c1, c) });
    }
  }
  const members = new Map<number, TextRun[]>();
  for (const { run, r, c } of placed) {
    const root = find(id(r, c));
    pushTo(members, root, run);
  }
  if (split) {
    // Printed rows inside a grid row that no rule separates: cut them with rules of our own.
    const virtual = unruledRows(xs, ys, spans, members);
    if (virtual.length) return buildGrid(page, [...h, ...virtual], v, box, allRuns, false);
  }
  const cells: Cell[] = [...spans.entries()]
    .map(([root, s]) => ({
      row: s.r0,
      col: s.c0,
      rowSpan: s.r1 - s.r0 + 1,
      colSpan: s.c1 - s.c0 + 1,
      text: joinRuns(members.get(root) ?? []),
      page,
      box: [xs[s.c0]!, ys[s.r0]!, xs[s.c1 + 1]!, ys[s.r1 + 1]!] as [number, number, number, number],
      line: null,
      confidence: null,
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  // Every run whose centre lies in the grid belongs to the table, placed or not.
  const taken = new Set(inside);
  const filled = cells.filter((c) => c.text.trim() !== '').length;
  // A cell holding text set in columns far apart: the frame is around columns of text. On a scanned
  // page (runs read by OCR), not when it is an odd cell of a large grid: a rule the scan lost, under
  // a seal. (For text-layer PDFs that exception loses ICDAR tables: 0.933 → 0.926 F1.)
  const gapped = [...members.values()].filter((group) =>
    groupLines(group).some((line) => line.some((run, k) => k > 0 && run.box[0] - line[k - 1]!.box[2] > 2.5 * run.size)),
  ).length;
  const underRuled = gapped > 0 && (!scanned || filled < 12 || gapped >= 0.25 * filled);
  // Counted against the grid's slots too: a chart's frame merges its empty gridded slots into few
  // cells (a frame around columns of text, read as a whitespace table, is not counted so).
  const sparse = (cells.length >= 6 && filled < 0.25 * cells.length) || (!underRuled && filled < 0.1 * rows * cols);
  const width = xs[xs.length - 1]! - xs[0]!;
  const rules = ys.slice(1, -1).filter((y) => h.filter((s) => Math.abs(s.at - y) <= 2).reduce((n, s) => n + s.to - s.from, 0) >= 0.75 * width);
  return { box: [xs[0]!, ys[0]!, xs[xs.length - 1]!, ys[ys.length - 1]!], rows, cols, cells, runs: taken, underRuled, sparse, rules };
}

/**
 * On a scanned page, the rule under grid row `r` missing in column `c` only (present in the
 * columns either side), with text above and below it each on the line of its own row's text in
 * other columns: a rule lost under a seal, not a cell merged across the rows (whose lines sit
 * around the middle of the merged cell, not on its rows' lines). yuanjiang's `0⏎0`.
 */
function lostRowRule(
  xs: readonly number[],
  ys: readonly number[],
  h: readonly Segment[],
  placed: ReadonlyArray<{ run: TextRun; r: number; c: number; cy: number }>,
  covered: (rules: readonly Segment[], at: number, from: number, to: number) => boolean,
): (r: number, c: number) => boolean {
  const cols = xs.length - 1;
  const onItsRowsLine = (r: number, c: number) => {
    const mine = placed.filter((p) => p.r === r && p.c === c);
    const others = placed.filter((p) => p.r === r && p.c !== c);
    return mine.length > 0 && mine.every((p) => others.some((o) => Math.abs(o.cy - p.cy) <= 0.35 * p.run.size));
  };
  return (r, c) =>
    c > 0 &&
    c + 1 < cols &&
    covered(h, ys[r + 1]!, xs[c - 1]!, xs[c]!) &&
    covered(h, ys[r + 1]!, xs[c + 1]!, xs[c + 2]!) &&
    onItsRowsLine(r, c) &&
    onItsRowsLine(r + 1, c);
}

/**
 * Rules that a grid row lacks: where the single-row cells of a row hold several printed rows (see
 * row-bands.ts), a rule across those cells at each cut.
 */
function unruledRows(
  xs: readonly number[],
  ys: readonly number[],
  spans: ReadonlyMap<number, { r0: number; r1: number; c0: number; c1: number }>,
  members: ReadonlyMap<number, TextRun[]>,
): Segment[] {
  const out: Segment[] = [];
  for (let r = 0; r + 1 < ys.length; r++) {
    const cells = [...spans.entries()].filter(([, s]) => s.r0 === r && s.r1 === r);
    const pieces: Piece[] = [];
    const avail = new Map<number, number>();
    for (const [root, s] of cells) {
      const runs = members.get(root) ?? [];
      if (!runs.length) continue;
      const x0 = xs[s.c0]!;
      const x1 = xs[s.c1 + 1]!;
      const pad = Math.max(0, Math.min(...runs.map((run) => run.box[0] - x0), ...runs.map((run) => x1 - run.box[2])));
      avail.set(s.c0, x1 - x0 - 2 * Math.min(pad, 0.25 * (x1 - x0)));
      for (const line of groupLines(runs)) {
        pieces.push({
          col: s.c0,
          box: [Math.min(...line.map((l) => l.box[0])), Math.min(...line.map((l) => l.box[1])), Math.max(...line.map((l) => l.box[2])), Math.max(...line.map((l) => l.box[3]))],
          text: joinRuns(line),
          size: Math.max(...line.map((l) => l.size)),
        });
      }
    }
    if (new Set(pieces.map((p) => p.col)).size < 2) continue;
    const stub = Math.min(...pieces.map((p) => p.col));
    for (const y of rowCuts(pieces, { avail: (c) => avail.get(c) ?? Infinity, stub, blankLine: 2 })) {
      for (const [, s] of cells) out.push({ dir: 'h', at: y, from: xs[s.c0]!, to: xs[s.c1 + 1]! });
    }
  }
  return out;
}

/**
 * A table ruled across with no rules at its sides (only inner column rules): its top and bottom
 * rules run past the outermost column rules, and the text out there (row labels, a last column) is
 * part of the table. The ends of those rules become the grid's side edges.
 */
function openSides(xs: readonly number[], ys: readonly number[], h: readonly Segment[], runs: readonly TextRun[]): number[] {
  const along = (y: number) => h.filter((s) => Math.abs(s.at - y) <= 2);
  const [top, bottom] = [along(ys[0]!), along(ys[ys.length - 1]!)];
  if (!top.length || !bottom.length) return [...xs];
  const left = Math.max(Math.min(...top.map((s) => s.from)), Math.min(...bottom.map((s) => s.from)));
  const right = Math.min(Math.max(...top.map((s) => s.to)), Math.max(...bottom.map((s) => s.to)));
  const textIn = (x0: number, x1: number) =>
    runs.some((r) => {
      const [cx, cy] = [(r.box[0] + r.box[2]) / 2, (r.box[1] + r.box[3]) / 2];
      return cx > x0 && cx < x1 && cy > ys[0]! && cy < ys[ys.length - 1]!;
    });
  const out = [...xs];
  if (left < out[0]! - OPEN_SIDE && textIn(left, out[0]!)) out.unshift(left);
  if (right > out[out.length - 1]! + OPEN_SIDE && textIn(out[out.length - 1]!, right)) out.push(right);
  return out;
}

/** Removes grid lines that only bound a sliver with no text in it (the inside of a double rule). */
function dropSlivers(lines: number[], runs: readonly TextRun[], axis: 'x' | 'y'): number[] {
  const out = [lines[0]!];
  for (let k = 1; k < lines.length; k++) {
    const [a, b] = [out[out.length - 1]!, lines[k]!];
    const hasText = runs.some((r) => {
      const c = axis === 'x' ? (r.box[0] + r.box[2]) / 2 : (r.box[1] + r.box[3]) / 2;
      return c > a && c < b;
    });
    if (b - a < SLIVER && !hasText && k < lines.length - 1) continue;
    if (b - a < SLIVER && !hasText) out[out.length - 1] = b;
    else out.push(b);
  }
  return out;
}

function area(b: readonly number[]): number {
  return Math.max(0, b[2]! - b[0]!) * Math.max(0, b[3]! - b[1]!);
}

function overlap(a: readonly number[], b: readonly number[]): number {
  return Math.max(0, Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!)) * Math.max(0, Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!));
}
