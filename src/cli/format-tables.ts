import type { PageSummary } from '../extract-tables.js';
import type { Table } from '../schema/table.js';

/** A plain-text rendering of `jixiao tables`: each table as a grid, spans marked. */
export function formatTables(pages: readonly PageSummary[], tables: readonly Table[]): string {
  const out: string[] = [];
  const ocr = pages.filter((p) => p.needsOcr).map((p) => p.page);
  out.push(`${pages.length} page(s), ${tables.length} table(s)${ocr.length ? `; page(s) ${ocr.join(', ')} have no usable text layer (need OCR)` : ''}`);
  tables.forEach((table, k) => {
    const boxes = table.cells.map((c) => c.box).filter((b): b is NonNullable<typeof b> => b !== null);
    const box = boxes.length
      ? [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))].map((v) => v.toFixed(1))
      : [];
    out.push('', `table ${k + 1}: page ${table.pages.join('–')}, ${table.kind ?? 'grid'}, ${table.rows} × ${table.cols}, box [${box.join(', ')}]`);
    const grid: string[][] = Array.from({ length: table.rows }, () => Array<string>(table.cols).fill(''));
    for (const c of table.cells) {
      const span = c.rowSpan > 1 || c.colSpan > 1 ? ` ⟨${c.rowSpan}×${c.colSpan}⟩` : '';
      grid[c.row]![c.col] = c.text.replace(/\n/g, '⏎') + span;
    }
    for (const row of grid) out.push(`  │ ${row.join(' │ ')} │`);
  });
  return out.join('\n') + '\n';
}
