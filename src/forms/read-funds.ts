import type { Raw } from './draft.js';
import type { FundsColumn } from './form-labels.js';
import type { RowCell } from './rows.js';
import type { FundKey, FundSource } from '../schema/record.js';
import { compareAtPrinted, dec } from '../check/decimal.js';
import { parseDecimal, parsePercent } from '../normalize/number.js';
import { foldFullWidth, isDash, removeWhitespace } from '../normalize/text.js';

/** One row of the funds grid as printed: its source label and the cells right of it. */
export interface FundsLine {
  /** The contract source, or null for a source the contract has no key for (`财政专户管理资金`). */
  source: FundSource | null;
  /** The printed label (for `otherFundSources`). */
  label: string;
  labelCell: RowCell;
  values: RowCell[];
  /** The cells sit in their true grid columns (spreadsheets, ruled PDFs). */
  exact: boolean;
}

export interface FundsReading {
  rows: Map<FundSource, Map<FundKey, Raw | null>>;
  others: Map<string, Map<FundKey, Raw | null>>;
  /** Why the reading is unsure (another placement of the values fits as well), or null. */
  doubt: string | null;
}

type Placement = Map<number, RowCell>;
interface Candidate {
  name: string;
  place(line: FundsLine): Placement;
}

const AMOUNTS: ReadonlySet<FundKey> = new Set(['initialBudget', 'annualBudget', 'executed', 'requested', 'previousYearBudget']);

/**
 * Reads the funds grid: each value takes the column of the header range it sits under. Which
 * placement that is, is a hypothesis like any other: under the header ranges as printed, shifted a
 * column either way (a row label merged over one grid column more or less than the header's), or —
 * for text exports, which lose merged cells — counted from the row label. Each placement is scored
 * by the column types (amounts, a rate with `%`, weights and scores ≤ 100 with few decimals) and,
 * as a tie-breaker, by the grid's own arithmetic (执行率 = 执行数 ÷ 预算数, 得分 = 分值 × 执行率). The
 * best is kept; when another fits the types as well and makes the arithmetic hold where the kept one
 * does not, the reading is doubtful, and the arithmetic findings on it are not the form's errors.
 */
export function readFunds(columns: readonly FundsColumn[], lines: readonly FundsLine[]): FundsReading {
  const exact = lines.every((l) => l.exact);
  const candidates: Candidate[] = [underHeader(columns, 0)];
  if (!exact) candidates.push(fromLabel(columns));
  candidates.push(underHeader(columns, -1), underHeader(columns, 1));
  const scored = candidates.map((candidate, k) => {
    const placements = lines.map((line) => candidate.place(line));
    const types = placements.reduce((sum, p, i) => sum + typeScore(columns, lines[i]!, p), 0);
    const arithmetic = placements.map((p) => arithmeticOf(columns, p));
    const holds = arithmetic.reduce((n, a) => n + a.holds, 0);
    const fails = arithmetic.reduce((n, a) => n + a.fails, 0);
    // The printed placement (first) wins ties.
    return { candidate, placements, types, holds, fails, total: types * 10 + holds * 2 - fails - k * 0.5 };
  });
  const best = scored.reduce((a, b) => (b.total > a.total ? b : a));
  let doubt: string | null = null;
  if (best.fails > 0) {
    const rival = scored.find((s) => s !== best && s.fails === 0 && s.holds > 0 && s.types >= best.types - 1);
    if (rival) doubt = `the funds values placed ${rival.candidate.name} fit the columns as well and make the grid's arithmetic hold; as read (${best.candidate.name}) it does not`;
  }
  const misfits = best.placements.flatMap((p, i) => misfitsOf(columns, lines[i]!, p));
  if (!doubt && misfits.length) doubt = `values that do not fit their columns: ${misfits.slice(0, 3).join('; ')}`;

  const rows = new Map<FundSource, Map<FundKey, Raw | null>>();
  const others = new Map<string, Map<FundKey, Raw | null>>();
  lines.forEach((line, i) => {
    const placement = best.placements[i]!;
    const target = line.source ? rows.get(line.source) ?? new Map<FundKey, Raw | null>() : others.get(line.label) ?? new Map<FundKey, Raw | null>();
    columns.forEach((column, j) => {
      if (!column.key) return;
      const cell = placement.get(j)?.cell ?? null;
      if (!target.has(column.key) || target.get(column.key) === null) target.set(column.key, cell);
    });
    if (line.source) rows.set(line.source, target);
    else others.set(line.label, target);
  });
  return { rows, others, doubt };
}

/** Each value under the header column its cells overlap most, the grid shifted by `shift` columns. */
function underHeader(columns: readonly FundsColumn[], shift: number): Candidate {
  return {
    name: shift === 0 ? 'under their header cells' : `one column ${shift < 0 ? 'left' : 'right'} of where they are printed`,
    place(line) {
      const out: Placement = new Map();
      for (const value of line.values) {
        const j = overlapping(columns, value.col + shift, value.span);
        if (j >= 0 && !out.has(j)) out.set(j, value);
      }
      return out;
    },
  };
}

/**
 * Text exports: the k-th field after the row label is the k-th column. A cell printed as two
 * (`100.00% 10.00`, when a PDF-to-text tool lost the rule between them) is split when the row is short.
 */
