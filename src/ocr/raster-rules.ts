import type { Segment } from '../pdf/page-content.js';
import { SAME_LINE } from '../layout/segments.js';

export interface RuleOptions {
  /** Pixels per PDF point of the image (to give the rules in points). */
  scale: number;
  /** Size of the page's characters in pixels: rules are longer than any stroke of a character. */
  charSize: number;
}

/** A rule found in the image: pixel extent (for erasing) and the segment in PDF points. */
export interface RasterRule {
  segment: Segment;
  /** Pixel rows (horizontal) or columns (vertical) it covers, inclusive. */
  across: [number, number];
}

interface Run {
  from: number;
  to: number;
}

interface Open {
  first: number;
  last: number;
  from: number;
  to: number;
}

/**
 * Horizontal and vertical ruling lines of a binarized, deskewed page: long runs of ink in a pixel
 * row (or column), stacked over neighbouring rows into one rule of some thickness. Text strokes are
 * shorter than the thresholds derived from the character size; the layout stage then joins rules into grids as it
 * does for rules drawn in a PDF.
 */
export function findRasterRules(ink: Uint8Array, width: number, height: number, options: RuleOptions): RasterRule[] {
  const { scale, charSize } = options;
  // A horizontal rule outruns a character's widest stroke; a vertical one its tallest (rows are taller than a character).
  const minH = Math.round(1.6 * charSize);
  const minV = Math.round(1.2 * charSize);
  // Thicker dark bars are shading or solid areas; gaps up to `gap` are noise or JPEG along a rule.
  const maxThick = Math.max(2, Math.round(0.25 * charSize));
  const gap = Math.max(1, Math.round(0.06 * charSize));
  const rowRuns = (y: number) => runsAlong(ink, y * width, 1, width, gap, minH);
  const colRuns = (x: number) => runsAlong(ink, x, width, height, gap, minV);
  const toH = (o: Open): RasterRule => ({ segment: { dir: 'h', at: (o.first + o.last + 1) / 2 / scale, from: o.from / scale, to: (o.to + 1) / scale }, across: [o.first, o.last] });
  const toV = (o: Open): RasterRule => ({ segment: { dir: 'v', at: (o.first + o.last + 1) / 2 / scale, from: o.from / scale, to: (o.to + 1) / scale }, across: [o.first, o.last] });
  // A rule has paper on at least one side along most of its length; strokes of characters set side by side
  // (blur can join the bars of 年初预算数 into one long run) have ink above and below.
  const side = Math.max(2, Math.round(0.12 * charSize));
  const clearH = (o: Open) => sidesClear(o, (along, across) => ink[across * width + along]!, height, side);
  // Only horizontal runs are checked: characters sit side by side along a line, so only their
  // horizontal strokes join up; a vertical rule often has cell text close on both sides.
  return [...stack(height, rowRuns, maxThick).filter(clearH).map(toH), ...stack(width, colRuns, maxThick).map(toV)];
}

/**
 * Paper on at least one side: a rule with text set close on one side still has paper on the other,
 * while the strokes of a row of characters (joined by blur into one long run) have ink on both.
 * Rejected when more than a quarter of the positions along it have ink just beyond each side.
 */
function sidesClear(o: Open, at: (along: number, across: number) => number, lines: number, side: number): boolean {
  const before = o.first - side;
  const after = o.last + side;
  let above = 0;
  let below = 0;
  for (let k = o.from; k <= o.to; k++) {
    if (before >= 0 && at(k, before)) above++;
    if (after < lines && at(k, after)) below++;
  }
  const n = o.to - o.from + 1;
  return Math.min(above, below) <= n / 4;
}

/** Runs of ink along one pixel row or column, gaps up to `gap` bridged, at least `min` long. */
function runsAlong(ink: Uint8Array, start: number, step: number, length: number, gap: number, min: number): Run[] {
  const out: Run[] = [];
  let from = -1;
  let last = -2 * gap;
  for (let k = 0, i = start; k < length; k++, i += step) {
    if (!ink[i]) continue;
    if (from >= 0 && k - last > gap + 1) {
      if (last - from + 1 >= min) out.push({ from, to: last });
      from = k;
    } else if (from < 0) from = k;
    last = k;
  }
  if (from >= 0 && last - from + 1 >= min) out.push({ from, to: last });
  return out;
}

