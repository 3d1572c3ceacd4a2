import { Decimal } from 'decimal.js';
import type { FormDefinition, IndicatorRole } from './definition.js';
import type { IndicatorDraft, Raw, ReadingNote, Row } from './draft.js';
import type { IndicatorColumn } from './form-labels.js';
import { labelKey, splitWeightedLabel } from './labels.js';
import { rowCells, type RowCell } from './rows.js';
import { parseDecimal, parseScore } from '../normalize/number.js';
import { parseMeasure } from '../normalize/measure.js';
import { foldFullWidth, removeWhitespace } from '../normalize/text.js';

export type { IndicatorColumn } from './form-labels.js';

/** An indicator-table row, or a break (a blank line: in text exports usually a page break). */
export type IndicatorEntry = Row | 'break';

/** A row's cells by role; `extra` columns by their printed header. */
type Cells = Partial<Record<Exclude<IndicatorRole, 'extra' | 'ignore'>, Raw>> & { extras?: Map<string, Raw> };

interface Aligned {
  cells: Cells;
  kind: 'item' | 'fragment' | 'labels';
  breakBefore: boolean;
  breakAfter: boolean;
}

/** What a 指标性质 column prints: a direction, a kind, or the comparator itself. */
const NATURE = /^(正向|反向|定量|定性|正向指标|反向指标|定量指标|定性指标|[≥≤=＝<>≧≦]|>=|<=|大于等于|小于等于|大于|小于|等于|不低于|不高于|不超过)$/;

type CellRole = Exclude<IndicatorRole, 'extra' | 'ignore'>;
const ANCHORS: readonly CellRole[] = ['target', 'actual', 'weight', 'score'];
const TEXTS: readonly CellRole[] = ['level3', 'explanation', 'deviation'];
/** Offsets tried when placing a text-export row under the header, the printed placement first. */
const SHIFTS = [0, 1, -1, 2, -2, 3, -3];

/**
 * The indicator table: each row aligned to the header's columns (text exports shift rows by their
 * empty leading cells), continuation lines merged into their row, spanning 一级/二级 labels carried
 * down their span, and rows that are only labels dropped.
 */
export function readIndicators(
  entries: readonly IndicatorEntry[],
  columns: readonly IndicatorColumn[],
  definition: FormDefinition,
): { drafts: IndicatorDraft[]; notes: ReadingNote[] } {
  if (columns.length === 0) return { drafts: [], notes: [] };
  const levels = new Levels(definition);
  const section = new Set(definition.sectionLabels.map(labelKey));
  const aligned: Aligned[] = [];
  let breakPending = false;
  for (const entry of entries) {
    if (entry === 'break') {
      breakPending = true;
      const last = aligned[aligned.length - 1];
      if (last) last.breakAfter = true;
      continue;
    }
    const cells = rowCells(entry).filter(({ cell }) => !section.has(labelKey(cell.text)) && !isPlaceholder(cell.text));
    if (cells.length === 0) continue;
    const placed = entry.exactColumns ? placeUnderHeader(cells, columns) : alignRow(cells, columns, definition, levels, SHIFTS);
    aligned.push({ cells: placed, kind: classify(placed, columns, definition, levels), breakBefore: breakPending, breakAfter: false });
    breakPending = false;
  }
  const merged = mergeFragments(aligned);
  const extraLabels = columns.filter((c) => c.role === 'extra').map((c) => c.label);
  const drafts = merged.map((row) => toDraft(row, extraLabels));
  if (definition.indicators.hierarchy === 'categories') assignCategories(drafts, merged);
  else fillLevels(drafts, definition, levels);
  const items = drafts.filter((_, k) => merged[k]!.kind === 'item');
  for (const d of items) splitItemWeight(d);
  return { drafts: items, notes: [] };
}

/** A table without a 分值 column prints each item's weight in its name: `预算执行率（10分）`. */
function splitItemWeight(d: IndicatorDraft): void {
  if (!d.level3 || d.weight) return;
  const { name, weight } = splitWeightedLabel(d.level3.text);
  if (weight === null) return;
  d.level3 = { text: name, prov: d.level3.prov };
  d.weight = { text: weight, prov: d.level3.prov };
}

/**
 * Template rows left unfilled: `指标1：`, `指标2`, `……`, `...`. They name no indicator; a cell that
 * says only that is empty.
 */
function isPlaceholder(text: string): boolean {
  const s = foldFullWidth(removeWhitespace(text));
  return /^(指标\d{1,2}[:：]?|[…．.。·、]{2,}|…)$/.test(s);
}

/**
 * Hierarchy labels are often printed short (`产出` for 产出指标, `可持续影响` for 可持续影响指标) or with
 * their weight (`产出指标(50分)`): the key is the name alone, with 指标.
 */
