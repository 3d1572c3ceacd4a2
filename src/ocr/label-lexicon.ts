import type { FormDefinition } from '../forms/definition.js';
import type { Table } from '../schema/table.js';

/**
 * Every label the form definitions know (`年度资金总额`, `年初预算数`…), whitespace removed. A label
 * is form structure, not data: an OCR cell that misses one by a character or two is taken as it.
 */
export function labelLexicon(definitions: readonly FormDefinition[]): string[] {
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

/** Cells of OCR tables whose text nearly spells a label get the label (their confidence stays). */
export function mendLabels(tables: Table[], lexicon: readonly string[]): Table[] {
  return tables.map((table) =>
    table.method !== 'ocr' && !table.cells.some((c) => c.confidence !== null)
      ? table
      : { ...table, cells: table.cells.map((cell) => {
          if (cell.confidence === null) return cell;
          const label = nearestLabel(cell.text, lexicon);
          return label ? { ...cell, text: label } : cell;
        }) },
  );
}
