/**
 * PDF-to-text tools leave markup behind: `<p>` tags, markdown headings, bold and table rules, LaTeX
 * math (`$80 \leq$`). This strips it from one line so the reader sees only the printed text.
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

export function cleanResidue(line: string): string {
  // A markdown heading's marks (`# 项目支出绩效自评表`): `#` then a space, at most three spaces in.
  const s = cleanMarkup(line.replace(/^ {0,3}#{1,6}[ \t]+/, ''));
  // A markdown table rule (`--\t-------\t----`) carries no text.
  return isRule(s) ? '' : s;
}

/**
 * Tags, markdown bold and LaTeX math out of one piece of text (a line, or one cell of a pipe
 * table), without the table-rule test: a cell `--` is kept. A tag is `<` letter … `>` with no `<`
 * inside, so a line of many unclosed `<a` is read in linear time.
 */
export function cleanMarkup(text: string): string {
  let s = text.replace(/<\/?[a-zA-Z][^<>]*>/g, ' ');
  s = s.replace(/\*\*(.*?)\*\*/g, '$1');
  if (s.includes('$') || s.includes('\\')) {
    for (const [re, to] of LATEX) s = s.replace(re, to);
    s = s.replace(/\$([^$\t]*)\$/g, '$1');
  }
  return s;
}

/** A line of only rule characters with a run of dashes or equals signs (`|---|:--:|`, `+----+`). */
export function isRule(line: string): boolean {
  return /^[\s|:+\-—=]*$/.test(line) && /-{2,}|={2,}/.test(line);
}