function levelKey(text: string): string {
  const s = splitWeightedLabel(text).name;
  return s.endsWith('指标') ? s : `${s}指标`;
}

/**
 * Spreadsheets and ruled grids keep every cell in its column: each cell takes the role of the header
 * range it overlaps most (a header merged over two grid columns covers both); a cell under no header
 * goes to the nearest column.
 */
function placeUnderHeader(cells: readonly RowCell[], columns: readonly IndicatorColumn[]): Cells {
  const placed: Cells = {};
  for (const { col, span, cell } of cells) {
    let best: IndicatorColumn | null = null;
    let bestOverlap = 0;
    for (const c of columns) {
      const overlap = Math.min(col + span, c.col + c.span) - Math.max(col, c.col);
      if (overlap > bestOverlap) {
        best = c;
        bestOverlap = overlap;
      }
    }
    best ??= columns.reduce((a, b) => (Math.abs(b.col - col) < Math.abs(a.col - col) ? b : a));
    put(placed, best, cell);
  }
  return placed;
}

/** Puts a cell under its column; two cells under one column (a wrapped line) are joined. */
function put(placed: Cells, column: IndicatorColumn, cell: Raw): void {
  if (column.role === 'ignore') return;
  if (column.role === 'extra') {
    placed.extras ??= new Map();
    const existing = placed.extras.get(column.label);
    placed.extras.set(column.label, existing ? { text: `${existing.text}${cell.text}`, prov: existing.prov } : cell);
    return;
  }
  const role = column.role;
  const existing = placed[role];
  placed[role] = existing ? { text: `${existing.text}${cell.text}`, prov: existing.prov } : cell;
}

/** Known 一级/二级 labels of the family's hierarchy. */
class Levels {
  readonly level1 = new Set<string>();
  readonly parent = new Map<string, string>();
  constructor(definition: FormDefinition) {
    for (const [parent, children] of Object.entries(definition.indicators.levels ?? {})) {
      this.level1.add(parent);
      for (const child of children) if (!this.parent.has(child)) this.parent.set(child, parent);
    }
  }
  isLevel1(text: string): boolean {
    return this.level1.has(levelKey(text));
  }
  isLevel2(text: string): boolean {
    return this.parent.has(levelKey(text));
  }
  parentOf(text: string): string | undefined {
    return this.parent.get(levelKey(text));
  }
}

/** Places a row's cells under the header shifted by the offset that fits the columns' roles best. */
function alignRow(
  cells: readonly RowCell[],
  columns: readonly IndicatorColumn[],
  definition: FormDefinition,
  levels: Levels,
  shifts: readonly number[],
): Cells {
  const columnAt = new Map(columns.map((c) => [c.col, c]));
  const roleAt = new Map(columns.map((c) => [c.col, c.role]));
  // What a cell's text is does not depend on the shift: read once, scored for every shift.
  const read = cells.map(({ col, cell }) => ({ col, text: readText(cell.text) }));
  let best = { shift: 0, score: -Infinity };
  for (const shift of shifts) {
    // A small cost per column of shift: when two placements fit equally, the printed one wins.
    const score = read.reduce((sum, { col, text }) => sum + fit(roleAt.get(col + shift), text, definition, levels), -0.1 * Math.abs(shift));
    if (score > best.score) best = { shift, score };
  }
  const placed: Cells = {};
  for (const { col, cell } of cells) {
    // A cell past the table's columns belongs to the nearest one.
    const column = columnAt.get(col + best.shift) ?? columns.reduce((a, b) => (Math.abs(b.col - col - best.shift) < Math.abs(a.col - col - best.shift) ? b : a));
    put(placed, column, cell);
  }
  return placed;
}

/** A cell's text as `fit` weighs it: a plain number, or a quantity (a number with a comparator or unit). */
interface ReadText {
  text: string;
  numeric: boolean;
  quantitative: boolean;
}

function readText(text: string): ReadText {
  const numeric = parseScore(text) !== null;
  const measure = parseMeasure(text);
  return { text, numeric, quantitative: measure?.value != null && (measure.op !== null || measure.unit !== null || numeric) };
}

