/**
 * Printed rows where no rule separates them. The text of a stretch of table is cut into bands (one
 * band per printed row) by choosing, among the places between its lines (slabs: lines whose boxes
 * overlap, or with `byMiddle` lines by their middles), the cuts that explain the text best (dynamic
 * programming over the slabs, each piece of evidence a cost):
 *
 * - within a band, each column holds one cell: its lines follow at line pitch, aligned (left, right
 *   or centre) and each but the last filled up to the column's width (a wrapped line); two values
 *   stacked in one column, or a short line followed by more text that would have fitted on it, are
 *   two rows;
 * - a band's cells share their top, their middle or their bottom (cells are aligned in a row);
 * - a cut between a full line and the line continuing it breaks a wrapped cell.
 */
import { pushTo } from './push-to.js';

const HAN = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

export interface Piece {
  /** The column (or first column of a spanning cell) the text is in. */
  col: number;
  box: [number, number, number, number];
  text: string;
  size: number;
}

export interface BandOptions {
  /** The width text of a column can fill before it wraps (for this line of it). */
  avail: (col: number, line: { box: readonly number[] }) => number;
  /** Positions (y) that must be cuts: rules. */
  forced?: readonly number[];
  /** The stub column: every printed row but a continuation has text in it. */
  stub?: number;
  /** The cost of a blank line inside a cell (paragraphs are common inside ruled cells). */
  blankLine?: number;
  /** How much short of `avail` a line may end and still be full (negative: must exceed it). */
  slack?: number;
  /** Slabs are lines by their middles, not runs of overlapping boxes (lines of neighbouring rows may overlap). */
  byMiddle?: boolean;
  /** The pitch of a cell's lines (else found on the pieces, see linePitch). */
  pitch?: number;
}

interface Line {
  col: number;
  box: [number, number, number, number];
  text: string;
  size: number;
}

interface Slab {
  top: number;
  bottom: number;
  /** The middles of its first and last lines. */
  mid0: number;
  mid1: number;
  pieces: Piece[];
}

/** Cost constants (in units of one piece of evidence). */
const BAND_REWARD = 0.5;
const SEPARATE_BLOCKS = 8;
const MISALIGNED = 3;
const STACKED_VALUES = 4;
const SHORT_LINE = 1.5;
const OFF_ROW = 2;
const BROKEN_WRAP = 3;
const LONE = 2.5;
const PITCH = 4;
const NO_STUB = 6;
const MAX_BAND_SLABS = 60;
const GIVE_UP = 60;

