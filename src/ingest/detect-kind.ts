/** What the bytes are, by magic numbers, never by file extension. */
export type InputKind = 'pdf' | 'xlsx' | 'xls' | 'html' | 'zip' | 'text' | 'binary' | 'empty';

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

export function detectKind(bytes: Uint8Array): InputKind {
  if (bytes.length === 0) return 'empty';
  // Some producers put junk before %PDF-; the spec tolerates it in the first 1 KiB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (startsWith(bytes, PDF) || head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    const names = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 65536))).toString('latin1');
    return names.includes('xl/') ? 'xlsx' : 'zip';
  }
  if (startsWith(bytes, CFB)) return 'xls';
  if (!looksLikeText(bytes)) return 'binary';
  return looksLikeHtml(bytes) ? 'html' : 'text';
}

/**
 * An HTML page: `<!DOCTYPE html`, `<html`, `<head`, `<meta`, `<body` or `<table` first, after a
 * BOM, white space, an XML declaration (XHTML) and comments. Many portals serve HTML tables under
 * an .xls name. Sniffed from the first 1 KiB (ASCII markup, so the text encoding does not matter;
 * UTF-16 is folded by dropping NULs). A text export whose lines carry tags (`<p>项目名称</p>`) is text.
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString('latin1')
    .replace(/\0/g, '')
    .replace(/^[\s\ufeff\u00ef\u00bb\u00bf\u00ff\u00fe]+/, '')
    .replace(/^(?:<\?xml[^>]*>\s*|<!--[^]*?-->\s*)+/i, '');
  return /^<(!doctype\s+html|html|head|meta|body|table)\b/i.test(head);
}

/** Text if it has a text BOM, or no NUL bytes and few control characters in its first 8 KiB. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return true;
  }
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control <= sample.length * 0.01;
}
