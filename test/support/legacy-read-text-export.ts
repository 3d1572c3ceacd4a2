/**
 * The text-export reader as it was before csv-parse (commit 0f2b12e: `split('\t')` on each line
 * cleaned of residue), frozen here so test/text/legacy-equivalence.test.ts can hold the new reader
 * to the same tables on every unquoted tab export. Not used by src/.
 */
import type { Cell, Table } from '../../src/schema/table.js';

/**
 * PDF-to-text tools leave markup behind: `<p>` tags, markdown bold and table rules, LaTeX math
 * (`$80 \leq$`). This strips it from one line so the reader sees only the printed text.
 */
// A command ends at the first non-letter: `\geq90` is `≥90`.
const LATEX: Array<[RegExp, string]> = [
  [/\\leqslant(?![a-zA-Z])|\\leq?(?![a-zA-Z])/g, '≤'],
  [/\\geqslant(?![a-zA-Z])|\\geq?(?![a-zA-Z])/g, '≥'],
  [/\\lt(?![a-zA-Z])/g, '<'],
  [/\\gt(?![a-zA-Z])/g, '>'],
  [/\\times(?![a-zA-Z])/g, '×'],
  [/\\%/g, '%'],
];

function cleanResidue(line: string): string {
  let s = line.replace(/<\/?[a-zA-Z][^>]*>/g, ' ');
  s = s.replace(/\*\*(.*?)\*\*/g, '$1');
  if (s.includes('$') || s.includes('\\')) {
    for (const [re, to] of LATEX) s = s.replace(re, to);
    s = s.replace(/\$([^$\t]*)\$/g, '$1');
  }
  // A markdown table rule (`--\t-------\t----`) carries no text.
  if (/^[\s|:+\-—=]*$/.test(s) && /-{2,}|={2,}/.test(s)) return '';
  return s;
}


/**
 * A text export (cells separated by tabs, one printed line per line) as one Table: row = line
 * index, col = field index. Empty cells are left out; a line with no text is a row without cells,
 * which the forms stage reads as a break (often a page break in the original).
 */
export function legacyReadTextExport(text: string): Table {
  const lines = text.split(/\r\n|\r|\n/);
  const cells: Cell[] = [];
  let cols = 0;
  lines.forEach((raw, row) => {
    const fields = cleanResidue(raw).split('\t');
    fields.forEach((field, col) => {
      const value = field.trim();
      if (value === '') return;
      cols = Math.max(cols, col + 1);
      cells.push({ row, col, rowSpan: 1, colSpan: 1, text: value, page: null, box: null, line: row + 1, confidence: null });
    });
  });
  return { pages: [], rows: lines.length, cols, cells, method: 'text' };
}
