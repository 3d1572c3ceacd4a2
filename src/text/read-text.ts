import { readHtml } from '../html/read-html.js';
import type { Table } from '../schema/table.js';
import { readTextExport } from './read-text-export.js';

/**
 * A text export as Tables: one (readTextExport), unless it carries HTML tables among its lines, as
 * the markdown PDF converters write for tables with merged cells (`# 标题`, prose, then
 * `<table><tr><td rowspan="2">…`). Then each run of lines from a `<table` to the line closing it is
 * read by the HTML reader (grid and spans kept) and the lines between by the text reader, in order;
 * `line` stays the line of the whole text.
 */
export function readText(text: string, file?: string): Table[] {
  if (!/<table[\s>]/i.test(text)) return [readTextExport(text)];
  const lines = text.split(/\r\n|\r|\n/);
  const tables: Table[] = [];
  let from = 0;
  // Blank lines at either end of a piece are left out: the tables are kept apart by one break already.
  const flushText = (to: number) => {
    let start = from;
    while (start < to && lines[start]!.trim() === '') start++;
    while (to > start && lines[to - 1]!.trim() === '') to--;
    if (to > start) tables.push(shiftLines(readTextExport(lines.slice(start, to).join('\n')), start));
  };
  let i = 0;
  while (i < lines.length) {
    if (!/<table[\s>]/i.test(lines[i]!)) {
      i++;
      continue;
    }
    flushText(i);
    // The run ends on the line where every table opened in it is closed (or at the end of the text).
    let depth = 0;
    let j = i;
    for (; j < lines.length; j++) {
      depth += (lines[j]!.match(/<table[\s>]/gi)?.length ?? 0) - (lines[j]!.match(/<\/table\s*>/gi)?.length ?? 0);
      if (depth <= 0) break;
    }
    const end = Math.min(j + 1, lines.length);
    tables.push(...readHtml(lines.slice(i, end).join('\n'), file).map((t) => shiftLines(t, i)));
    from = i = end;
  }
  flushText(lines.length);
  return tables;
}

/** A table read from part of the text, its lines counted from the whole text's start. */
function shiftLines(table: Table, offset: number): Table {
  if (offset === 0) return table;
  return { ...table, cells: table.cells.map((c) => ({ ...c, line: c.line === null ? null : c.line + offset })) };
}
