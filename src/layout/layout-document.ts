import type { Cell, Table } from '../schema/table.js';
import type { PageContent, TextRun } from '../pdf/page-content.js';
import { mergeSegments } from './segments.js';
import { findRuledTables } from './ruled-tables.js';
import { readFrameText, readFreeText } from './free-text.js';
import { removeWhitespace } from '../normalize/text.js';
import { pushTo } from './push-to.js';

export interface LayoutOptions {
  /** Restrict table finding to these regions (PDF points, origin top-left): one table per region. */
  regions?: ReadonlyArray<{ page: number; box: [number, number, number, number] }>;
}

export interface DocumentLayout {
  /** The tables of the document (ruled and whitespace-aligned), continued tables joined across pages. */
  tables: Table[];
  /** Everything in reading order, text lines included: what the forms stage reads. */
  stream: Table[];
}

interface Block {
  kind: 'ruled' | 'aligned' | 'lines';
  page: number;
  box: [number, number, number, number];
  rows: number;
  cols: number;
  cells: Cell[];
}

/** The layout stage for PDF pages: ruled grids first, whitespace alignment for the rest. */
export function layoutDocument(pages: readonly PageContent[], options: LayoutOptions = {}): DocumentLayout {
  const perPage = pages.map((page) => layoutPage(page, options));
  const stream: Table[] = [];
  for (const blocks of perPage) {
    let pending: Block | null = null;
    for (const block of blocks) {
      // Consecutive text lines form one table so the forms stage sees no break between them.
      if (block.kind === 'lines' && pending?.kind === 'lines') pending = appendRows(pending, block);
      else {
        if (pending) stream.push(toTable(pending));
        pending = block;
      }
    }
    if (pending) stream.push(toTable(pending));
  }
  const tables = joinAcrossPages(perPage, pages).filter((t) => t.kind !== 'lines');
  return { tables, stream };
}

function layoutPage(page: PageContent, options: LayoutOptions): Block[] {
  if (page.textLayer !== 'ok') return [];
  const regions = options.regions?.filter((r) => r.page === page.page).map((r) => r.box);
  const rules = mergeSegments(page.segments);
  const ruled = findRuledTables(page.page, rules, page.runs, regions);
  const blocks: Block[] = [];
  const used = new Set<TextRun>();
  const charts = ruled.filter((t) => t.sparse).map((t) => t.box);
  for (const table of ruled) {
    if (table.underRuled && !table.sparse && !continuedOutside(table, page.runs)) {
      // A frame around several columns of text with no rules between them: a whitespace table.
      const found = readFrameText(page.page, [...table.runs], table.rules, table.box);
      if (found && found.rows >= 2 && found.cols >= 2) {
        table.runs.forEach((r) => used.add(r));
        // A frame around a chart holds its title, axis labels and legend: lines, not a table.
        blocks.push({ ...found, kind: onChart(table.box, charts) ? 'lines' : found.kind, page: page.page, box: table.box });
        continue;
      }
    }
    // A frame around text (one cell) or around several columns of text is not a grid: read its text freely.
    if (table.underRuled || table.sparse || table.rows * table.cols === 1) continue;
    table.runs.forEach((r) => used.add(r));
    blocks.push({ kind: 'ruled', page: page.page, box: table.box, rows: table.rows, cols: table.cols, cells: table.cells });
  }
  const free = page.runs.filter((r) => !used.has(r));
  if (regions?.length) {
    // With given regions, the text of each region not covered by a grid is one aligned table.
    for (const region of regions) {
      if (blocks.some((b) => b.kind === 'ruled' && contains(region, b.box))) continue;
      const inside = free.filter((r) => contains(region, r.box, 0.5));
      const found = readFreeText(page.page, inside);
      if (found.length) blocks.push(mergeBlocks(page.page, found, region));
    }
  } else {
    // Text above, between and below the tables is read slot by slot, so a footer under a table
    // never joins a heading above it.
    const tops = blocks.map((b) => b.box[1]).sort((a, b) => a - b);
    const slots = new Map<number, TextRun[]>();
    for (const run of free) {
      const cy = (run.box[1] + run.box[3]) / 2;
      const slot = tops.filter((top) => top < cy).length;
      pushTo(slots, slot, run);
    }
    for (const runs of slots.values()) {
      for (const block of readFreeText(page.page, runs)) {
        // Axis labels and legends around a chart's gridlines line up like a table but are not one.
        blocks.push({ ...block, kind: block.kind === 'aligned' && onChart(block.box, charts) ? 'lines' : block.kind, page: page.page });
      }
    }
  }
  return blocks.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
}

