/**
 * Splitting a printed target/actual (`≥95%`) into the 指标性质 / 指标值 / 度量单位 columns some
 * provinces print, and the contract's reading of such a row: `op` and `unit` come from their own
 * columns when the value cell prints none (CONTRACT.md, "Extra columns on indicators").
 *
 * Only a cell that is exactly `[comparator]number[unit]` is split; anything else (free text, two
 * numbers, an actual with its own comparator) keeps its whole text, so the truth never rests on a
 * reading that could go two ways.
 */
type Op = '>=' | '>' | '<=' | '<' | '=';

export interface Measure {
  text: string;
  op: Op | null;
  value: string | null;
  unit: string | null;
}

/** Comparator prefixes a simple cell may print, longest first. */
const PREFIXES: Array<[string, Op]> = [
  ['大于或等于', '>='], ['大于等于', '>='], ['不低于', '>='], ['不少于', '>='], ['小于或等于', '<='], ['小于等于', '<='],
  ['不超过', '<='], ['不高于', '<='], ['≥', '>='], ['>=', '>='], ['≤', '<='], ['<=', '<='], ['大于', '>'], ['小于', '<'],
  ['等于', '='], ['>', '>'], ['<', '<'], ['=', '='],
];

/** The sign printed in a comparator 指标性质 column. */
export const OP_SIGN: Record<Op, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

/** Words that would make a trailing "unit" a comparator instead (`95%以上`). */
const NOT_UNITS = /以上|以下|以内|之内|及|或|内$/;

export interface SimpleCell {
  prefix: string;
  op: Op | null;
  number: string;
  /** The unit as the contract reads it (`(%)` → `%`), or null. */
  unit: string | null;
}

/** `≥95%` → {prefix ≥, op >=, number 95, unit %}; null when the cell is not that simple. */
export function parseSimpleCell(text: string): SimpleCell | null {
  const prefix = PREFIXES.find(([p]) => text.startsWith(p));
  const rest = prefix ? text.slice(prefix[0].length) : text;
  const m = /^(\d+(?:\.\d+)?)(.*)$/.exec(rest);
  if (!m) return null;
  let unit: string | null = m[2]! === '' ? null : m[2]!;
  if (unit !== null) {
    const paren = /^[(（](%|‰)[)）]$/.exec(unit);
    if (paren) unit = paren[1]!;
    if (unit.length > 4 || /[\d.,，、\s]/.test(unit) || NOT_UNITS.test(unit)) return null;
  }
  return { prefix: prefix?.[0] ?? '', op: prefix?.[1] ?? null, number: m[1]!, unit };
}

/** Whether a golden measure reads the same as the simple split of its text. */
function agrees(measure: Measure, cell: SimpleCell | null): cell is SimpleCell {
  return cell !== null && measure.value === cell.number && measure.op === cell.op && measure.unit === cell.unit;
}

export type NatureMode = 'none' | 'comparator' | 'direction' | 'quantity';
export type UnitMode = 'none' | 'after-target' | 'after-actual';

/** One indicator row as printed in the split columns, and what the contract reads from it. */
export interface SplitRow {
  /** The 指标性质 cell (null: blank); only when the mode is not `none`. */
  nature: string | null;
  /** The 度量单位 cell (null: blank). */
  unitCell: string | null;
  target: Measure | null;
  actual: Measure | null;
}

/**
 * Lays one indicator's target/actual out over the 指标性质 / 度量单位 columns. The measures come
 * back as the contract reads the printed cells.
 */
export function splitRow(target: Measure | null, actual: Measure | null, nature: NatureMode, unit: UnitMode): SplitRow {
  const tp = target ? parseSimpleCell(target.text) : null;
  const ap = actual ? parseSimpleCell(actual.text) : null;
  const targetSimple = target !== null && agrees(target, tp);
  // The actual must print no comparator of its own and no other unit than the target's.
  const actualFits = actual === null || (agrees(actual, ap) && ap.op === null && (ap.unit === null || ap.unit === tp?.unit));
  const clean = targetSimple && actualFits;
  const natureCell = (() => {
    if (nature === 'none') return null;
    if (nature === 'comparator') return clean && tp!.op ? OP_SIGN[tp!.op] : null;
    if (nature === 'quantity') return target === null ? null : target.value !== null ? '定量' : '定性';
    // direction: 反向 for an upper bound, 正向 for a lower bound or a plain number; blank for words.
    if (target === null || target.value === null) return null;
    return target.op === '<=' || target.op === '<' ? '反向' : '正向';
  })();
  if (!clean) return { nature: natureCell, unitCell: null, target, actual };
  const useUnitColumn = unit !== 'none' && tp!.unit !== null;
  const opInColumn = nature === 'comparator' && tp!.op !== null;
  const targetText = `${opInColumn ? '' : tp!.prefix}${tp!.number}${useUnitColumn ? '' : (tp!.unit === null ? '' : unitAsPrinted(target!.text, tp!))}`;
  const newTarget: Measure = { text: targetText, op: tp!.op, value: tp!.number, unit: tp!.unit };
  let newActual: Measure | null = null;
  if (actual && ap) {
    const actualText = `${ap.number}${useUnitColumn || ap.unit === null ? '' : unitAsPrinted(actual.text, ap)}`;
    newActual = {
      text: actualText,
      op: opInColumn ? tp!.op : null,
      value: ap.number,
      unit: ap.unit ?? (useUnitColumn ? tp!.unit : null),
    };
  }
  return { nature: natureCell, unitCell: useUnitColumn ? tp!.unit : null, target: newTarget, actual: newActual };
}

/** The unit as the cell printed it (`(%)` stays `(%)`). */
function unitAsPrinted(text: string, cell: SimpleCell): string {
  return text.slice(text.indexOf(cell.number) + cell.number.length);
}