/** How well a text fits a column role; the alignment maximises the sum over a row. */
function fit(role: IndicatorRole | undefined, { text, numeric, quantitative }: ReadText, definition: FormDefinition, levels: Levels): number {
  const standard = definition.indicators.hierarchy === 'standard';
  switch (role) {
    case undefined:
      return -3;
    case 'level1':
      if (standard) return levels.isLevel1(text) ? 3 : levels.isLevel2(text) ? 1 : !numeric && splitWeightedLabel(text).weight !== null ? 1 : -2;
      return numeric ? -2 : splitWeightedLabel(text).weight !== null ? 2 : 0.5;
    case 'level2':
      if (standard) return levels.isLevel2(text) ? 3 : levels.isLevel1(text) ? -1 : -2;
      return numeric ? -2 : 0.5;
    case 'level3':
      return numeric || levels.isLevel1(text) || levels.isLevel2(text) ? -1 : 1;
    case 'explanation':
      return numeric ? -1 : 1;
    case 'deviation':
      return numeric ? -1 : 0.5;
    case 'nature':
      return NATURE.test(foldFullWidth(removeWhitespace(text))) ? 2 : numeric ? -2 : -0.5;
    case 'unit':
      return numeric ? -2 : [...removeWhitespace(text)].length <= 6 ? 1 : -0.5;
    case 'extra':
      return 0;
    case 'ignore':
      return /^\d{1,3}$/.test(removeWhitespace(text)) ? 1 : -1;
    case 'target':
    case 'actual':
      return quantitative ? 1 : 0.5;
    case 'weight':
    case 'score':
    case 'level1Weight':
    case 'level2Weight':
      return numeric ? 2 : -3;
  }
}

/**
 * An item has a value in an anchor column (target, actual, weight, score). A fragment has only text:
 * the rest of a cell wrapped onto another line. A row of labels only (`│效益指标│经济效益指标│││`)
 * sets the hierarchy for the rows below it.
 */
function classify(cells: Cells, columns: readonly IndicatorColumn[], definition: FormDefinition, levels: Levels): Aligned['kind'] {
  const present = new Set(columns.map((c) => c.role));
  if (ANCHORS.some((role) => present.has(role) && cells[role])) return 'item';
  if (!TEXTS.some((role) => cells[role])) return 'labels';
  const labelled = [cells.level1, cells.level2].some((c) => c && (levels.isLevel1(c.text) || levels.isLevel2(c.text)));
  if (definition.indicators.hierarchy === 'standard' && labelled) return 'item';
  return ANCHORS.some((role) => present.has(role)) ? 'fragment' : 'item';
}

/**
 * Joins each fragment to the row it continues. A fragment right before a break is the top of the
 * row after the break (the row was split by a page break); otherwise it continues the row above.
 */
function mergeFragments(rows: Aligned[]): Aligned[] {
  const out: Aligned[] = [];
  const pendingDown: Aligned[] = [];
  rows.forEach((row, k) => {
    if (row.kind !== 'fragment') {
      for (const fragment of pendingDown.splice(0)) joinCells(row.cells, fragment.cells, 'before');
      out.push(row);
      return;
    }
    const previous = [...out].reverse().find((r) => r.kind === 'item');
    const nextItem = rows.slice(k + 1).find((r) => r.kind === 'item');
    const down = (row.breakAfter && !row.breakBefore && nextItem !== undefined) || previous === undefined;
    if (down && nextItem) pendingDown.push(row);
    else if (previous) joinCells(previous.cells, row.cells, 'after');
    else out.push({ ...row, kind: 'item' });
  });
  return out;
}

function joinCells(into: Cells, from: Cells, where: 'before' | 'after'): void {
  for (const [label, cell] of from.extras ?? []) {
    into.extras ??= new Map();
    const existing = into.extras.get(label);
    into.extras.set(label, existing ? { text: where === 'after' ? existing.text + cell.text : cell.text + existing.text, prov: existing.prov } : cell);
  }
  for (const [role, cell] of Object.entries(from) as Array<[Exclude<IndicatorRole, 'extra' | 'ignore'>, Raw]>) {
    if ((role as string) === 'extras') continue;
    const existing = into[role];
    if (!existing) into[role] = cell;
    else if (role === 'level1' || role === 'level2') continue;
    else into[role] = { text: where === 'after' ? existing.text + cell.text : cell.text + existing.text, prov: existing.prov };
  }
}

function toDraft(row: Aligned, extraLabels: readonly string[]): IndicatorDraft {
  const c = row.cells;
  return {
    nature: c.nature ?? null,
    unit: c.unit ?? null,
    extra: extraLabels.map((label) => ({ label, value: c.extras?.get(label) ?? null })),
    level1: c.level1 ?? null,
    level1Weight: c.level1Weight ?? null,
    level2: c.level2 ?? null,
    level2Weight: c.level2Weight ?? null,
    level3: c.level3 ?? null,
    explanation: c.explanation ?? null,
    target: c.target ?? null,
    actual: c.actual ?? null,
    weight: c.weight ?? null,
    score: c.score ?? null,
    deviation: c.deviation ?? null,
  };
}

