import { Parser } from 'htmlparser2';
import { JixiaoError } from '../errors.js';
import type { Cell, Table } from '../schema/table.js';

/**
 * Elements open at once beyond which a page is refused (HOSTILE_INPUT). htmlparser2 keeps its open
 * elements in an array it shifts at every tag, so its time grows with the square of the depth:
 * 30 000 open elements (10 000 nested tables) parse in about 0.3 s, 150 000 in 20 s. Real pages
 * stay under a few hundred (browsers lay out 512 levels at most).
 */
export const MAX_HTML_DEPTH = 32_768;
/** A colspan is at most this (the HTML standard's limit). */
export const MAX_COLSPAN = 1000;
/** A rowspan is at most this (the HTML standard's limit), and never past its row group. */
export const MAX_ROWSPAN = 65_534;
/** Grid columns kept (a spreadsheet's width): a cell placed further right is dropped, a span cut. */
export const MAX_TABLE_COLS = 16_384;

/** Elements that end a line of text (outside tables) or a line within a cell. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'legend', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Elements whose text is not printed. */
const HIDDEN = new Set(['script', 'style', 'title', 'template', 'noscript']);
const SECTIONS = new Set(['thead', 'tbody', 'tfoot']);

/**
 * An HTML page (decoded) as Tables in document order: every `<table>` that holds cells and no
 * table with cells of its own becomes a grid (`kind: 'ruled'`, cells placed by the HTML table
 * model: each cell at the first free slot of its row, `rowSpan`/`colSpan` from its attributes,
 * capped); the text outside such tables (titles in `<h1>`/`<p>`/`<div>`, a layout table's own
 * cells, a table's `<caption>`) becomes `lines` tables, one row per block of text. A `<br>` or a
 * block inside a cell is a line break in its text; runs of white space are one space; entities are
 * decoded; `<script>`, `<style>`, `<title>`, `<template>` and `<noscript>` are left out. `line` is the 1-based
 * source line where a cell's tag or a line's text starts. Throws HOSTILE_INPUT past MAX_HTML_DEPTH.
 */
