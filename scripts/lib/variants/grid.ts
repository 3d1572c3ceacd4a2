/**
 * The printed grid of one variant: cells with the text they display, merged ranges, which rows are
 * the ruled table, header rows and page breaks. The XLSX, PDF (.fods) and text writers all write
 * this one grid, so the three files of a variant print the same values.
 */
import { Decimal } from 'decimal.js';
import type { Choices } from './choices.js';

export type Role = 'title' | 'subtitle' | 'header' | 'label' | 'text' | 'number' | 'footer';

export interface GridCell {
  /** The text the cell displays. */
  text: string;
  role: Role;
  /** A numeric cell: the stored value and the Excel format that displays `text`. */
  number?: { v: number; z: string };
}

export interface Range {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface Grid {
  width: number;
  rows: Array<Array<GridCell | null>>;
  merges: Range[];
  /** The ruled table: rows first..last (title rows above and footer rows below stay outside). */
  table: { first: number; last: number };
  /** Rows with a rule under them in the partly ruled look (header rows, block ends). */
  rules: number[];
  /** The indicator header rows (repeated on every page when asked). */
  header: { first: number; last: number } | null;
  /** Rows that start a new page. */
  breaks: number[];
  /** Rows printed taller (so that a table runs over pages). */
  tall: number[];
  /** Relative column widths. */
  widths: number[];
}

export class GridBuilder {
  readonly rows: Array<Array<GridCell | null>> = [];
  readonly merges: Range[] = [];
  readonly rules: number[] = [];
  readonly breaks: number[] = [];
  readonly tall: number[] = [];
  header: { first: number; last: number } | null = null;
  tableFirst = -1;
  tableLast = -1;

  constructor(readonly width: number) {}

  /** Starts a new empty row; returns its index. */
  row(): number {
    this.rows.push(Array(this.width).fill(null));
    return this.rows.length - 1;
  }

  /** Puts a cell at (r, c), merged over `span` columns and `down` rows. */
  put(r: number, c: number, cell: GridCell | null, span = 1, down = 1): void {
    if (c < 0 || c + span > this.width) throw new Error(`cell at column ${c} spanning ${span} does not fit a grid ${this.width} wide`);
    while (this.rows.length <= r + down - 1) this.row();
    this.rows[r]![c] = cell;
    if (span > 1 || down > 1) this.merges.push({ s: { r, c }, e: { r: r + down - 1, c: c + span - 1 } });
  }

  /** Merges column c over rows from..to (the value stays in the top cell). */
  mergeDown(c: number, from: number, to: number, span = 1): void {
    if (to > from || span > 1) this.merges.push({ s: { r: from, c }, e: { r: to, c: c + span - 1 } });
  }

  build(widths: number[]): Grid {
    this.checkMerges();
    const first = this.tableFirst < 0 ? 0 : this.tableFirst;
    const last = this.tableLast < 0 ? this.rows.length - 1 : this.tableLast;
    return {
      width: this.width,
      rows: this.rows,
      merges: this.merges,
      table: { first, last },
      rules: this.rules,
      header: this.header,
      breaks: this.breaks,
      tall: this.tall,
      widths,
    };
  }

  /** Merged ranges may not overlap, and only their top-left cell may hold a value. */
  private checkMerges(): void {
    const owner = new Map<string, number>();
    this.merges.forEach((m, k) => {
      for (let r = m.s.r; r <= m.e.r; r++) {
        for (let c = m.s.c; c <= m.e.c; c++) {
          const key = `${r},${c}`;
          if (owner.has(key)) throw new Error(`merged ranges overlap at row ${r}, column ${c}`);
          owner.set(key, k);
          if ((r !== m.s.r || c !== m.s.c) && this.rows[r]?.[c]) throw new Error(`a value is hidden under a merge at row ${r}, column ${c}: ${this.rows[r]![c]!.text}`);
        }
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Cells.

export const text = (value: string | null | undefined, role: Role = 'text'): GridCell | null => (value == null || value === '' ? null : { text: value, role });

const decimalsOf = (v: string) => (v.includes('.') ? v.length - v.indexOf('.') - 1 : 0);

function group(digits: string): string {
  const [int, frac] = digits.split('.');
  const neg = int!.startsWith('-');
  const body = (neg ? int!.slice(1) : int!).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${body}${frac !== undefined ? `.${frac}` : ''}`;
}

function format(grouping: boolean, decimals: number, percent = false): string {
  return `${grouping ? '#,##0' : '0'}${decimals ? `.${'0'.repeat(decimals)}` : ''}${percent ? '%' : ''}`;
}

/** A blank value as the layout prints it (empty, `—` or `/`). */
export function blank(choices: Choices): GridCell | null {
  return choices.nullCell === '' ? null : { text: choices.nullCell, role: 'number' };
}

/** A decimal as printed (`10`, `8.61`), as a number cell or text. */
export function numberCell(value: string | null | undefined, choices: Choices, grouping = false): GridCell | null {
  if (value == null) return blank(choices);
  const shown = grouping ? group(value) : value;
  if (choices.cellType === 'text') return { text: shown, role: 'number' };
  return { text: shown, role: 'number', number: { v: Number(value), z: format(grouping, decimalsOf(value)) } };
}

/**
 * An amount held in 元 as the form prints it in `unit`: 万元 = 元 ÷ 10000 with every digit
 * (`371129.24` → `37.112924`), at least two decimals when the 元 value printed some.
 */
export function amountDigits(value: string, unit: '元' | '万元' | null): string {
  if (unit !== '万元') return value;
  const exact = new Decimal(value).div(10000);
  const decimals = Math.max(exact.decimalPlaces(), decimalsOf(value) > 0 ? 2 : 0);
  return exact.toFixed(decimals);
}

export function amountCell(value: string | null | undefined, choices: Choices): GridCell | null {
  if (value == null) return blank(choices);
  return numberCell(amountDigits(value, choices.unit), choices, choices.grouping);
}

/** An execution rate (`86.14`): `86.14%` or a bare `86.14` under a `(%)` header. */
export function rateCell(value: string | null | undefined, choices: Choices): GridCell | null {
  if (value == null) return blank(choices);
  if (choices.rateStyle === 'plain') return numberCell(value, choices);
  const shown = `${value}%`;
  if (choices.cellType === 'text') return { text: shown, role: 'number' };
  return { text: shown, role: 'number', number: { v: new Decimal(value).div(100).toNumber(), z: format(false, decimalsOf(value), true) } };
}

/**
 * Spreads `width` grid columns over slots: every slot gets its base span, and the columns left
 * over go to the `stretch` slots in turn.
 */
export function spreadColumns<K extends string>(slots: ReadonlyArray<{ key: K; span: number }>, width: number, stretch: readonly K[]): Map<K, { col: number; span: number }> {
  const spans = slots.map((s) => s.span);
  let extra = width - spans.reduce((a, b) => a + b, 0);
  if (extra < 0) throw new Error(`slots need ${width - extra} columns, the grid has ${width}`);
  const order = stretch.map((k) => slots.findIndex((s) => s.key === k)).filter((i) => i >= 0);
  if (!order.length) order.push(slots.length - 1);
  for (let k = 0; extra > 0; k++, extra--) spans[order[k % order.length]!]!++;
  const out = new Map<K, { col: number; span: number }>();
  let col = 0;
  slots.forEach((s, k) => {
    out.set(s.key, { col, span: spans[k]! });
    col += spans[k]!;
  });
  return out;
}