/** The cut positions (y) between the printed rows of these pieces, top to bottom. */
export function rowCuts(pieces: readonly Piece[], given: BandOptions): number[] {
  if (pieces.length < 2) return [];
  const slabs = toSlabs(pieces, given.byMiddle ?? false);
  if (slabs.length < 2) return [];
  const options = { ...given, pitch: given.pitch ?? linePitch(pieces) };
  const forced = options.forced ?? [];
  const n = slabs.length;
  const best: number[] = new Array(n + 1).fill(Infinity);
  const from: number[] = new Array(n + 1).fill(-1);
  best[0] = 0;
  const cutAt = cutCosts(slabs, options);
  // Each slab's lines per column; a band is built up slab by slab, upwards, its join costs kept per column.
  const slabLines = slabs.map((s) => columnLines(s.pieces));
  const joinAll = (lines: readonly Line[], col: number) => {
    let cost = 0;
    for (let k = 1; k < lines.length; k++) cost += joinCost(lines[k - 1]!, lines[k]!, options, col);
    return cost;
  };
  for (let j = 1; j <= n; j++) {
    const band = new Map<number, { lines: Line[]; joins: number; top: number; bottom: number }>();
    let joins = 0;
    let size = 0;
    for (let i = j - 1; i >= 0 && j - i <= MAX_BAND_SLABS; i--) {
      // A band cannot cross a rule.
      if (forced.some((y) => y > slabs[i]!.top && y < slabs[j - 1]!.bottom)) break;
      for (const [col, added] of slabLines[i]!) {
        const below = band.get(col);
        let lines: Line[];
        let cost: number;
        if (!below) [lines, cost] = [added, joinAll(added, col)];
        else if (sameLine(added[added.length - 1]!, below.lines[0]!)) {
          lines = [...added.slice(0, -1), mergeLines(added[added.length - 1]!, below.lines[0]!), ...below.lines.slice(1)];
          cost = joinAll(lines, col);
        } else {
          lines = [...added, ...below.lines];
          cost = joinAll(added, col) + joinCost(added[added.length - 1]!, below.lines[0]!, options, col) + below.joins;
        }
        joins += cost - (below?.joins ?? 0);
        band.set(col, { lines, joins: cost, top: Math.min(below?.top ?? Infinity, ...added.map((l) => l.box[1])), bottom: Math.max(below?.bottom ?? -Infinity, ...added.map((l) => l.box[3])) });
        size = Math.max(size, ...added.map((l) => l.size));
      }
      // Bands only get worse as they grow (their join costs add up): stop at a hopeless one.
      if (joins > GIVE_UP) break;
      if (!Number.isFinite(best[i]!)) continue;
      const cost = joins + bandShapeCost(band, size, options, i > 0);
      const total = best[i]! + cost + cutAt[i]! - BAND_REWARD;
      if (total < best[j]!) {
        best[j] = total;
        from[j] = i;
      }
    }
  }
  const cuts: number[] = [];
  for (let j = n; j > 0; j = from[j]!) {
    const i = from[j]!;
    if (i > 0) cuts.push(cutBetween(slabs[i - 1]!, slabs[i]!));
  }
  return cuts.sort((a, b) => a - b);
}

/**
 * The printed rows of these pieces, top to bottom, as lists of piece indices: the bands between
 * `rowCuts`, then the labels of merged cells moved to the first row they span. Label columns are
 * those left of the stub (the first column filled in most rows); a label spans the most rows around
 * it, empty in its column, that it is centred on.
 */
export function rowGroups(pieces: readonly Piece[], options: BandOptions): number[][] {
  const cuts = rowCuts(pieces, options);
  const mid = (p: Piece) => (p.box[1] + p.box[3]) / 2;
  const rowOf = pieces.map((p) => cuts.filter((y) => y < mid(p)).length);
  const rows = cuts.length + 1;
  const all = pieces.map((_, k) => k);
  if (rows >= 3) {
    const cols = [...new Set(pieces.map((p) => p.col))].sort((a, b) => a - b);
    const filled = (c: number) => new Set(all.filter((k) => pieces[k]!.col === c).map((k) => rowOf[k]!)).size;
    const most = Math.max(...cols.map(filled));
    const stub = cols.find((c) => filled(c) >= 0.7 * most);
    const pitch = options.pitch ?? 1.45 * Math.max(...pieces.map((p) => p.size));
    for (const c of cols.filter((c) => stub !== undefined && c < stub).reverse()) {
      for (let r = 0; r < rows; r++) {
        const label = all.filter((k) => pieces[k]!.col === c && rowOf[k] === r);
        if (!label.length) continue;
        const y = (Math.min(...label.map((k) => pieces[k]!.box[1])) + Math.max(...label.map((k) => pieces[k]!.box[3]))) / 2;
        // A row the label may span: empty in its column, and an item (text in the stub).
        const free = (q: number) => {
          const here = all.filter((k) => rowOf[k] === q && !label.includes(k));
          if (here.some((k) => pieces[k]!.col === c)) return false;
          return here.every((k) => pieces[k]!.col < stub!) || here.some((k) => pieces[k]!.col === stub);
        };
        const body = (i: number, j: number) => all.filter((k) => pieces[k]!.col > c && rowOf[k]! >= i && rowOf[k]! <= j);
        let best: [number, number] | null = null;
        for (let i = r; i >= 0 && free(i); i--) {
          for (let j = r; j < rows && free(j); j++) {
            const ks = body(i, j);
            if (!ks.length) continue;
            const m = (Math.min(...ks.map((k) => pieces[k]!.box[1])) + Math.max(...ks.map((k) => pieces[k]!.box[3]))) / 2;
            if (Math.abs(m - y) <= 0.5 * pitch && (!best || j - i > best[1] - best[0])) best = [i, j];
          }
        }
        if (best) for (const k of label) rowOf[k] = best[0];
      }
    }
  }
  return Array.from({ length: rows }, (_, r) => all.filter((k) => rowOf[k] === r)).filter((g) => g.length);
}

