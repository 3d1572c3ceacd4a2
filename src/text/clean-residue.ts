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

export function cleanResidue(line: string): string {
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