/** Splits `投入与管理 (36分)` into the label and its weight, keeping provenance on both. */
function splitLevel(raw: Raw | null): { name: Raw | null; weight: Raw | null } {
  if (!raw) return { name: null, weight: null };
  const { name, weight } = splitWeightedLabel(raw.text);
  return { name: { text: name, prov: raw.prov }, weight: weight === null ? null : { text: weight, prov: raw.prov } };
}

/**
 * Spanning 一级/二级 labels are printed once: carry them down. Under the standard hierarchy a 二级
 * label printed in the 一级 column moves over, and a 二级 label whose parent is not the current 一级
 * brings its standard parent with it.
 */
function fillLevels(drafts: IndicatorDraft[], definition: FormDefinition, levels: Levels): void {
  const standard = definition.indicators.hierarchy === 'standard';
  let level1: { name: Raw | null; weight: Raw | null } = { name: null, weight: null };
  let level2: { name: Raw | null; weight: Raw | null } = { name: null, weight: null };
  for (const d of drafts) {
    if (standard && d.level1 && !d.level2 && levels.isLevel2(d.level1.text) && !levels.isLevel1(d.level1.text)) {
      d.level2 = d.level1;
      d.level1 = null;
    }
    if (d.level1) {
      const own = splitLevel(d.level1);
      level1 = { name: own.name, weight: d.level1Weight ?? own.weight };
      level2 = { name: null, weight: null };
    }
    if (d.level2) {
      const own = splitLevel(d.level2);
      level2 = { name: own.name, weight: d.level2Weight ?? own.weight };
      const parent = standard ? levels.parentOf(d.level2.text) : undefined;
      // Only under no 一级, or a standard one: a form's own category (`项目产出(30分)`) is kept as printed.
      const current = level1.name?.text ?? null;
      if (!d.level1 && parent && (current === null || levels.isLevel1(current)) && levelKey(current ?? '') !== parent) {
        level1 = { name: { text: parent, prov: d.level2.prov }, weight: null };
      }
    }
    d.level1 = level1.name;
    d.level1Weight = level1.weight;
    d.level2 = level2.name;
    d.level2Weight = level2.weight;
  }
}

/**
 * Weighted forms print each 一级 label once, somewhere inside its span, with the category weight
 * (`产出目标 (34分)`). The spans are the split of the rows into consecutive runs, each holding its
 * label's row, whose item weights best add up to the category weights; ties keep rows with the
 * category above (a category's last rows are often weightless).
 */
function assignCategories(drafts: IndicatorDraft[], rows: readonly Aligned[]): void {
  const items: number[] = [];
  const categories: Array<{ pos: number; name: Raw; weight: Raw | null }> = [];
  rows.forEach((row, k) => {
    if (row.kind === 'item') items.push(k);
    const label = drafts[k]!.level1;
    if (label) {
      const { name, weight } = splitLevel(label);
      categories.push({ pos: Math.max(0, row.kind === 'item' ? items.length - 1 : items.length), name: name!, weight });
    }
  });
  const n = items.length;
  const weights = items.map((k) => new Decimal(parseDecimal(drafts[k]!.weight?.text) ?? 0));
  const prefix = [new Decimal(0)];
  weights.forEach((w, i) => prefix.push(prefix[i]!.plus(w)));
  const valid = categories.filter((c, j) => c.pos < n && (j === 0 || c.pos > categories[j - 1]!.pos));
  if (valid.length === 0) return;
  const memo = new Map<string, { cost: Decimal; ends: number[] } | null>();
  const solve = (j: number, start: number): { cost: Decimal; ends: number[] } | null => {
    const key = `${j}:${start}`;
    if (memo.has(key)) return memo.get(key)!;
    const category = valid[j]!;
    const maxEnd = j === valid.length - 1 ? n : valid[j + 1]!.pos;
    const minEnd = j === valid.length - 1 ? n : category.pos + 1;
    let best: { cost: Decimal; ends: number[] } | null = null;
    for (let end = maxEnd; end >= minEnd; end--) {
      const sum = prefix[end]!.minus(prefix[start]!);
      const own = category.weight ? sum.minus(parseDecimal(category.weight.text) ?? 0).abs() : new Decimal(0);
      const rest = j === valid.length - 1 ? { cost: new Decimal(0), ends: [] } : solve(j + 1, end);
      if (!rest) continue;
      const cost = own.plus(rest.cost);
      if (!best || cost.lessThan(best.cost)) best = { cost, ends: [end, ...rest.ends] };
    }
    memo.set(key, best);
    return best;
  };
  const solution = solve(0, 0);
  if (!solution) return;
  let start = 0;
  solution.ends.forEach((end, j) => {
    for (let i = start; i < end; i++) {
      const d = drafts[items[i]!]!;
      d.level1 = valid[j]!.name;
      d.level1Weight = valid[j]!.weight;
    }
    start = end;
  });
}