/** Half or more of `box` lies on charts (sparse grids, with 20 pt around them for labels). */
function onChart(box: readonly number[], charts: ReadonlyArray<readonly number[]>): boolean {
  return charts.reduce((share, c) => share + coverage(expand(c, 20), box), 0) >= 0.5;
}

/**
 * Text beside a frame, on its lines: the frame rules only part of a larger table (a box around some
 * columns), so its text is not read on its own.
 */
function continuedOutside(table: { box: readonly number[]; runs: ReadonlySet<TextRun> }, runs: readonly TextRun[]): boolean {
  const [x0, y0, x1, y1] = table.box;
  const beside = runs.filter((r) => {
    if (table.runs.has(r)) return false;
    const cy = (r.box[1] + r.box[3]) / 2;
    return cy > y0! && cy < y1! && (r.box[2] <= x0! + 1 || r.box[0] >= x1! - 1);
  });
  return beside.length >= 3;
}

/** All free text of a region as one aligned table: lines as rows, cells in reading order. */
function mergeBlocks(page: number, blocks: ReturnType<typeof readFreeText>, region: [number, number, number, number]): Block {
  let merged: Block = { ...blocks[0]!, page, kind: 'aligned' };
  for (const b of blocks.slice(1)) merged = appendRows(merged, { ...b, page });
  return { ...merged, kind: 'aligned', box: region };
}

function appendRows(a: Block, b: Block): Block {
  const offset = a.rows;
  return {
    ...a,
    box: [Math.min(a.box[0], b.box[0]), Math.min(a.box[1], b.box[1]), Math.max(a.box[2], b.box[2]), Math.max(a.box[3], b.box[3])],
    rows: a.rows + b.rows,
    cols: Math.max(a.cols, b.cols),
    cells: [...a.cells, ...b.cells.map((c) => ({ ...c, row: c.row + offset }))],
  };
}

function toTable(block: Block, pages: number[] = [block.page], breaks?: number[]): Table {
  return { pages, rows: block.rows, cols: block.cols, cells: block.cells, method: 'pdf-text', kind: block.kind, ...(breaks?.length ? { breaks } : {}) };
}

/**
 * A table that ends low on one page and a table that starts high on the next, with the same column
 * edges, are one table continued; a repeated header row on the second page is dropped.
 */
function joinAcrossPages(perPage: Block[][], pages: readonly PageContent[]): Table[] {
  const bodySizes = pages.map((pg) => median(pg.runs.map((r) => r.size)));
  const out: Array<{ block: Block; pages: number[]; breaks: number[] }> = [];
  perPage.forEach((all, p) => {
    // Page furniture (a page number, a running head) does not separate a table from its continuation.
    const blocks = all.filter((b) => !isFurniture(b, all, bodySizes[p] ?? 10));
    blocks.forEach((block, k) => {
      const previous = out[out.length - 1];
      const height = pages[p]!.height;
      const prevPage = previous ? pages.find((pg) => pg.page === previous.pages[previous.pages.length - 1]) : undefined;
      if (
        previous &&
        k === 0 &&
        previous.block.kind !== 'lines' &&
        prevPage &&
        block.page === prevPage.page + 1 &&
        previous.block.box[3] > 0.6 * prevPage.height &&
        block.box[1] < 0.4 * height &&
        block.kind === previous.block.kind &&
        sameColumns(previous.block, block)
      ) {
        const repeated = headerRepeats(previous.block, block);
        const rest = repeated ? { ...block, rows: block.rows - 1, cells: block.cells.filter((c) => c.row > 0).map((c) => ({ ...c, row: c.row - 1 })) } : block;
        previous.breaks.push(previous.block.rows);
        previous.block = appendRows(previous.block, rest);
        previous.pages.push(block.page);
      } else {
        out.push({ block, pages: [block.page], breaks: [] });
      }
    });
  });
  return out.map(({ block, pages: p, breaks }) => toTable(block, p, breaks));
}

