import { JixiaoError } from '../errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Decodes a text export: a BOM decides UTF-8/UTF-16; without one, valid UTF-8 is UTF-8 and
 * anything else is read as GB18030 (a superset of GBK/GB2312, the usual Chinese legacy encoding).
 * `declared`: the encoding the document names for itself (an HTML page's `<meta charset=gbk>`),
 * used when there is no BOM.
 */
export function decodeText(bytes: Uint8Array, file?: string, declared?: 'gb18030'): { text: string; encoding: TextEncoding } {
  let encoding: TextEncoding;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    encoding = declared ?? (isValidUtf8(bytes) ? 'utf-8' : 'gb18030');
  }
  try {
    const text = new TextDecoder(encoding, { fatal: encoding !== 'gb18030' }).decode(body);
    return { text, encoding };
  } catch (err) {
    throw new JixiaoError('TEXT_DECODE_FAILED', `cannot decode the text as ${encoding}`, { file, stage: 'ingest' }, { cause: err });
  }
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
