import { decodeText, type TextEncoding } from '../ingest/decode-text.js';

/** Charset labels of the GB family (the WHATWG Encoding Standard maps them all to GBK/GB18030). */
const GB_LABELS = new Set(['gbk', 'gb2312', 'gb18030', 'gb_2312', 'gb_2312-80', 'x-gbk', 'cp936', 'chinese', 'csgb2312', 'csiso58gb231280', 'euc-cn', 'iso-ir-58', 'windows-936', 'ms936']);

/**
 * The charset a page declares in its first 4 KiB (`<meta charset=gbk>`, or `<meta
 * http-equiv="Content-Type" content="text/html; charset=gb2312">`), lower-cased, or null.
 * The markup is ASCII, so it is read as Latin-1 whatever the page's encoding (UTF-16 NULs dropped).
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1').replace(/\0/g, '');
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Decodes an HTML page: a BOM decides; a page declaring a GB charset is GB18030 (a superset of
 * GBK/GB2312, decoded as the text exports are); anything else as decodeText does (valid UTF-8 is
 * UTF-8, the rest GB18030: a page declaring utf-8 that is GBK is read right).
 */
export function decodeHtml(bytes: Uint8Array, file?: string): { text: string; encoding: TextEncoding } {
  const charset = declaredCharset(bytes);
  return decodeText(bytes, file, charset !== null && GB_LABELS.has(charset) ? 'gb18030' : undefined);
}
