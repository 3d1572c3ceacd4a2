/** Whitespace of every kind, including the ideographic space and no-break spaces. */
const WHITESPACE = /[\s\u3000\u00a0\u200b\ufeff]+/g;

/** PDF and OCR line breaks split words (`14.361 84 万 元`): text values keep no whitespace at all. */
export function removeWhitespace(text: string): string {
  return text.replace(WHITESPACE, '');
}

/** Full-width ASCII (`１２．５％`, `＞＝`) to half-width, for parsing; printed text keeps its forms. */
export function foldFullWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** A label as compared against the synonyms in pipelines/: no spaces, half-width, no trailing colon. */
export function normalizeLabel(text: string): string {
  return foldFullWidth(removeWhitespace(text)).replace(/[:：]+$/, '');
}

/** The printed label as used for an `extra` key: whitespace and a trailing colon removed. */
export function extraKey(label: string): string {
  return removeWhitespace(label).replace(/[:：]+$/, '');
}

/** Text value for output: whitespace removed; empty and dash-only cells are null. */
export function normalizeTextValue(text: string | null | undefined): string | null {
  if (text == null) return null;
  const value = removeWhitespace(text);
  return value === '' || isDash(value) ? null : value;
}

/** Cells that print "nothing here": em/en dashes, hyphens, slashes. */
export function isDash(text: string): boolean {
  return /^[—–\-－/／―‐]+$/.test(foldFullWidth(removeWhitespace(text)));
}
