/**
 * Building blocks of scripts/make-survey-fixtures.ts: a form as a grid of cells (merged cells as one
 * cell with a row/column span at its top-left corner), written as a tab-separated text export and as
 * a workbook, and the helpers that turn the same printed values into the expected contract record
 * (amounts in 元, percentages without the sign, targets as {text, op, value, unit}).
 *
 * Nothing here reads the tool's own code: the expected records are what the printed values say,
 * by the rules of /work/shared/CONTRACT.md and the lead's additions (notes/common.md).
 */
import XLSX from 'xlsx';

/** A grid cell: its text, or a merged cell spanning `cs` columns and `rs` rows from here. */
export type Cell = string | { t: string; cs: number; rs: number };
export type Grid = Cell[][];

/** A merged (or plain) cell. */
export function C(t: string, cs = 1, rs = 1): Cell {
  return { t, cs, rs };
}

export const text = (cell: Cell): string => (typeof cell === 'string' ? cell : cell.t);

/** One grid row of exactly `width` cells: a cell spanning `cs` columns is followed by `cs - 1` empty ones. */
export function row(width: number, ...cells: Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const cell of cells) {
    out.push(cell);
    if (typeof cell !== 'string') for (let k = 1; k < cell.cs; k++) out.push('');
  }
  if (out.length > width) throw new Error(`row of ${out.length} cells is wider than ${width}: ${out.map(text).join('|')}`);
  while (out.length < width) out.push('');
  return out;
}

/** The text export: one line per grid row, every cell a tab field, merged cells printed once. */
export function gridsToText(grids: readonly Grid[]): string {
  return grids.map((grid) => grid.map((r) => r.map(text).join('\t')).join('\n')).join('\n\n') + '\n';
}

const DISPLAY = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);

/**
 * The same grids stacked on one sheet (a blank row between forms), with `!merges` for merged cells,
 * column widths from the longest unmerged text, and number cells where a spreadsheet keeps numbers
 * (`300,000.00` → 300000 with `#,##0.00`, `93.40%` → 0.934 with `0.00%`), so the formatted text is
 * the printed one.
 */
