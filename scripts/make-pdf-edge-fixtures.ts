/**
 * Writes the edge-case PDFs of fixtures/pdf/edge/ (dev-time; committed, small):
 * - garbled-font.pdf: Chinese text drawn with a simple font and no ToUnicode, so the text layer
 *   reads as Latin-1 mojibake (`¹ØÓÚ…`): the page must be flagged as needing OCR
 * - user-password.pdf: encrypted with a user password (qpdf): PDF_ENCRYPTED
 * - owner-password.pdf: only an owner password (permissions), opens without one: must be read
 * - truncated.pdf: the first 40% of a ruled fixture: a coded error or partial read, never a crash
 *
 *   npx tsx scripts/make-pdf-edge-fixtures.ts && npx tsx scripts/update-manifest.ts
 * Needs qpdf (Debian package) for the two encrypted files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { FIXTURES_DIR } from './lib/manifest.js';

const dir = join(FIXTURES_DIR, 'pdf', 'edge');
mkdirSync(dir, { recursive: true });

/** A one-page PDF whose content stream shows `lines` (raw bytes) in Helvetica, WinAnsi-encoded. */
function minimalPdf(lines: Buffer[]): Buffer {
  const hex = (b: Buffer) => `<${b.toString('hex')}>`;
  const content = Buffer.from(
    ['BT', '/F1 14 Tf', '72 760 Td', ...lines.flatMap((l, k) => [k ? '0 -24 Td' : '', `${hex(l)} Tj`]).filter(Boolean), 'ET'].join('\n'),
    'latin1',
  );
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content.toString('latin1')}\nendstream`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, k) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${k + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// GBK bytes of Chinese shown through a Latin font: what a font without a Unicode mapping gives.
const garbled = ['关于2023年度项目支出绩效自评的说明', '项目名称：社区服务中心运行经费', '年度资金总额：一百二十万元'].map((t) => iconv.encode(t, 'gbk'));
writeFileSync(join(dir, 'garbled-font.pdf'), minimalPdf(garbled));

const source = join(FIXTURES_DIR, 'pdf', 'putuo-2024-goal-declaration.ruled.pdf');
execFileSync('qpdf', ['--encrypt', 'open-me', 'owner-secret', '256', '--', source, join(dir, 'user-password.pdf')]);
execFileSync('qpdf', ['--encrypt', '', 'owner-secret', '256', '--print=none', '--modify=none', '--extract=n', '--', source, join(dir, 'owner-password.pdf')]);
const whole = readFileSync(join(FIXTURES_DIR, 'pdf', 'yuanjiang-2023-self-evaluation-report.ruled.pdf'));
writeFileSync(join(dir, 'truncated.pdf'), whole.subarray(0, Math.floor(whole.length * 0.4)));
for (const name of ['garbled-font.pdf', 'user-password.pdf', 'owner-password.pdf', 'truncated.pdf']) {
  console.log(`fixtures/pdf/edge/${name}: ${readFileSync(join(dir, name)).length} bytes`);
}
