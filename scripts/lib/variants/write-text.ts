/**
 * A grid as a tab-separated text export (UTF-8, LF), as spreadsheet tools save one: a merged
 * range's text in its top-left cell, the covered cells empty, every row as wide as the grid.
 */
import type { Grid } from './grid.js';

export function gridToText(grid: Grid): string {
  return `${grid.rows.map((row) => row.map((cell) => (cell?.text ?? '').replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n')}\n`;
}
