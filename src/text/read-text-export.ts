import type { Cell, Table } from '../schema/table.js';
import { cleanResidue } from './clean-residue.js';
import { findPipeTables, isPipeSeparator, splitPipeRow } from './pipe-table.js';
import { detectDelimiter, readDelimited } from './read-delimited.js';

/**
 * A text export as one Table: delimited text (tab or comma separated, quoted cells as Excel
 * writes them; see readDelimited), or, when it holds pipe tables (markdown), its lines with the
 * pipe rows split at the pipes. Row = line (for quoted cells spanning lines: record; for pipe
 * tables: separator lines give no row), col = field, `line` = the 1-based line the cell starts on.
 * Empty cells are left out; a line with no text is a row without cells, which the forms stage reads
 * as a break (often a page break in the original). Residue (tags, markdown bold, LaTeX) is cleaned.
 */
export function readTextExport(text: string): Table {
  const lines = text.split(/\r\n|\r|\n/);
  const pipeTables = findPipeTables(lines);
  if (pipeTables.length > 0) return readLines(lines, pipeTables);
  const cleaned = lines.map(cleanResidue).join('\n');
  const { cells, rows, cols } = readDelimited(cleaned, detectDelimiter(cleaned));
  return { pages: [], rows, cols, cells, method: 'text' };
}

/** Lines, the pipe tables among them split at their pipes and the others at their tabs. */
function readLines(lines: readonly string[], pipeTables: ReadonlyArray<[number, number]>): Table {
  const inTable = new Uint8Array(lines.length);
  for (const [start, end] of pipeTables) inTable.fill(1, start, end);
  const cells: Cell[] = [];
  let cols = 0;
  let row = 0;
  lines.forEach((raw, index) => {
    let fields: string[];
    if (inTable[index]) {
      if (isPipeSeparator(raw)) return;
      fields = splitPipeRow(raw);
    } else {
      fields = cleanResidue(raw).split('\t');
    }
    fields.forEach((field, col) => {
      const value = field.trim();
      if (value === '') return;
      cols = Math.max(cols, col + 1);
      cells.push({ row, col, rowSpan: 1, colSpan: 1, text: value, page: null, box: null, line: index + 1, confidence: null });
    });
    row++;
  });
  return { pages: [], rows: row, cols, cells, method: 'text' };
}
