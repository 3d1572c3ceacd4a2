import type { ErrorLine, Record } from '../schema/record.js';

/** One JSON object per line; keys in contract order. */
export function toJsonl(lines: ReadonlyArray<Record | ErrorLine>): string {
  return lines.map((line) => JSON.stringify(line)).join('\n') + (lines.length ? '\n' : '');
}
