import { cleanMarkup } from './clean-residue.js';

/**
 * Markdown (pipe) tables in a text: `| 项目名称 | xxx | 主管部门 | yyy |`, the `|---|:--:|` line
 * under a header, the `+----+----+` borders of grid tables, and rows without the outer pipes
 * (`项目名称 | xxx`) inside a block that has a separator line.
 */

/** A line that separates a header from the body (`|---|---|`, `:--|--:`) or borders a grid table (`+---+`). */
export function isPipeSeparator(line: string): boolean {
  const s = line.trim();
  if (/^\+[-=:+]+\+$/.test(s) && /[-=]/.test(s)) return true;
  return s.includes('|') && /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/.test(s);
}

/** The positions of the unescaped pipes of a line (`\|` is a pipe in the text). */
function pipePositions(line: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') at.push(i);
  }
  return at;
}

/** A line with outer pipes: it starts or ends with an unescaped `|`. */
function isFramed(line: string): boolean {
  const s = line.trim();
  if (s.startsWith('|')) return true;
  const pipes = pipePositions(s);
  return pipes.length > 0 && pipes[pipes.length - 1] === s.length - 1;
}

/**
 * The pipe tables of a text, as [start, end) line ranges: each a maximal run of lines holding an
 * unescaped pipe (or separator lines), taken as a table when it has a separator line or when every
 * line of it has outer pipes. Prose that happens to hold a `|` (`A|B 两类`) is no table.
 */
export function findPipeTables(lines: readonly string[]): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  let i = 0;
  while (i < lines.length) {
    const piped = (k: number) => k < lines.length && (isPipeSeparator(lines[k]!) || pipePositions(lines[k]!).length > 0);
    if (!piped(i)) {
      i++;
      continue;
    }
    let j = i;
    while (piped(j)) j++;
    const block = lines.slice(i, j);
    const separated = block.some(isPipeSeparator);
    if (separated || block.every(isFramed)) blocks.push([i, j]);
    i = j;
  }
  return blocks;
}

/**
 * The cells of one pipe row, outer pipes dropped, `\|` unescaped, markup cleaned (`<br>` is a line
 * break in the cell), trimmed. Empty cells are kept as '' so the columns stay where they are.
 */
export function splitPipeRow(line: string): string[] {
  const s = line.trim();
  const pipes = pipePositions(s);
  const bounds = [-1, ...pipes, s.length];
  const cells: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k]! + 1;
    const to = bounds[k + 1]!;
    // Outer pipes have nothing on their outside.
    if ((k === 0 && to === 0) || (k === bounds.length - 2 && from === s.length)) continue;
    cells.push(cleanCell(s.slice(from, to)));
  }
  return cells;
}

function cleanCell(raw: string): string {
  if (raw.trim() === '') return '';
  const text = cleanMarkup(raw.replace(/\\\|/g, '|').replace(/<br\s*\/?>/gi, '\n'));
  return text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('\n');
}