/** Runs of consecutive lines that overlap along most of their length become one rule. */
function stack(lines: number, runsOf: (line: number) => Run[], maxThick: number): Open[] {
  const done: Open[] = [];
  let open: Open[] = [];
  for (let line = 0; line < lines; line++) {
    const runs = runsOf(line);
    const next: Open[] = [];
    const used = new Set<Open>();
    for (const run of runs) {
      const match = open.find((o) => !used.has(o) && overlapShare(o, run) >= 0.5);
      if (match) {
        used.add(match);
        next.push({ first: match.first, last: line, from: Math.min(match.from, run.from), to: Math.max(match.to, run.to) });
      } else next.push({ first: line, last: line, from: run.from, to: run.to });
    }
    for (const o of open) if (!used.has(o)) done.push(o);
    open = next;
  }
  done.push(...open);
  return done.filter((o) => o.last - o.first + 1 <= maxThick);
}

function overlapShare(a: Run, b: Run): number {
  const overlap = Math.min(a.to, b.to) - Math.max(a.from, b.from) + 1;
  return overlap / Math.min(a.to - a.from + 1, b.to - b.from + 1);
}

/**
 * Mends rules broken in the image (a seal crossing a rule, a faded or dropped-out stretch): pieces
 * of one rule with a gap up to `maxGap` points become one when one of them is long (twice `maxGap`),
 * unless rules cross at both ends of the gap (the sides of a merged cell), and a rule that ends up to `maxGap` short of a crossing rule is
 * taken to meet it (a drawn rule never stops short of the rule it meets; short horizontal pieces
 * excepted). Input is merged (mergeSegments).
 */
export function mendBrokenRules(segments: readonly Segment[], maxGap: number): Segment[] {
  const out: Segment[] = [];
  const long = 2 * maxGap;
  for (const dir of ['h', 'v'] as const) {
    const same = segments.filter((s) => s.dir === dir).sort((a, b) => a.at - b.at || a.from - b.from);
    const across = segments.filter((s) => s.dir !== dir);
    // A rule crossing `at` (at `pos` along it): the side of a merged cell, which a real gap ends at.
    const sideAt = (pos: number, at: number) => across.some((o) => Math.abs(o.at - pos) <= SAME_LINE && at >= o.from - SAME_LINE && at <= o.to + SAME_LINE);
    const done: Segment[] = [];
    for (const s of same) {
      // The piece of the same rule before it, if any (rules a point apart are one rule), across a gap
      // no rule ends at. One of the two must be long: a chain of short pieces is the strokes of a
      // row of bold characters, joined by blur.
      const piece = done.find(
        (o) =>
          Math.abs(o.at - s.at) <= SAME_LINE && s.from - o.to <= maxGap && s.to >= o.from &&
          (s.from <= o.to || (Math.max(o.to - o.from, s.to - s.from) >= long && !(sideAt(o.to, s.at) && sideAt(s.from, s.at)))),
      );
      if (piece) piece.to = Math.max(piece.to, s.to);
      else done.push({ ...s });
    }
    out.push(...done);
  }
  const crossing = (s: Segment, at: number) =>
    out.filter((o) => o.dir !== s.dir && at >= o.from - SAME_LINE && at <= o.to + SAME_LINE).map((o) => o.at);
  return out.map((s) => {
    // Short horizontal pieces may be strokes of a bold heading joined by blur: they stay as found.
    if (s.dir === 'h' && s.to - s.from < long) return s;
    const across = crossing(s, s.at);
    const before = across.filter((a) => a < s.from - SAME_LINE && s.from - a <= maxGap);
    const after = across.filter((a) => a > s.to + SAME_LINE && a - s.to <= maxGap);
    const meetsFrom = across.some((a) => Math.abs(a - s.from) <= SAME_LINE);
    const meetsTo = across.some((a) => Math.abs(a - s.to) <= SAME_LINE);
    return {
      ...s,
      from: !meetsFrom && before.length ? Math.max(...before) : s.from,
      to: !meetsTo && after.length ? Math.min(...after) : s.to,
    };
  });
}
