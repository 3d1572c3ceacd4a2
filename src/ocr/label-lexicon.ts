import type { FormDefinition } from '../forms/definition.js';
import type { Cell, Table } from '../schema/table.js';

/**
 * Every label the form definitions know (`年度资金总额`, `年初预算数`…), whitespace removed. A label
 * is form structure, not data: an OCR cell that misses one by a character or two is taken as it.
 */
export function labelLexicon(definitions: readonly FormDefinition[]): string[] {
  return remember(lexicons, definitions, () => collectLabels(definitions));
}

// Both are made once per set of definitions (a batch passes the same array for every document).
const lexicons = new WeakMap<readonly FormDefinition[], string[]>();
const headerGroupSets = new WeakMap<readonly FormDefinition[], HeaderGroup[]>();

function remember<T>(cache: WeakMap<readonly FormDefinition[], T>, key: readonly FormDefinition[], make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

function collectLabels(definitions: readonly FormDefinition[]): string[] {
  const out = new Set<string>();
  const walk = (node: unknown, key: string): void => {
    if (typeof node === 'string') {
      if (/labels$/i.test(key)) out.add(node.replace(/\s+/g, ''));
    } else if (Array.isArray(node)) node.forEach((v) => walk(v, key));
    else if (node && typeof node === 'object' && !(node instanceof RegExp)) for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  definitions.forEach((d) => walk(d, ''));
  // Four-character labels are one character from category names (质量指标, 时效指标): too close to mend.
  return [...out].filter((label) => [...label].length >= 5);
}

/**
 * The label an OCR'd text stands for, when exactly one label of the same length differs from it in
 * at most one character (two for labels of seven or more): `年度资金总显` → `年度资金总额`, or
 * that spells a bracketed label with a bracket lost. Null when the text is a label already, or none
 * or several are that close.
 */
export function nearestLabel(text: string, lexicon: readonly string[]): string | null {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length < 5 || lexicon.includes(chars.join(''))) return null;
  // A bracket lost (`具体实施处科室) :`): the same characters as one label, brackets and colon aside.
  const bare = (s: string) => s.replace(/[()（）:：\s]/g, '');
  const same = lexicon.filter((label) => /[()（）]/.test(label) && bare(label) === bare(text));
  if (same.length === 1) return text.replace(/[:：\s]/g, '') === same[0] ? null : same[0]!;
  const close = lexicon.filter((label) => {
    const diff = substitutions(chars, [...label]);
    return diff <= (chars.length >= 7 ? 2 : 1) && diff < chars.length / 2;
  });
  return close.length === 1 ? close[0]! : null;
}

/** A header row the definitions know (the funds grid's, the indicator table's): its columns in printed order. */
export interface HeaderGroup {
  columns: Array<{ labels: string[]; role: string }>;
  /** Category names of the 一级 and 二级 columns (the national hierarchy), for the cells under them. */
  categories: { level1: string[]; level2: string[] } | null;
  /** The label of the table's total row (`总分`), for an indicator table. */
  total: string | null;
}

/**
 * The header rows of every definition. In a row that already shows two of a group's labels, the
 * other cells are header cells too, and the columns come in the definition's order, so a cell may
 * be matched more loosely, against the columns between its exact neighbours.
 */
export function headerGroups(definitions: readonly FormDefinition[]): HeaderGroup[] {
  return remember(headerGroupSets, definitions, () => collectHeaderGroups(definitions));
}

function collectHeaderGroups(definitions: readonly FormDefinition[]): HeaderGroup[] {
  const squeeze = (labels: readonly string[]) => labels.map((l) => l.replace(/\s+/g, ''));
  const groups: HeaderGroup[] = [];
  for (const d of definitions) {
    if (d.funds) groups.push({ columns: d.funds.columns.map((c) => ({ labels: squeeze(c.labels), role: c.key })), categories: null, total: null });
    const levels = d.indicators.hierarchy === 'standard' ? d.indicators.levels : undefined;
    const names = d.indicators.hierarchy === 'categories' ? d.indicators.categoryNames : undefined;
    const categories = levels
      ? { level1: Object.keys(levels), level2: [...new Set(Object.values(levels).flat())] }
      : names
        ? { level1: [...names], level2: [] }
        : null;
    // The columns a family lists in printed order; the columns any form may add (指标性质, 序号) have no place in that order.
    const ordered = d.indicators.columns.filter((c) => c.role !== 'nature' && c.role !== 'unit' && c.role !== 'ignore');
    groups.push({ columns: ordered.map((c) => ({ labels: squeeze(c.labels), role: c.role })), categories, total: d.indicators.totalLabels[0] ?? null });
  }
  return groups;
}

/** Characters that differ between two texts of the same length (Infinity for different lengths). */
function substitutions(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return Infinity;
  return a.reduce((n, ch, k) => n + (ch !== b[k] ? 1 : 0), 0);
}

/**
 * Scores of the alignment (lower is better; a cell left as read scores 0): a mended cell -1 plus the
 * share of its characters mended (more cells matched beats fewer matched more closely), an exact
 * label -2 (an anchor: keeping it outweighs any mending around it).
 */
const MATCHED = -1;
const EXACT = -2;

/**
 * The best order-keeping match of a header row's cells (left to right) to a group's columns:
 * each cell is its column's label when it differs from it in at most half its characters, the
 * columns' printed order is kept, and a column may be absent from the row. `一绍指标` between
 * `一级指标` and `年度指标值` is `二级指标`; a cell nothing fits is left as read (null).
 *
 * A mended cell that fits two columns of its gap equally well is a tie, left as read. Garbled cells
 * (recognizer confidence under GARBLED, e.g. `实旺空只佑` at 0) are their columns' labels when as
 * many columns fit between their matched neighbours as there are garbled cells in between, each
 * within one character of its column's label in length.
 */
export function alignHeader(
  texts: readonly string[],
  group: HeaderGroup,
  confidences: ReadonlyArray<number | null> = [],
): Array<{ label: string; role: string } | null> {
  const cells = texts.map((t) => [...t.replace(/\s+/g, '')]);
  const n = cells.length;
  const m = group.columns.length;
  // fit[i][j]: the cost of cell i as column j, and the label it would take.
  const fit = cells.map((chars) =>
    group.columns.map((column) => {
      let best = { cost: Infinity, label: '' };
      for (const label of column.labels) {
        const d = substitutions(chars, [...label]);
        const cost = d === 0 ? EXACT : MATCHED + d / chars.length;
        if (chars.length >= 2 && 2 * d <= chars.length && cost < best.cost) best = { cost, label };
      }
      return best;
    }),
  );
  // total[i][j]: least cost of the first i cells over the first j columns.
  const total = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      total[i]![j] = Math.min(total[i - 1]![j]!, total[i]![j - 1]!, total[i - 1]![j - 1]! + fit[i - 1]![j - 1]!.cost);
    }
  }
  const column: number[] = new Array(n).fill(-1);
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const here = total[i]![j]!;
    if (here === total[i - 1]![j - 1]! + fit[i - 1]![j - 1]!.cost) column[--i] = --j;
    else if (here === total[i]![j - 1]!) j--;
    else i--;
  }
  const out = column.map((j, i) => (j < 0 ? null : { label: fit[i]![j]!.label, role: group.columns[j]!.role }));
  // Between two matched cells (or a matched cell and the row's end), the columns that could be there.
  const gap = (i: number, k: number): [number, number] => [
    column.slice(0, i).reduce((last, j) => (j >= 0 ? j : last), -1),
    column.slice(k + 1).find((j) => j >= 0) ?? m,
  ];
  for (let i = 0; i < n; i++) {
    const j = column[i]!;
    if (j < 0 || fit[i]![j]!.cost === EXACT) continue;
    // A mended cell that fits another free column of its gap as well is a tie: left as read.
    const [before, after] = gap(i, i);
    if (group.columns.some((_, other) => other !== j && other > before && other < after && fit[i]![other]!.cost === fit[i]![j]!.cost)) out[i] = null;
  }
  const garbled = (i: number) => !out[i] && confidences[i] !== null && confidences[i] !== undefined && confidences[i]! < GARBLED;
  for (let i = 0; i < n; i++) {
    if (!garbled(i)) continue;
    let k = i;
    while (k + 1 < n && garbled(k + 1)) k++;
    // A run of garbled cells as long as the run of columns between its neighbours' columns, whose
    // neighbours are matched (cells nothing matched at either end of the row, like 项目资金, do not count).
    const [before, after] = gap(i, k);
    const neighbours = (i === 0 || column[i - 1]! >= 0 || before === -1) && (k === n - 1 || column[k + 1]! >= 0 || after === m);
    if (neighbours && after - before - 1 === k - i + 1) {
      for (let c = i; c <= k; c++) {
        const only = group.columns[before + 1 + c - i]!;
        const label = only.labels.find((l) => Math.abs([...l].length - cells[c]!.length) <= 1);
        if (label) out[c] = { label, role: only.role };
      }
    }
    i = k;
  }
  return out;
}

