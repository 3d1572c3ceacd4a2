import { parse } from 'csv-parse/sync';
import type { Cell } from '../schema/table.js';

export type Delimiter = '\t' | ',';

/** A quoted cell spanning more lines than this is taken for a stray quote, not Excel's quoting. */
export const MAX_QUOTED_CELL_LINES = 200;

/**
 * The document's delimiter: tab or comma, counted outside double quotes. A tab export is tab
 * separated however many commas its amounts carry (`600,000.00`); comma-separated only when no
 * record has a tab (or fewer have a tab than a comma) and at least half of the non-empty records
 * have a comma outside quotes (Excel pads every row of a CSV, and quotes `1,234.00`). Text with neither is
 * read as before: one cell per line.
 */
export function detectDelimiter(text: string): Delimiter {
  let tabRecords = 0;
  let commaRecords = 0;
  let nonEmpty = 0;
  let tab = false;
  let comma = false;
  let content = false;
  let quoted = false;
  let fieldStart = true;
  const endRecord = () => {
    if (tab) tabRecords++;
    if (comma) commaRecords++;
    if (content) nonEmpty++;
    tab = comma = content = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (ch === '\n') {
      endRecord();
      fieldStart = true;
      continue;
    }
    if (ch === '\t' || ch === ',') {
      if (ch === '\t') tab = true;
      else comma = true;
      fieldStart = true;
      continue;
    }
    if (ch === '"' && fieldStart) quoted = true;
    if (ch !== ' ' && ch !== '\r') content = true;
    fieldStart = false;
  }
  endRecord();
  if (tabRecords > 0 && tabRecords >= commaRecords) return '\t';
  if (commaRecords > 0 && commaRecords * 2 >= nonEmpty) return ',';
  return '\t';
}

/**
 * Delimited text (lines joined by `\n`, residue already cleaned) as cells: row = record, col =
 * field, `line` = the 1-based line the field starts on. A quoted field (`"a\nb"`, `""` for a quote,
 * as Excel writes them) is one cell however many lines it spans; a stray quote (`按"三公"经费`) stays
 * text. An unterminated quote, or a quoted cell longer than MAX_QUOTED_CELL_LINES, makes the whole
 * document read without quoting (each line a row, as a text export always was). Empty fields are
 * left out. Returns the cells and the number of rows (a trailing line break ends an empty row,
 * as `split` counts lines).
 *
 * Text without a double quote has nothing for a CSV parser to unquote: its records are its lines
 * split at the delimiter, which is what csv-parse returns for it too (test/text/read-delimited.test.ts
 * holds the two to the same records), at a twentieth of the time (csv-parse reads 1–4 MB/s here:
 * 15–20 ms for a seed export, 5 s for a 10 MB line). `csvParse` forces csv-parse (tests).
 */
export function readDelimited(text: string, delimiter: Delimiter, options: { csvParse?: boolean } = {}): { cells: Cell[]; rows: number; cols: number } {
  const csvParse = options.csvParse ?? text.includes('"');
  const records = csvParse ? (parseRecords(text, delimiter, true) ?? parseRecords(text, delimiter, false)!) : splitRecords(text, delimiter);
  const cells: Cell[] = [];
  let cols = 0;
  let line = 1;
  records.forEach(({ record, info }, row) => {
    let at = line;
    record.forEach((field, col) => {
      const value = field.trim();
      if (value !== '') {
        cols = Math.max(cols, col + 1);
        cells.push({ row, col, rowSpan: 1, colSpan: 1, text: value, page: null, box: null, line: at, confidence: null });
      }
      at += countLineBreaks(field);
    });
    line = info.lines + 1;
  });
  const rows = records.length + (text === '' || text.endsWith('\n') ? 1 : 0);
  return { cells, rows, cols };
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** Records of text without quotes: csv-parse's records for it, without csv-parse. */
function splitRecords(text: string, delimiter: Delimiter): ParsedRecord[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines.map((line, k) => ({ record: line.split(delimiter), info: { lines: k + 1 } }));
}

function parseRecords(text: string, delimiter: Delimiter, quoting: boolean): ParsedRecord[] | null {
  if (text === '') return [];
  try {
    const records = parse(text, {
      delimiter,
      quote: quoting ? '"' : false,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: '\n',
      info: true,
    }) as unknown as ParsedRecord[];
    if (quoting && records.some((r) => r.record.some((field) => countLineBreaks(field) >= MAX_QUOTED_CELL_LINES))) return null;
    return records;
  } catch (err) {
    // CSV_QUOTE_NOT_CLOSED and kin: read again without quoting. Without quoting nothing can fail.
    if (quoting) return null;
    throw err;
  }
}

function countLineBreaks(s: string): number {
  let n = 0;
  for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) n++;
  return n;
}