function fromLabel(columns: readonly FundsColumn[]): Candidate {
  return {
    name: 'counted from the row label',
    place(line) {
      const out: Placement = new Map();
      const start = line.labelCell.col + line.labelCell.span;
      const values = splitMergedCells(line.values.map((v) => ({ offset: v.col - start, cell: v })), columns.length);
      for (const [offset, value] of values) if (offset >= 0 && offset < columns.length && !out.has(offset)) out.set(offset, value);
      return out;
    },
  };
}

function overlapping(columns: readonly FundsColumn[], col: number, span: number): number {
  let best = -1;
  let bestOverlap = 0;
  columns.forEach((c, j) => {
    const overlap = Math.min(col + span, c.col + c.span) - Math.max(col, c.col);
    if (overlap > bestOverlap) {
      best = j;
      bestOverlap = overlap;
    }
  });
  return best;
}

function splitMergedCells(values: Array<{ offset: number; cell: RowCell }>, columns: number): Map<number, RowCell> {
  const out = new Map<number, RowCell>();
  const lastOffset = values.length ? values[values.length - 1]!.offset : -1;
  let spare = columns - 1 - lastOffset;
  let shift = 0;
  for (const { offset, cell } of values) {
    const parts = cell.cell.text.trim().split(/\s+/);
    const complete = parts.length > 1 && parts.every((p) => parseDecimal(p.replace(/[%％]$/, '')) !== null) && parts.slice(0, -1).some((p) => /[%％]$|\.\d{2}$/.test(p));
    if (complete && spare >= parts.length - 1) {
      parts.forEach((text, k) => out.set(offset + shift + k, { ...cell, cell: { text, prov: cell.cell.prov } }));
      shift += parts.length - 1;
      spare -= parts.length - 1;
    } else {
      out.set(offset + shift, cell);
    }
  }
  return out;
}

interface Read {
  empty: boolean;
  percent: boolean;
  number: string | null;
}

function read(text: string): Read {
  const s = foldFullWidth(removeWhitespace(text));
  if (s === '' || isDash(s)) return { empty: true, percent: false, number: null };
  const percent = /%/.test(s);
  const number = percent ? parsePercent(s) : parseDecimal(s.replace(/万?元$/, ''));
  return { empty: false, percent, number };
}

function decimals(number: string): number {
  const dot = number.indexOf('.');
  return dot < 0 ? 0 : number.length - dot - 1;
}

/** How well a printed value fits a funds column: positive fits, negative contradicts the column's type. */
function fit(key: FundKey | null, text: string): number {
  const r = read(text);
  if (r.empty) return 0.2;
  if (key === null) return r.number === null ? 0.5 : -0.5;
  if (r.number === null) return -1;
  if (AMOUNTS.has(key)) return r.percent ? -2 : 1;
  if (key === 'executionRate') return r.percent ? 2 : dec(r.number).lte(150) ? 0.3 : -1.5;
  // 分值, 得分: points, at most 100, printed with few decimals.
  return !r.percent && dec(r.number).lte(100) && decimals(r.number) <= 3 ? 1 : -1.5;
}

function typeScore(columns: readonly FundsColumn[], line: FundsLine, placement: Placement): number {
  let score = 0;
  for (const [j, value] of placement) score += fit(columns[j]!.key, value.cell.text);
  // A printed value the placement has no column for is lost.
  score -= (line.values.length - placement.size) * 1;
  return score;
}

function misfitsOf(columns: readonly FundsColumn[], line: FundsLine, placement: Placement): string[] {
  const out: string[] = [];
  for (const [j, value] of placement) {
    const key = columns[j]!.key;
    if (key && fit(key, value.cell.text) < 0) out.push(`${line.label} ${columns[j]!.label} ${removeWhitespace(value.cell.text)}`);
  }
  return out;
}

/** Does the grid's arithmetic hold on this row as placed? Counts of checks that hold and that fail. */
function arithmeticOf(columns: readonly FundsColumn[], placement: Placement): { holds: number; fails: number } {
  const value = (key: FundKey): Read | null => {
    const j = columns.findIndex((c) => c.key === key);
    const cell = j >= 0 ? placement.get(j) : undefined;
    return cell ? read(cell.cell.text) : null;
  };
  const num = (key: FundKey) => {
    const r = value(key);
    return r && r.number !== null ? r.number : null;
  };
  let holds = 0;
  let fails = 0;
  const rate = value('executionRate');
  const executed = num('executed');
  const budget = num('annualBudget') ?? num('initialBudget');
  if (rate?.number != null && executed !== null && budget !== null && !dec(budget).isZero()) {
    const { same } = compareAtPrinted(dec(executed).div(budget).times(100), rate.number);
    if (same) holds++;
    else fails++;
  }
  const weight = num('weight');
  const score = num('score');
  if (rate?.number != null && weight !== null && score !== null) {
    const capped = dec(rate.number).gt(100) ? dec('100') : dec(rate.number);
    const { same } = compareAtPrinted(dec(weight).times(capped).div(100), score);
    if (same) holds++;
    else fails++;
  }
  return { holds, fails };
}