/** Below this confidence a reading says nothing about its text: only its place can. */
const GARBLED = 0.3;

/**
 * The category an OCR'd cell under a 一级 or 二级 header stands for: the one name of the same
 * length that differs from it in fewest characters, fewer than half (`成十指标` → `成本指标`).
 * Ties and far readings are left as read.
 */
export function nearestCategory(text: string, names: readonly string[]): string | null {
  // A category's weight may follow its name: `投入与官埋(36分)` is read by its name.
  const [, name = '', weight = ''] = /^(.*?)([(（][^()（）]*[)）])?$/s.exec(text.replace(/\s+/g, '')) ?? [];
  const chars = [...name];
  if (chars.length < 2 || names.includes(name)) return null;
  let best: string | null = null;
  let bestDiff = Infinity;
  let tie = false;
  for (const candidate of names) {
    const d = substitutions(chars, [...candidate]);
    if (2 * d >= chars.length) continue;
    if (d < bestDiff) [best, bestDiff, tie] = [candidate, d, false];
    else if (d === bestDiff) tie = true;
  }
  return tie || best === null ? null : best + weight;
}

/**
 * Cells of OCR tables that nearly spell a label get the label (their confidence stays): any known
 * label of five characters or more; in a header row, the cells aligned to its group's columns;
 * under the 一级/二级 header cells of an indicator table, the category names; and a garbled first
 * cell spanning the text columns of a row of numbers under an indicator header, the total label.
 */
