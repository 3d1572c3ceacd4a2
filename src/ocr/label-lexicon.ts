import type { FormDefinition } from '../forms/definition.js';
import type { Table } from '../schema/table.js';

/**
 * Every label the form definitions know (`年度资金总额`, `年初预算数`…), whitespace removed. A label
 * is form structure, not data: an OCR cell that misses one by a character or two is taken as it.
 */
export function labelLexicon(definitions: readonly FormDefinition[]): string[] {
  return remember(lexicons, definitions, () => collectLabels(definitions));
}

// Both are made once per set of definitions (a batch passes the same array for every document).
const lexicons = new WeakMap<readonly FormDefinition[], string[]>();
const headerGroupSets = new WeakMap<readonly FormDefinition[], string[][]>();

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
 * at most one character (two for labels of seven or more): `年度资金总显` → `年度资金总额`. Null
 * when the text is a label already, or none or several are that close.
 */
export function nearestLabel(text: string, lexicon: readonly string[]): string | null {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length < 5 || lexicon.includes(chars.join(''))) return null;
  const close = lexicon.filter((label) => {
    const l = [...label];
    if (l.length !== chars.length) return false;
    let diff = 0;
    for (let k = 0; k < l.length && diff <= 2; k++) if (l[k] !== chars[k]) diff++;
    return diff <= (l.length >= 7 ? 2 : 1) && diff < l.length / 2;
  });
  return close.length === 1 ? close[0]! : null;
}

/**
 * The column labels of each header row the definitions know: the funds grid's and the indicator
 * table's. In a row that already shows two of a group's labels, the other cells are header cells
 * too, so a cell may be matched more loosely against that group alone.
 */
export function headerGroups(definitions: readonly FormDefinition[]): string[][] {
  return remember(headerGroupSets, definitions, () => collectHeaderGroups(definitions));
}

function collectHeaderGroups(definitions: readonly FormDefinition[]): string[][] {
  const groups: string[][] = [];
  for (const d of definitions) {
    if (d.funds) groups.push(d.funds.columns.flatMap((c) => c.labels.map((l) => l.replace(/\s+/g, ''))));
    groups.push(d.indicators.columns.flatMap((c) => c.labels.map((l) => l.replace(/\s+/g, ''))));
  }
  return groups;
}

/**
 * In a header row (two or more cells exactly a group's labels), a cell is the label of the group, not
 * yet in the row, of its length that differs from it in fewest characters, fewer than half:
 * `年初预舞致` beside `全年执行数` and `分值` is `年初预算数`. Ties are left as read. (Looser
 * matching was tried: it mends data cells of rows that look like headers, and loses more than it wins.)
 */
export function nearestHeaderLabel(text: string, row: readonly string[], group: readonly string[]): string | null {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length < 2 || group.includes(chars.join(''))) return null;
  let best: string | null = null;
  let bestDiff = Infinity;
  let tie = false;
  for (const label of group) {
    const l = [...label];
    if (l.length !== chars.length || row.includes(label)) continue;
    const diff = l.reduce((n, ch, k) => n + (ch !== chars[k] ? 1 : 0), 0);
    if (diff * 2 >= l.length) continue;
    if (diff < bestDiff) [best, bestDiff, tie] = [label, diff, false];
    else if (diff === bestDiff && label !== best) tie = true;
  }
  return tie ? null : best;
}

/** Cells of OCR tables whose text nearly spells a label get the label (their confidence stays). */
export function mendLabels(tables: Table[], lexicon: readonly string[], groups: readonly string[][] = []): Table[] {
  return tables.map((table) => {
    if (table.method !== 'ocr' && !table.cells.some((c) => c.confidence !== null)) return table;
    const cells = table.cells.map((cell) => {
      if (cell.confidence === null) return cell;
      const label = nearestLabel(cell.text, lexicon);
      return label ? { ...cell, text: label } : cell;
    });
    const rows = new Map<number, number[]>();
    cells.forEach((cell, k) => rows.set(cell.row, [...(rows.get(cell.row) ?? []), k]));
    for (const members of rows.values()) {
      const texts = members.map((k) => cells[k]!.text.replace(/\s+/g, ''));
      const group = groups.find((g) => texts.filter((t) => g.includes(t)).length >= 2);
      if (!group) continue;
      for (const k of members) {
        const cell = cells[k]!;
        if (cell.confidence === null) continue;
        const label = nearestHeaderLabel(cell.text, texts, group);
        if (label) {
          cells[k] = { ...cell, text: label };
          texts.push(label);
        }
      }
    }
    return { ...table, cells };
  });
}
