/**
 * Whether a page's text layer can be used. `empty`: no text at all (a scan). `garbled`: the text is
 * not plausible Chinese/Latin/numbers — e.g. a font without ToUnicode, whose codes come out as
 * Latin-1 mojibake (`¹ØÓÚ`) or private-use glyphs. Either way the page needs OCR.
 */
export function judgeTextLayer(text: string): 'ok' | 'empty' | 'garbled' {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length === 0) return 'empty';
  const plausible = chars.filter(isPlausible).length;
  return plausible / chars.length >= 0.75 ? 'ok' : 'garbled';
}

function isPlausible(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x20 && c <= 0x7e) || // ASCII
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // extension A
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    (c >= 0x2000 && c <= 0x206f) || // general punctuation (— “ ” …)
    (c >= 0x2100 && c <= 0x22ff) || // letterlike, arrows, maths (≥ ≤ ×)
    (c >= 0x2460 && c <= 0x24ff) || // enclosed numerals ①
    (c >= 0x25a0 && c <= 0x25ff) || // geometric shapes ■ ○
    c === 0xb0 || c === 0xb1 || c === 0xd7 || c === 0xf7 || c === 0xb7 // ° ± × ÷ ·
  );
}
