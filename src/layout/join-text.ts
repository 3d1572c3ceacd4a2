import type { TextRun } from '../pdf/page-content.js';

/** Han characters, CJK punctuation and full-width forms: written without spaces between them. */
export const HAN = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Runs that sit on one printed line (their vertical centres within half a font size), top to bottom. */
export function groupLines(runs: readonly TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => centerY(a) - centerY(b) || a.box[0] - b.box[0]);
  const lines: TextRun[][] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    const ref = line?.[0];
    if (ref && Math.abs(centerY(run) - centerY(ref)) <= Math.max(2, 0.5 * Math.min(ref.size, run.size))) line!.push(run);
    else lines.push([run]);
  }
  return lines.map((line) => line.sort((a, b) => a.box[0] - b.box[0]));
}

export function centerY(run: TextRun): number {
  return (run.box[1] + run.box[3]) / 2;
}

/**
 * The text of one cell: lines top to bottom joined by a newline, runs on a line left to right. No
 * space is put between Han characters; Latin words and numbers keep a space where the gap is wide.
 */
export function joinRuns(runs: readonly TextRun[]): string {
  return groupLines(runs)
    .map((line) =>
      line.reduce((text, run, k) => {
        if (k === 0) return run.text;
        const gap = run.box[0] - line[k - 1]!.box[2];
        const bothLatin = !HAN.test(text.slice(-1)) && !HAN.test(run.text[0] ?? '');
        return text + (bothLatin && gap > 0.2 * run.size && !/\s$/.test(text) ? ' ' : '') + run.text;
      }, ''),
    )
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Character advance weights: full-width characters are twice as wide as half-width ones. */
function weight(ch: string): number {
  return HAN.test(ch) ? 2 : 1;
}

/**
 * Splits a run where it crosses vertical boundaries (a producer may draw two cells' text in one
 * operation). The cut falls between characters, in proportion to their widths.
 */
export function splitRunAt(run: TextRun, boundaries: readonly number[]): TextRun[] {
  const inner = boundaries.filter((x) => x > run.box[0] + 1 && x < run.box[2] - 1).sort((a, b) => a - b);
  const chars = [...run.text];
  if (inner.length === 0 || chars.length < 2) return [run];
  const total = chars.reduce((w, ch) => w + weight(ch), 0);
  const width = run.box[2] - run.box[0];
  const pieces: TextRun[] = [];
  let start = 0;
  let consumed = 0;
  let x = run.box[0];
  for (const boundary of [...inner, Infinity]) {
    let end = start;
    let w = consumed;
    while (end < chars.length && (boundary === Infinity || run.box[0] + ((w + weight(chars[end]!) / 2) / total) * width < boundary)) {
      w += weight(chars[end]!);
      end++;
    }
    if (end > start) {
      const x1 = boundary === Infinity ? run.box[2] : run.box[0] + (w / total) * width;
      pieces.push({ text: chars.slice(start, end).join(''), box: [x, run.box[1], x1, run.box[3]], size: run.size });
      x = x1;
    }
    start = end;
    consumed = w;
  }
  return pieces.filter((p) => p.text.trim() !== '');
}