/**
 * The pitch of wrapped lines: the smallest distance between consecutive lines that start at the same
 * x in one column, found at least twice. Rows are further apart (cell padding), so lines further apart
 * than this are not one cell's.
 */
export function linePitch(pieces: readonly Piece[]): number | undefined {
  const pitches: number[] = [];
  for (const lines of columnLines(pieces).values()) {
    for (let k = 1; k < lines.length; k++) {
      const [a, b] = [lines[k - 1]!, lines[k]!];
      if (Math.abs(a.box[0] - b.box[0]) <= 1 && Math.abs(a.size - b.size) < 0.2 && b.box[1] - a.box[3] < 0.8 * a.size) pitches.push(b.box[1] - a.box[1]);
    }
  }
  pitches.sort((a, b) => a - b);
  for (let k = 1; k < pitches.length; k++) if (pitches[k]! - pitches[k - 1]! <= 0.1) return pitches[k - 1]!;
  return undefined;
}

function tooFar(a: Line, b: Line, options: BandOptions): boolean {
  const pitch = options.pitch;
  if (pitch === undefined || Math.abs(a.size - b.size) >= 0.2) return false;
  return b.box[1] - a.box[1] > pitch + Math.max(0.25, 0.02 * pitch);
}

/** Pieces whose boxes overlap (or, by middles, lines within a quarter font size) are one slab: no cut between them. */
function toSlabs(pieces: readonly Piece[], byMiddle: boolean): Slab[] {
  const mid = (p: Piece) => (p.box[1] + p.box[3]) / 2;
  const sorted = [...pieces].sort((a, b) => (byMiddle ? mid(a) - mid(b) : a.box[1] - b.box[1]));
  const slabs: Slab[] = [];
  for (const p of sorted) {
    const last = slabs[slabs.length - 1];
    const same = last && (byMiddle ? mid(p) - last.mid1 <= 0.25 * p.size : p.box[1] < last.bottom - 0.5);
    if (last && same) {
      last.pieces.push(p);
      last.bottom = Math.max(last.bottom, p.box[3]);
      last.top = Math.min(last.top, p.box[1]);
      last.mid1 = Math.max(last.mid1, mid(p));
    } else slabs.push({ top: p.box[1], bottom: p.box[3], mid0: mid(p), mid1: mid(p), pieces: [p] });
  }
  return slabs;
}

/** Where a cut between two slabs runs: in the gap between them, or between their lines' middles. */
function cutBetween(a: Slab, b: Slab): number {
  return a.bottom <= b.top ? (a.bottom + b.top) / 2 : (a.mid1 + b.mid0) / 2;
}

/** The lines of each column: pieces of one column on one line are one line. */
function columnLines(pieces: readonly Piece[]): Map<number, Line[]> {
  const byCol = new Map<number, Piece[]>();
  for (const p of pieces) pushTo(byCol, p.col, p);
  const out = new Map<number, Line[]>();
  for (const [col, list] of byCol) {
    const sorted = [...list].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
    const lines: Line[] = [];
    for (const p of sorted) {
      const line = toLine(p, col);
      const last = lines[lines.length - 1];
      if (last && sameLine(last, line)) lines[lines.length - 1] = mergeLines(last, line);
      else lines.push(line);
    }
    out.set(col, lines);
  }
  return out;
}

/** Line `b` (lower) is on line `a`: its middle lies within `a`'s box. */
function sameLine(a: Line, b: Line): boolean {
  const mid = (b.box[1] + b.box[3]) / 2;
  return mid > a.box[1] && mid < a.box[3];
}

