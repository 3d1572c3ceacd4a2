/**
 * Writes the non-PDF, non-spreadsheet cases of the bad-input matrix in fixtures/bad-input/
 * (dev-time; the files are committed, small). The PDF cases are in fixtures/pdf/edge/
 * (scripts/make-pdf-edge-fixtures.ts), the spreadsheet ones in fixtures/hostile/
 * (scripts/make-hostile-fixtures.ts); test/archive/bad-inputs.test.ts maps all of them to their outcome.
 * - empty.pdf: zero bytes under a PDF name: EMPTY_INPUT
 * - workbook-named.pdf: the Putuo workbook (fixtures/rendered) under a PDF name: read as a workbook
 *   (kinds come from the bytes, not the name)
 * - html-error-page.pdf: a portal's HTML error page saved as .pdf: read as HTML, no form in it
 * - gb18030.txt: the Changning seed re-encoded as GB18030 (no BOM): read like the UTF-8 seed
 * - utf16-bom.txt: the Shanghai seed as UTF-16LE with a BOM: read like the UTF-8 seed
 * - gb18030-copy.txt: the same bytes as gb18030.txt under another name: the archive keeps one
 *   document and notes both names
 *
 *   npx tsx scripts/make-bad-input-fixtures.ts && npx tsx scripts/update-manifest.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { FIXTURES_DIR } from './lib/manifest.js';

const dir = join(FIXTURES_DIR, 'bad-input');
mkdirSync(dir, { recursive: true });
const write = (name: string, bytes: Uint8Array) => {
  writeFileSync(join(dir, name), bytes);
  console.log(`fixtures/bad-input/${name}: ${bytes.length} bytes`);
};
const seed = (id: string) => readFileSync(join(FIXTURES_DIR, 'seeds', `${id}.txt`), 'utf8');

write('empty.pdf', new Uint8Array(0));
write('workbook-named.pdf', readFileSync(join(FIXTURES_DIR, 'rendered', 'putuo-2024-goal-declaration.xlsx')));
write(
  'html-error-page.pdf',
  Buffer.from(
    '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>404 页面不存在</title></head>\n' +
      '<body><h1>您访问的页面不存在</h1><p>文件可能已被移除或更名。<a href="/">返回首页</a></p></body></html>\n',
    'utf8',
  ),
);
const gb18030 = iconv.encode(seed('changning-2023-self-evaluation'), 'gb18030');
write('gb18030.txt', gb18030);
write('gb18030-copy.txt', gb18030);
write('utf16-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed('shanghai-2019-self-assessment'), 'utf-16le')]));
