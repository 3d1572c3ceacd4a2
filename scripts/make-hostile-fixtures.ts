/**
 * Writes the hostile spreadsheets of fixtures/hostile/ (dev-time; the files are committed, small):
 * - proto-comment.xlsx: a comment whose ref is `__proto__` (xlsx 0.18.5 sets Object.prototype.c)
 * - redos.xlsx: styles.xml full of unclosed `<!--` (quadratic comment-stripping regex in 0.18.5)
 * - zip-bomb.xlsx: a part that declares 64 MiB and inflates ~1000×
 * - encrypted.xlsx: an OLE container with EncryptionInfo/EncryptedPackage streams, as Office writes
 *   for a password-protected workbook (contents random: only the container shape matters)
 * - truncated.xlsx: the first 60% of a valid workbook
 * - html-page.xls: an HTML page saved under a spreadsheet name, with no form in it
 *
 *   npx tsx scripts/make-hostile-fixtures.ts && npx tsx scripts/update-manifest.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import XLSX from 'xlsx';
import { FIXTURES_DIR } from './lib/manifest.js';

const dir = join(FIXTURES_DIR, 'hostile');
mkdirSync(dir, { recursive: true });

function validWorkbook(withComment = false): Buffer {
  const workbook = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet([['项目支出绩效自评表'], ['项目名称', '测试项目']]);
  if (withComment) sheet.A1!.c = [{ a: 'jixiao', t: 'comment' }];
  XLSX.utils.book_append_sheet(workbook, sheet, 'Sheet1');
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** Rewrites one part of a zip (SheetJS's bundled CFB handles zip containers). */
function patchZip(bytes: Buffer, part: RegExp, patch: (xml: string) => string): Buffer {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  const k = zip.FullPaths.findIndex((p: string) => part.test(p));
  if (k < 0) throw new Error(`no part ${part}`);
  const entry = zip.FileIndex[k]!;
  entry.content = Buffer.from(patch(Buffer.from(entry.content as Uint8Array).toString('utf8')), 'utf8');
  entry.size = entry.content.length;
  return XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Buffer;
}

const write = (name: string, bytes: Uint8Array) => {
  writeFileSync(join(dir, name), bytes);
  console.log(`fixtures/hostile/${name}: ${bytes.length} bytes`);
};

write('proto-comment.xlsx', patchZip(validWorkbook(true), /comments\d*\.xml$/, (xml) => xml.replace(/ref="A1"/, 'ref="__proto__"')));
write('redos.xlsx', patchZip(validWorkbook(), /styles\.xml$/, (xml) => xml.replace('</styleSheet>', `${'<!--'.repeat(200_000)}</styleSheet>`)));

/** A zip written by hand, so a part can be deflated at level 9 (~1000× for zeros). */
function writeZip(parts: Array<{ name: string; data: Buffer }>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of parts) {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(data), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += head.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

const base = XLSX.CFB.read(validWorkbook(), { type: 'buffer' });
const parts = base.FullPaths.map((path: string, k: number) => ({ path, entry: base.FileIndex[k]! }))
  .filter(({ path, entry }: { path: string; entry: { type: number } }) => entry.type === 2 && !path.includes('Sh33tJ5'))
  .map(({ path, entry }: { path: string; entry: { content: Uint8Array } }) => ({ name: path.replace(/^Root Entry\//, ''), data: Buffer.from(entry.content) }));
parts.push({ name: 'xl/media/image1.bin', data: Buffer.alloc(200 * 1024 * 1024) });
write('zip-bomb.xlsx', writeZip(parts));

const encrypted = XLSX.CFB.utils.cfb_new();
XLSX.CFB.utils.cfb_add(encrypted, 'EncryptionInfo', randomBytes(512));
XLSX.CFB.utils.cfb_add(encrypted, 'EncryptedPackage', randomBytes(8192));
write('encrypted.xlsx', XLSX.CFB.write(encrypted, { type: 'buffer' }) as Buffer);

const valid = validWorkbook();
write('truncated.xlsx', valid.subarray(0, Math.floor(valid.length * 0.6)));

write(
  'html-page.xls',
  Buffer.from('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>登录</title></head><body><table><tr><td>用户名</td><td><input name="u"></td></tr></table></body></html>\n'),
);