export function gridsToWorkbook(grids: readonly Grid[]): Buffer {
  const aoa: unknown[][] = [];
  const merges: XLSX.Range[] = [];
  const widths: number[] = [];
  let r0 = 0;
  for (const grid of grids) {
    grid.forEach((cells, r) => {
      const out: unknown[] = [];
      cells.forEach((cell, c) => {
        if (typeof cell !== 'string' && (cell.cs > 1 || cell.rs > 1)) {
          merges.push({ s: { r: r0 + r, c }, e: { r: r0 + r + cell.rs - 1, c: c + cell.cs - 1 } });
        } else {
          widths[c] = Math.max(widths[c] ?? 0, DISPLAY(text(cell)));
        }
        out.push(toCell(text(cell)));
      });
      aoa.push(out);
    });
    aoa.push([]);
    r0 += grid.length + 1;
  }
  aoa.pop();
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  sheet['!merges'] = merges;
  sheet['!cols'] = widths.map((w) => ({ wch: Math.min(40, Math.max(6, w + 2)) }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

function toCell(s: string): unknown {
  if (s === '') return null;
  let m = /^(-?\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(s);
  if (m) return { t: 'n', v: Number(s.replace(/,/g, '')), z: `#,##0${m[2] ? '.' + '0'.repeat(m[2].length) : ''}` };
  m = /^-?\d{1,12}(?:\.(\d+))?$/.exec(s);
  if (m) return { t: 'n', v: Number(s), z: m[1] ? `0.${'0'.repeat(m[1].length)}` : 'General' };
  m = /^(-?\d{1,6}(?:\.(\d+))?)%$/.exec(s);
  if (m) return { t: 'n', v: Number(m[1]) / 100, z: m[2] ? `0.${'0'.repeat(m[2].length)}%` : '0%' };
  return { t: 's', v: s };
}

// ---------------------------------------------------------------------------------------------
// Expected values

/** Text as the contract keeps it: all whitespace removed; empty → null. */
export function nows(s: string | null | undefined): string | null {
  if (s == null) return null;
  const t = s.replace(/\s+/gu, '');
  return t === '' ? null : t;
}

const BLANK = (s: string | null | undefined) => s == null || /^\s*$/.test(s) || /^[—–\-/／]$/.test(s.trim());

/** A printed amount in 元: commas removed, digits kept (`300,000.00` → `300000.00`). */
export function yuan(s: string | null | undefined): string | null {
  return BLANK(s) ? null : s!.replace(/[,\s]/g, '');
}

/** A printed amount in 万元 as 元: the decimal point moved four places, every printed digit kept. */
export function wan(s: string | null | undefined): string | null {
  if (BLANK(s)) return null;
  const t = s!.replace(/[,\s]/g, '');
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) throw new Error(`not an amount: ${s}`);
  const [, sign, int, frac = ''] = m;
  const digits = int + frac.padEnd(4, '0');
  const point = int.length + 4;
  let whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point);
  return `${sign}${whole}${rest ? '.' + rest : ''}`;
}

/** A printed rate without its sign: `93.40%` → `93.40`. */
export function pct(s: string | null | undefined): string | null {
  return BLANK(s) ? null : s!.replace(/[%％\s]/g, '');
}

/** A printed weight or score: blank, `—` or `/` → null. */
export function num(s: string | null | undefined): string | null {
  return BLANK(s) ? null : s!.trim();
}

export type Op = '>=' | '>' | '<=' | '<' | '=';
export interface Value {
  text: string;
  op: Op | null;
  value: string | null;
  unit: string | null;
}

const PREFIX: Array<[RegExp, Op]> = [
  [/^(≥|>=|≧|大于等于|不低于|不少于)/, '>='],
  [/^(≤|<=|≦|小于等于|不超过|不高于|不多于)/, '<='],
  [/^(>|＞|大于)/, '>'],
  [/^(<|＜|小于)/, '<'],
  [/^(=|﹦|＝|等于)/, '='],
];
// `N日内`/`N小时内` are `<=` N (as in fixtures/songgang-style): 内 after a unit.
const SUFFIX: Array<[RegExp, Op]> = [
  [/(以上)$/, '>='],
  [/(以内|以下)$/, '<='],
  [/(?<=\D)内$/, '<='],
];

/** The comparator a 指标性质 cell names, if it names one. */
export function natureOp(nature: string | null | undefined): Op | null {
  const t = nows(nature);
  if (!t) return null;
  for (const [re, op] of PREFIX) if (re.test(t) && t.replace(re, '') === '') return op;
  return null;
}

/**
 * A target or actual cell as the contract reads it. `nature` and `unitColumn` are the 指标性质 and
 * 度量单位 cells of the row, on forms that print them: they give op and unit when the cell itself
 * prints none (text stays as printed).
 */
export function value(printed: string | null | undefined, nature?: string | null, unitColumn?: string | null): Value | null {
  const t = nows(printed);
  if (t == null || BLANK(t)) return null;
  let rest = t;
  let op: Op | null = null;
  for (const [re, o] of PREFIX) if (re.test(rest)) { op = o; rest = rest.replace(re, ''); break; }
  if (!op) for (const [re, o] of SUFFIX) if (re.test(rest)) { op = o; rest = rest.replace(re, ''); break; }
  const m = /^(\d+(?:\.\d+)?)(.*)$/.exec(rest);
  let val: string | null = null;
  let unit: string | null = null;
  if (m) {
    val = m[1]!;
    unit = m[2] === '' ? null : m[2]!;
  } else {
    op = null;
  }
  op ??= natureOp(nature);
  if (unit == null && val != null) unit = nows(unitColumn);
  return { text: t, op, value: val, unit };
}

// ---------------------------------------------------------------------------------------------
// Records

export type FundKey = 'initialBudget' | 'annualBudget' | 'executed' | 'requested' | 'previousYearBudget' | 'weight' | 'executionRate' | 'score';
export type FundRow = Partial<Record<FundKey, string | null>>;
export type SourceKey = 'total' | 'currentYear' | 'carryOver' | 'other';

const AMOUNTS: readonly FundKey[] = ['initialBudget', 'annualBudget', 'executed', 'requested', 'previousYearBudget'];

/** One printed funds row: its source (or its printed label, for `otherFundSources`) and its cells by key. */
export interface PrintedFundsRow {
  source: SourceKey | { label: string };
  cells: Partial<Record<FundKey, string>>;
}

/**
 * The funds object of a record: every printed row with the keys of the grid's columns (`keys`),
 * amounts converted from `unit`, blanks null; unprinted sources null.
 */
export function funds(rows: readonly PrintedFundsRow[], keys: readonly FundKey[], unit: '元' | '万元'): {
  funds: Record<SourceKey, FundRow | null>;
  otherFundSources?: Record<string, FundRow>;
} {
  const out: Record<SourceKey, FundRow | null> = { total: null, currentYear: null, carryOver: null, other: null };
  const others: Record<string, FundRow> = {};
  for (const r of rows) {
    const obj: FundRow = {};
    for (const k of keys) {
      const printed = r.cells[k];
      obj[k] = AMOUNTS.includes(k) ? (unit === '万元' ? wan(printed) : yuan(printed)) : k === 'executionRate' ? pct(printed) : num(printed);
    }
    if (typeof r.source === 'string') out[r.source] = obj;
    else others[nows(r.source.label)!] = obj;
  }
  return Object.keys(others).length ? { funds: out, otherFundSources: others } : { funds: out };
}

/** One printed indicator row (or a template placeholder row, which is not an indicator). */
export interface Ind {
  l1?: string;
  w1?: string;
  l2?: string;
  w2?: string;
  l3?: string;
  nature?: string;
  target?: string;
  unit?: string;
  actual?: string;
  weight?: string;
  score?: string;
  dev?: string;
  expl?: string;
  extra?: Record<string, string>;
  placeholder?: boolean;
}

export interface IndicatorShape {
  /** The form has a 指标性质 column. */
  nature?: boolean;
  /** Columns kept under the indicator's `extra`, by printed header. */
  extraColumns?: readonly string[];
  /** Whether level1Weight / level2Weight are part of the family (printed or not). */
  weights1?: boolean;
  weights2?: boolean;
}

/** The expected indicator of a printed row. */
export function indicator(i: Ind, shape: IndicatorShape = {}): Record<string, unknown> {
  const o: Record<string, unknown> = { level1: nows(i.l1) };
  if (shape.weights1 || i.w1 !== undefined) o.level1Weight = num(i.w1);
  o.level2 = nows(i.l2);
  if (shape.weights2 || i.w2 !== undefined) o.level2Weight = num(i.w2);
  o.level3 = nows(i.l3);
  o.explanation = nows(i.expl);
  o.target = value(i.target, i.nature, i.unit);
  o.actual = value(i.actual, i.nature, i.unit);
  o.weight = num(i.weight);
  o.score = num(i.score);
  o.deviation = nows(i.dev);
  if (shape.nature) o.nature = nows(i.nature);
  if (shape.extraColumns?.length) o.extra = Object.fromEntries(shape.extraColumns.map((k) => [nows(k), nows(i.extra?.[k])]));
  return o;
}

/**
 * Indicator rows of a grid. `cols` gives each role's column; `l1`/`l2` labels are merged down the
 * run of rows that share them (printed once, in the first row, with the category weight when the
 * form prints one: `label(w)` via `label1`), `spans` widens a role's cell over several columns.
 */
export interface IndicatorLayout {
  width: number;
  cols: Partial<Record<'seq' | 'l1' | 'w1' | 'l2' | 'w2' | 'l3' | 'nature' | 'target' | 'unit' | 'actual' | 'weight' | 'score' | 'dev' | 'expl', number>> & {
    extra?: Record<string, number>;
  };
  spans?: Partial<Record<'l3' | 'target' | 'actual' | 'dev' | 'expl' | 'score', number>>;
  /** How a 一级 / 二级 label is printed (default: as is). */
  label1?: (i: Ind) => string;
  label2?: (i: Ind) => string;
  /** Merge 二级 labels of consecutive rows (default true). */
  merge2?: boolean;
}

export function indicatorRows(inds: readonly Ind[], layout: IndicatorLayout): Cell[][] {
  const rows: Cell[][] = inds.map(() => Array.from({ length: layout.width }, () => '' as Cell));
  const { cols } = layout;
  const put = (r: number, c: number | undefined, t: string | undefined, cs = 1, rs = 1) => {
    if (c === undefined || t === undefined) return;
    rows[r]![c] = cs > 1 || rs > 1 ? C(t, cs, rs) : t;
  };
  // Runs of equal 一级 (and 一级+二级).
  const run = (k: number, key: (i: Ind) => string) => {
    let n = 1;
    while (k + n < inds.length && key(inds[k + n]!) === key(inds[k]!)) n++;
    return n;
  };
  const k1 = (i: Ind) => `${i.l1 ?? ''}`;
  const k2 = (i: Ind) => `${i.l1 ?? ''}\u0000${i.l2 ?? ''}`;
  inds.forEach((ind, r) => {
    if (cols.l1 !== undefined && ind.l1 && (r === 0 || k1(inds[r - 1]!) !== k1(ind))) {
      const n = run(r, k1);
      put(r, cols.l1, layout.label1 ? layout.label1(ind) : ind.l1, 1, n);
      if (cols.w1 !== undefined && ind.w1 !== undefined) put(r, cols.w1, ind.w1, 1, n);
    }
    if (cols.l2 !== undefined && ind.l2) {
      const first = r === 0 || k2(inds[r - 1]!) !== k2(ind) || layout.merge2 === false;
      if (first) {
        const n = layout.merge2 === false ? 1 : run(r, k2);
        put(r, cols.l2, layout.label2 ? layout.label2(ind) : ind.l2, 1, n);
        if (cols.w2 !== undefined && ind.w2 !== undefined) put(r, cols.w2, ind.w2, 1, n);
      }
    }
    const sp = layout.spans ?? {};
    put(r, cols.seq, ind.placeholder ? undefined : String(inds.slice(0, r + 1).filter((x) => !x.placeholder).length));
    put(r, cols.l3, ind.l3 ?? '', sp.l3 ?? 1);
    if (ind.placeholder) return;
    put(r, cols.nature, ind.nature ?? '');
    put(r, cols.target, ind.target ?? '', sp.target ?? 1);
    put(r, cols.unit, ind.unit ?? '');
    put(r, cols.actual, ind.actual ?? '', sp.actual ?? 1);
    put(r, cols.weight, ind.weight ?? '');
    put(r, cols.score, ind.score ?? '', sp.score ?? 1);
    put(r, cols.dev, ind.dev ?? '', sp.dev ?? 1);
    put(r, cols.expl, ind.expl ?? '', sp.expl ?? 1);
    for (const [name, c] of Object.entries(cols.extra ?? {})) put(r, c, ind.extra?.[name] ?? '');
  });
  return rows;
}

/** A finding as the contract writes it (messages are free text). */
export function finding(rule: string, severity: 'error' | 'warning' | 'info', field: string, expected: string | null, found: string | null, message: string) {
  return { rule, severity, field, expected, found, message };
}

/** deviation.missing (info) for every indicator that loses points and gives no reason. */
export function deviationInfos(indicators: ReadonlyArray<Record<string, unknown>>) {
  const out: ReturnType<typeof finding>[] = [];
  indicators.forEach((i, k) => {
    const w = i.weight as string | null;
    const s = i.score as string | null;
    if (w == null || s == null || i.deviation != null || !(Number(s) < Number(w))) return;
    out.push(finding('deviation.missing', 'info', `indicators[${k}].deviation`, null, null, `${i.level3 ?? k} scores ${s} of ${w} and gives no reason`));
  });
  return out;
}