function mergeLines(a: Line, b: Line): Line {
  return {
    col: a.col,
    box: [Math.min(a.box[0], b.box[0]), Math.min(a.box[1], b.box[1]), Math.max(a.box[2], b.box[2]), Math.max(a.box[3], b.box[3])],
    text: b.box[0] >= a.box[0] ? `${a.text} ${b.text}` : `${b.text} ${a.text}`,
    size: Math.max(a.size, b.size),
  };
}

/**
 * The cost of a band's shape: a printed row after the first with text in one column only, or none
 * in the stub, continues one; its cells should share their top, middle or bottom.
 */
function bandShapeCost(cols: ReadonlyMap<number, { top: number; bottom: number }>, size: number, options: BandOptions, later: boolean): number {
  let cost = 0;
  if (later && cols.size === 1) cost += LONE;
  if (later && options.stub !== undefined && !cols.has(options.stub)) cost += NO_STUB;
  if (cols.size < 2) return cost;
  const extents = [...cols.values()].map((c) => [c.top, c.bottom] as [number, number]);
  const tol = Math.max(1.5, 0.25 * size);
  const top = Math.min(...extents.map((e) => e[0]));
  const bottom = Math.max(...extents.map((e) => e[1]));
  const tallest = extents.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a));
  const middle = (tallest[0] + tallest[1]) / 2;
  const off = (test: (e: [number, number]) => boolean) => extents.filter((e) => !test(e)).length;
  const deviants = Math.min(
    off((e) => Math.abs(e[0] - top) <= tol),
    off((e) => Math.abs((e[0] + e[1]) / 2 - middle) <= tol),
    off((e) => Math.abs(e[1] - bottom) <= tol),
  );
  return cost + OFF_ROW * deviants;
}

/** The cost of reading line `b` as continuing line `a` in one cell. */
function joinCost(a: Line, b: Line, options: BandOptions, col: number): number {
  const size = Math.max(a.size, b.size);
  const gap = b.box[1] - a.box[3];
  if (gap > 1.0 * size) return options.blankLine ?? SEPARATE_BLOCKS;
  // A full line continued with a hanging indent is one cell's.
  const hanging = b.box[0] > a.box[0] + 2 && b.box[0] - a.box[0] <= 2 * size && full(a, b, options.avail(col, a), slackOf(options, size));
  if (!aligned(a, b) && !hanging) return MISALIGNED;
  if (valueLike(a.text) && valueLike(b.text)) return STACKED_VALUES;
  if (tooFar(a, b, options)) return PITCH;
  if (!full(a, b, options.avail(col, a), slackOf(options, size)) && !continues(b)) return SHORT_LINE;
  return 0;
}

/**
 * The cost of cutting before each slab (index 0: none), between the last lines of the slabs above
 * and the first of those below, per column. The lines are those `columnLines` makes of each side,
 * found without making them all: each column's pieces are sorted once (with `byMiddle`, slabs
 * follow the lines' middles, not their tops, so one side's pieces are not a prefix of the sorted
 * column and are picked out by slab), and only the line at the cut is built.
 */
function cutCosts(slabs: readonly Slab[], options: BandOptions): number[] {
  const byCol = new Map<number, Array<{ piece: Piece; slab: number }>>();
  slabs.forEach((s, slab) => {
    for (const piece of s.pieces) pushTo(byCol, piece.col, { piece, slab });
  });
  // Stable, as columnLines' sort: pieces at one place keep their order.
  for (const list of byCol.values()) list.sort((a, b) => a.piece.box[1] - b.piece.box[1] || a.piece.box[0] - b.piece.box[0]);
  return slabs.map((_, i) => {
    if (i === 0) return 0;
    let cost = 0;
    for (const [col, list] of byCol) {
      const a = lastLineAbove(list, i, col);
      const b = a && firstLineFrom(list, i, col);
      if (!a || !b) continue;
      const size = Math.max(a.size, b.size);
      if (b.box[1] - a.box[3] > 1.0 * size || !aligned(a, b)) continue;
      if (valueLike(a.text) && valueLike(b.text)) continue;
      if (tooFar(a, b, options)) continue;
      if (full(a, b, options.avail(col, a), slackOf(options, size)) || continues(b)) cost += BROKEN_WRAP;
    }
    return cost;
  });
}