/**
 * Page furniture between a table and its continuation: a page number, or the labels of merged cells
 * cut by the page break that some producers draw at the grid's edge (short lines of body-sized text
 * touching or within 30 pt of a grid). A title (larger type), a note or a new form's header is not.
 */
function isFurniture(block: Block, page: readonly Block[], bodySize: number): boolean {
  if (block.kind !== 'lines') return false;
  const texts = block.cells.map((c) => removeWhitespace(c.text));
  if (block.rows === 1 && texts.every((t) => /^[-—–第Pp页.\d/共\s]*\d[-—–页.\d/共\s]*$/.test(t))) return true;
  const bodySized = block.cells.every((c) => !c.box || c.box[3] - c.box[1] <= 1.3 * bodySize);
  const nearGrid = page.some((g) => g.kind === 'ruled' && block.box[1] < g.box[3] + 30 && block.box[3] > g.box[1] - 30);
  return bodySized && nearGrid && block.rows <= 3 && texts.every((t) => t.length <= 12);
}

function columnEdges(block: Block): number[] {
  return [...new Set(block.cells.filter((c) => c.colSpan === 1 && c.box).map((c) => Math.round(c.box![0])))].sort((a, b) => a - b);
}

function sameColumns(a: Block, b: Block): boolean {
  const ea = columnEdges(a);
  const eb = columnEdges(b);
  if (ea.length < 2 || eb.length < 2) return false;
  const matched = eb.filter((x) => ea.some((y) => Math.abs(x - y) <= 3)).length;
  return matched >= 0.8 * Math.max(ea.length, eb.length);
}

/** The continuation's first row repeats a row of the first part: all its texts are in that row. */
function headerRepeats(first: Block, next: Block): boolean {
  const texts = (b: Block, r: number) => b.cells.filter((c) => c.row === r && c.text.trim() !== '').map((c) => removeWhitespace(c.text));
  const head = texts(next, 0);
  if (head.length < 2) return false;
  return Array.from({ length: first.rows }, (_, r) => new Set(texts(first, r))).some((row) => head.every((t) => row.has(t)));
}

function expand(box: readonly number[], by: number): [number, number, number, number] {
  return [box[0]! - by, box[1]! - by, box[2]! + by, box[3]! + by];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 10;
}

/** The share of `inner`'s area that lies inside `outer`. */
function coverage(outer: readonly number[], inner: readonly number[]): number {
  const w = Math.max(0, Math.min(outer[2]!, inner[2]!) - Math.max(outer[0]!, inner[0]!));
  const h = Math.max(0, Math.min(outer[3]!, inner[3]!) - Math.max(outer[1]!, inner[1]!));
  return (w * h) / Math.max(1e-6, (inner[2]! - inner[0]!) * (inner[3]! - inner[1]!));
}

function contains(outer: readonly number[], inner: readonly number[], share = 0.9): boolean {
  const w = Math.max(0, Math.min(outer[2]!, inner[2]!) - Math.max(outer[0]!, inner[0]!));
  const h = Math.max(0, Math.min(outer[3]!, inner[3]!) - Math.max(outer[1]!, inner[1]!));
  const area = Math.max(1e-6, (inner[2]! - inner[0]!) * (inner[3]! - inner[1]!));
  return (w * h) / area >= share;
}