export function readHtml(html: string, file?: string): Table[] {
  const flags = markLayoutTables(html, file);
  const lineAt = lineIndex(html);
  const out: Table[] = [];
  const flow = new TextLines();
  const flush = (lines: TextLines) => {
    lines.break();
    if (lines.lines.length > 0) out.push(linesTable(lines.lines));
    lines.lines = [];
  };
  const stack: Context[] = [];
  let tableIndex = 0;
  let hidden = 0;
  /** Where text goes: the open cell of a data table, its caption or stray text, or the page's lines. */
  const target = (): Sink => {
    const top = stack[stack.length - 1];
    if (!top || top.kind === 'layout') return flow;
    if (top.kind === 'transparent') return top.sink;
    return top.cell ?? top.pre;
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        if (HIDDEN.has(name)) hidden++;
        const top = stack[stack.length - 1];
        if (name === 'table') {
          const layout = flags[tableIndex++]!;
          if (top?.kind === 'data' && !layout.hasCells) {
            // A table without cells inside a table (a spacer): its text is the cell's.
            stack.push({ kind: 'transparent', sink: top.cell ?? top.pre });
          } else if (layout.hasCells && !layout.layout) {
            flush(flow);
            stack.push(new DataTable());
          } else {
            target().break();
            stack.push({ kind: 'layout' });
          }
          return;
        }
        if (top?.kind === 'data') {
          if (name === 'tr') return top.startRow();
          if (name === 'td' || name === 'th') return top.startCell(attribs, lineAt(parser.startIndex));
          if (SECTIONS.has(name)) return top.startSection();
          if (name === 'caption') top.caption++;
        }
        if (BLOCKS.has(name)) target().break();
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        const top = stack[stack.length - 1];
        if (name === 'table') {
          stack.pop();
          if (top?.kind === 'data') {
            const grid = top.finish();
            flush(top.pre);
            if (grid) out.push(grid);
          } else {
            target().break();
          }
          return;
        }
        if (top?.kind === 'data') {
          if (name === 'td' || name === 'th') return top.endCell();
          if (name === 'tr') return top.endRow();
          if (SECTIONS.has(name)) return top.startSection();
          if (name === 'caption') top.caption = Math.max(0, top.caption - 1);
        }
        if (BLOCKS.has(name)) target().break();
      },
      ontext(text) {
        if (hidden > 0) return;
        target().add(text, parser.startIndex, lineAt);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  // Tables left open at the end were closed by end(); what is left is the page's last lines.
  flush(flow);
  return out;
}

/**
 * First pass: for each `<table>` in document order, whether it holds cells of its own and whether it
 * holds a table with cells (then it is a layout table: its own cells are read as lines of text, and
 * the tables inside it as tables).
 */
function markLayoutTables(html: string, file?: string): Array<{ hasCells: boolean; layout: boolean }> {
  const tables: Array<{ hasCells: boolean; layout: boolean }> = [];
  const open: number[] = [];
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (++depth > MAX_HTML_DEPTH) {
          throw new JixiaoError('HOSTILE_INPUT', `the page nests more than ${MAX_HTML_DEPTH} elements`, { file, stage: 'extract' });
        }
        if (name === 'table') {
          open.push(tables.length);
          tables.push({ hasCells: false, layout: false });
        } else if ((name === 'td' || name === 'th') && open.length > 0) {
          tables[open[open.length - 1]!]!.hasCells = true;
        }
      },
      onclosetag(name) {
        depth--;
        if (name !== 'table') return;
        const table = tables[open.pop()!]!;
        const parent = open[open.length - 1];
        if (parent !== undefined && (table.hasCells || table.layout)) tables[parent]!.layout = true;
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return tables;
}

interface Sink {
  add(text: string, at: number, lineAt: (at: number) => number): void;
  break(): void;
}

type Context = DataTable | { kind: 'layout' } | { kind: 'transparent'; sink: Sink };

/** White space as HTML renders it: runs of spaces, tabs, line breaks and no-break spaces are one space. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim();
}

/** Text cut into lines at block boundaries, each with the source line its text starts on. */
class TextLines implements Sink {
  lines: Array<{ text: string; line: number }> = [];
  private buffer = '';
  private line = 0;
  add(text: string, at: number, lineAt: (at: number) => number): void {
    if (this.buffer.trim() === '') {
      const lead = text.search(/[^ \t\n\r\f\u00a0]/);
      if (lead < 0) {
        this.buffer += text;
        return;
      }
      this.line = lineAt(at + lead);
    }
    this.buffer += text;
  }
  break(): void {
    const text = collapse(this.buffer);
    if (text !== '') this.lines.push({ text, line: this.line });
    this.buffer = '';
  }
}

/** A cell's text: its lines (split at `<br>` and blocks) joined by line breaks. */
class CellText implements Sink {
  private parts: string[] = [];
  private buffer = '';
  add(text: string): void {
    this.buffer += text;
  }
  break(): void {
    const text = collapse(this.buffer);
    if (text !== '') this.parts.push(text);
    this.buffer = '';
  }
  text(): string {
    this.break();
    return this.parts.join('\n');
  }
}

interface RawCell {
  text: string;
  line: number;
  rowSpan: number;
  colSpan: number;
}

/** A table that holds cells: its rows as written, placed on a grid when it closes. */
class DataTable {
  readonly kind = 'data';
  /** Its caption and any text outside its cells (which browsers show before the table). */
  readonly pre = new TextLines();
  caption = 0;
  cell: CellText | null = null;
  private readonly rows: Array<{ section: number; cells: RawCell[] }> = [];
  private row: { section: number; cells: RawCell[] } | null = null;
  private section = 0;
  private open: { line: number; rowSpan: number; colSpan: number } | null = null;

  startSection(): void {
    this.endRow();
    this.section++;
  }
  startRow(): void {
    this.endRow();
    this.row = { section: this.section, cells: [] };
    this.rows.push(this.row);
  }
  endRow(): void {
    this.endCell();
    this.row = null;
  }
  startCell(attribs: { [name: string]: string }, line: number): void {
    this.endCell();
    if (!this.row) this.startRow();
    this.cell = new CellText();
    this.open = { line, colSpan: parseSpan(attribs.colspan, 1, 1, MAX_COLSPAN), rowSpan: parseSpan(attribs.rowspan, 1, 0, MAX_ROWSPAN) };
  }
  endCell(): void {
    if (!this.cell || !this.open) return;
    this.row!.cells.push({ text: this.cell.text(), ...this.open });
    this.cell = null;
    this.open = null;
  }

  /** The grid: each cell at the first slot of its row not taken by a cell above reaching down into it. */
  finish(): Table | null {
    this.endRow();
    const rows = this.rows;
    // The last row of each row's group (rowspan="0" reaches it; no span goes past it).
    const groupEnd = new Array<number>(rows.length);
    for (let r = rows.length - 1; r >= 0; r--) {
      groupEnd[r] = r + 1 < rows.length && rows[r + 1]!.section === rows[r]!.section ? groupEnd[r + 1]! : r;
    }
    /** For each column, the last row a cell placed so far covers. */
    const coveredTo: number[] = [];
    const cells: Cell[] = [];
    let cols = 0;
    rows.forEach((row, r) => {
      let c = 0;
      for (const raw of row.cells) {
        while (c < MAX_TABLE_COLS && (coveredTo[c] ?? -1) >= r) c++;
        if (c >= MAX_TABLE_COLS) break;
        const colSpan = Math.min(raw.colSpan, MAX_TABLE_COLS - c);
        const rowSpan = raw.rowSpan === 0 ? groupEnd[r]! - r + 1 : Math.min(raw.rowSpan, groupEnd[r]! - r + 1);
        for (let k = c; k < c + colSpan; k++) coveredTo[k] = r + rowSpan - 1;
        if (raw.text !== '') cells.push({ row: r, col: c, rowSpan, colSpan, text: raw.text, page: null, box: null, line: raw.line, confidence: null });
        cols = Math.max(cols, c + colSpan);
        c += colSpan;
      }
    });
    if (cells.length === 0) return null;
    return { pages: [], rows: rows.length, cols, cells, method: 'text', kind: 'ruled' };
  }
}

/**
 * A rowspan/colspan attribute by the HTML standard's rules for non-negative integers: leading
 * white space, digits, anything after them ignored (`3px` is 3); missing, negative or not a number
 * gives the default; below `min` gives the default too, above `max` is `max`.
 */
export function parseSpan(value: string | undefined, fallback: number, min: number, max: number): number {
  const m = /^[\t\n\f\r ]*\+?(\d+)/.exec(value ?? '');
  if (!m) return fallback;
  const n = m[1]!.length > 9 ? Number.POSITIVE_INFINITY : Number(m[1]);
  if (n < min) return fallback;
  return Math.min(n, max);
}

function linesTable(lines: ReadonlyArray<{ text: string; line: number }>): Table {
  const cells: Cell[] = lines.map(({ text, line }, row) => ({ row, col: 0, rowSpan: 1, colSpan: 1, text, page: null, box: null, line, confidence: null }));
  return { pages: [], rows: lines.length, cols: 1, cells, method: 'text', kind: 'lines' };
}

/** The 1-based line of a position in the text (binary search over the line starts). */
function lineIndex(text: string): (at: number) => number {
  const starts = [0];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
  return (at) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