function toLine(p: Piece, col: number): Line {
  return { col, box: [...p.box], text: p.text, size: p.size };
}

/** The last of `columnLines`' lines for the pieces of slabs before `cut`: where it starts is found on the boxes alone. */
function lastLineAbove(list: ReadonlyArray<{ piece: Piece; slab: number }>, cut: number, col: number): Line | undefined {
  let start = -1;
  let top = 0;
  let bottom = 0;
  for (let k = 0; k < list.length; k++) {
    if (list[k]!.slab >= cut) continue;
    const box = list[k]!.piece.box;
    const mid = (box[1] + box[3]) / 2;
    if (start >= 0 && mid > top && mid < bottom) {
      top = Math.min(top, box[1]);
      bottom = Math.max(bottom, box[3]);
    } else [start, top, bottom] = [k, box[1], box[3]];
  }
  if (start < 0) return undefined;
  let line = toLine(list[start]!.piece, col);
  for (let k = start + 1; k < list.length; k++) if (list[k]!.slab < cut) line = mergeLines(line, toLine(list[k]!.piece, col));
  return line;
}

/** The first of `columnLines`' lines for the pieces of slabs from `cut` on. */
function firstLineFrom(list: ReadonlyArray<{ piece: Piece; slab: number }>, cut: number, col: number): Line | undefined {
  let line: Line | undefined;
  for (const { piece, slab } of list) {
    if (slab < cut) continue;
    const next = toLine(piece, col);
    if (!line) line = next;
    else if (sameLine(line, next)) line = mergeLines(line, next);
    else break;
  }
  return line;
}

function slackOf(options: BandOptions, size: number): number {
  return options.slack ?? 0.3 * size;
}

/** Lines aligned as one cell's: same start, end or middle, or a hanging indent after a bullet. */
function aligned(a: Line, b: Line): boolean {
  const tol = Math.max(2, 0.25 * Math.max(a.size, b.size));
  const indent = b.box[0] - a.box[0];
  if (/^[•·●▪‣◦*\-–]/.test(a.text.trim()) && indent > 0 && indent <= 2 * a.size) return true;
  return Math.abs(a.box[0] - b.box[0]) <= tol || Math.abs(a.box[2] - b.box[2]) <= tol || Math.abs(a.box[0] + a.box[2] - b.box[0] - b.box[2]) <= 2 * tol;
}

/** A value (number, amount, percentage, code), not words: two of them stacked are two rows. */
function valueLike(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 16 && !/\s/.test(t) && /\d/.test(t) && !/[a-z]{2}/i.test(t.replace(/^\(?[a-z]\)?$/i, '')) && !HAN.test(t.replace(/[%％元万]/g, ''));
}

/** A line that reads as the rest of the one above: it starts in lower case, with a bracket or a stop. */
function continues(b: Line): boolean {
  return /^[a-z(（\[,.;:)）\]、，。；：]/.test(b.text.trim());
}

function weight(ch: string): number {
  return HAN.test(ch) ? 2 : 1;
}

/** Line `a` is full: the first word of `b` would not have fitted after it (within `slack`). */
function full(a: Line, b: Line, avail: number, slack: number): boolean {
  const aw = [...a.text].reduce((w, ch) => w + weight(ch), 0);
  const unit = (a.box[2] - a.box[0]) / Math.max(1, aw);
  const first = [...b.text.trim()];
  let next = 0;
  // A Han character is one em wide; a Latin word is measured in the units of line `a`.
  if (first.length && HAN.test(first[0]!)) next = b.size;
  else {
    let word = 0;
    for (const ch of first) {
      if (/\s/.test(ch) || HAN.test(ch)) break;
      word += weight(ch);
    }
    next = (word + (HAN.test(a.text.slice(-1)) ? 0 : 1)) * unit;
  }
  return a.box[2] - a.box[0] + next > avail - slack;
}