export function mendLabels(tables: Table[], lexicon: readonly string[], groups: readonly HeaderGroup[] = []): Table[] {
  const columnLabels = new Set(groups.flatMap((g) => g.columns.flatMap((c) => c.labels)));
  return tables.map((table) => {
    if (table.method !== 'ocr' && !table.cells.some((c) => c.confidence !== null)) return table;
    const cells = splitJoinedLabels(table.cells, columnLabels).map((cell) => {
      if (cell.confidence === null) return cell;
      const label = nearestLabel(cell.text, lexicon);
      return label ? { ...cell, text: label } : cell;
    });
    const rows = new Map<number, number[]>();
    cells.forEach((cell, k) => rows.set(cell.row, [...(rows.get(cell.row) ?? []), k]));
    const byRow = [...rows.entries()].sort((a, b) => a[0] - b[0]);
    /** Columns (first, last) of the 一级/二级 header cells seen so far, and their names. */
    let categoryColumns: Array<{ from: number; to: number; names: string[]; below: number }> = [];
    /** The total label of the last indicator header seen, and the column its first matched cell is in. */
    let total: { label: string; col: number } | null = null;
    for (const [row, members] of byRow) {
      members.sort((a, b) => cells[a]!.col - cells[b]!.col);
      const texts = members.map((k) => cells[k]!.text.replace(/\s+/g, ''));
      const exact = (g: HeaderGroup) => texts.filter((t) => g.columns.some((c) => c.labels.includes(t))).length;
      const group = groups.filter((g) => exact(g) >= 2).sort((a, b) => exact(b) - exact(a))[0];
      if (group) {
        const aligned = alignHeader(texts, group, members.map((k) => cells[k]!.confidence));
        categoryColumns = [];
        const first = members.find((_, i) => aligned[i]);
        total = group.total && first !== undefined ? { label: group.total, col: cells[first]!.col } : null;
        members.forEach((k, i) => {
          const match = aligned[i];
          const cell = cells[k]!;
          if (!match) return;
          if (cell.confidence !== null && match.label !== texts[i]) cells[k] = { ...cell, text: match.label };
          const names = match.role === 'level1' ? group.categories?.level1 : match.role === 'level2' ? group.categories?.level2 : undefined;
          if (names) categoryColumns.push({ from: cell.col, to: cell.col + cell.colSpan - 1, names, below: row + cell.rowSpan - 1 });
        });
        continue;
      }
      // A garbled cell spanning the text columns, followed by numbers only: the total row (`合计` read as `让证`).
      const lead = cells[members[0]!]!;
      const rest = members.slice(1).map((k) => cells[k]!.text.trim()).filter(Boolean);
      if (total && lead.confidence !== null && lead.confidence < GARBLED && lead.colSpan >= 2 && lead.col <= total.col && rest.length > 0 && rest.every((t) => /^\d[\d.,]*%?$/.test(t))) {
        cells[members[0]!] = { ...lead, text: total.label };
        continue;
      }
      for (const k of members) {
        const cell = cells[k]!;
        if (cell.confidence === null) continue;
        const under = categoryColumns.find((c) => row > c.below && cell.col >= c.from && cell.col + cell.colSpan - 1 <= c.to);
        const name = under ? nearestCategory(cell.text, under.names) : null;
        if (name) cells[k] = { ...cell, text: name };
      }
    }
    return { ...table, cells };
  });
}

/**
 * A cell spanning columns that holds one column label per column (`全年预算数 | 全年执行数`: the rule
 * between them lost under a seal, its remnant read as a bar) is split into its columns, each box
 * taken from the cells of that column in other rows.
 */
function splitJoinedLabels(cells: readonly Cell[], labels: ReadonlySet<string>): Cell[] {
  const columnX = (col: number) => cells.find((c) => c.col === col && c.colSpan === 1 && c.box)?.box;
  return cells.flatMap((cell) => {
    if (cell.confidence === null || cell.colSpan < 2 || !cell.box) return [cell];
    const parts = cell.text.split(/[|｜。\s]+/).filter(Boolean);
    const boxes = parts.map((_, k) => columnX(cell.col + k));
    if (parts.length !== cell.colSpan || !parts.every((p) => labels.has(p)) || boxes.some((b) => !b)) return [cell];
    return parts.map((text, k) => ({ ...cell, col: cell.col + k, colSpan: 1, text, box: [boxes[k]![0], cell.box![1], boxes[k]![2], cell.box![3]] as Cell['box'] }));
  });
}
