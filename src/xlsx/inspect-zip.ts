import { JixiaoError } from '../errors.js';

/** Limits on what an XLSX (a zip) may declare before anything is inflated. */
export const ZIP_LIMITS = Object.freeze({
  maxEntries: 10_000,
  maxTotalUncompressed: 512 * 1024 * 1024,
  /** Entries above 1 MiB uncompressed may not inflate more than this many times. */
  maxRatio: 200,
});

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
}

/**
 * Reads a zip's central directory (no inflation) and rejects bombs: too many entries, too much
 * declared data, or an entry that inflates far beyond any real spreadsheet part.
 */
export function inspectZip(bytes: Uint8Array, file: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (why: string) => new JixiaoError('XLSX_CORRUPT', `${file}: ${why}`, { file, stage: 'extract' });
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('the zip has no central directory (truncated?)');
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count > ZIP_LIMITS.maxEntries) throw bomb(file, `${count} entries`);
  const entries: ZipEntry[] = [];
  let p = offset;
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw corrupt('the zip central directory is damaged');
    const flags = view.getUint16(p + 8, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const name = Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength)).toString('utf8');
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) throw bomb(file, `zip64 entry ${name}`);
    total += uncompressedSize;
    if (total > ZIP_LIMITS.maxTotalUncompressed) throw bomb(file, `more than ${ZIP_LIMITS.maxTotalUncompressed} bytes declared`);
    if (uncompressedSize > 1024 * 1024 && uncompressedSize > ZIP_LIMITS.maxRatio * Math.max(1, compressedSize)) {
      throw bomb(file, `${name} inflates ${Math.round(uncompressedSize / Math.max(1, compressedSize))}×`);
    }
    entries.push({ name, compressedSize, uncompressedSize, encrypted: (flags & 1) === 1 });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function bomb(file: string, why: string): JixiaoError {
  return new JixiaoError('INPUT_TOO_LARGE', `${file}: refused before parsing, the zip declares ${why}`, { file, stage: 'extract' });
}
