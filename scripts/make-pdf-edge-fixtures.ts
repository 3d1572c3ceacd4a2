/**
 * Writes the edge-case PDFs of fixtures/pdf/edge/ (dev-time; committed, small):
 * - garbled-font.pdf: Chinese text drawn with a simple font and no ToUnicode, so the text layer
 *   reads as Latin-1 mojibake (`¹ØÓÚ…`): the page must be flagged as needing OCR
 * - user-password.pdf: encrypted with a user password (qpdf): PDF_ENCRYPTED
 * - owner-password.pdf: only an owner password (permissions), opens without one: must be read
 * - truncated.pdf: the first 40% of a ruled fixture: a coded error or partial read, never a crash
 * From page 1 of the Putuo ruled fixture (one form; qpdf, ~85 KB each, the embedded font subset
 * is most of it):
 * - script.pdf: an /OpenAction and a document-level JavaScript action that would set a global and
 *   write a marker file if anything ran it; pdf.js runs no script here, the form must be read
 * - huge-page.pdf: a declared MediaBox of 200000 × 200000 pt (the content stays in its corner):
 *   nothing is rendered, so it must be read without exhausting memory
 * - broken-xref.pdf: every cross-reference offset and startxref wrong; pdf.js rebuilds the table
 *   by scanning the objects, so the form must still be read
 *
 *   npx tsx scripts/make-pdf-edge-fixtures.ts && npx tsx scripts/update-manifest.ts
 * Needs qpdf (Debian package) for the two encrypted files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

// Page 1 of the Putuo ruled PDF as QDF: uncompressed, one object per line-delimited block, so its
// dictionaries can be edited as text; fix-qdf then recomputes lengths and offsets.
const tmp = mkdtempSync(join(tmpdir(), 'jixiao-edge-'));
const qdf = join(tmp, 'page1.qdf.pdf');
execFileSync('qpdf', ['--empty', '--deterministic-id', '--pages', source, '1', '--', '--qdf', '--object-streams=disable', qdf]);
const page1 = readFileSync(qdf, 'latin1');
/** Edits the QDF text, then repairs and recompresses it into `name`. */
function derive(name: string, edit: (qdfText: string) => string, qpdfOptions: string[] = ['--object-streams=generate']): Buffer {
  const edited = edit(page1);
  if (edited === page1) throw new Error(`${name}: the edit changed nothing`);
  const raw = join(tmp, `${name}.qdf`);
  const fixed = join(tmp, `${name}.fixed`);
  writeFileSync(raw, edited, 'latin1');
  writeFileSync(fixed, execFileSync('fix-qdf', [raw], { maxBuffer: 64 * 1024 * 1024 }));
  const out = join(tmp, name);
  execFileSync('qpdf', ['--deterministic-id', '--compress-streams=y', '--recompress-flate', '--compression-level=9', ...qpdfOptions, fixed, out]);
  return readFileSync(out);
}

// Would set a global and write a marker file in whatever realm evaluated it.
const SCRIPT_MARKER = '/tmp/jixiao-pdf-script-ran';
const js = `globalThis.__jixiaoPdfScriptRan = true; try { require('fs').writeFileSync('${SCRIPT_MARKER}', 'ran'); } catch (e) {} app.alert('jixiao');`;
writeFileSync(
  join(dir, 'script.pdf'),
  derive('script.pdf', (t) =>
    t.replace(
      '  /Type /Catalog\n',
      `  /Type /Catalog\n  /OpenAction << /S /JavaScript /JS (${js}) >>\n  /Names << /JavaScript << /Names [ (jixiao) << /S /JavaScript /JS (${js}) >> ] >> >>\n`,
    ),
  ),
);
writeFileSync(
  join(dir, 'huge-page.pdf'),
  derive('huge-page.pdf', (t) => t.replace(/\/MediaBox \[\s*0\s+0\s+595\.\d+\s+841\.\d+\s*\]/, '/MediaBox [ 0 0 200000 200000 ]')),
);
// A classic cross-reference table (no object streams), then every offset shifted and startxref wrong.
const plain = derive('plain.pdf', (t) => t.replace('%QDF-1.0', '%QDF-1.0 '), ['--object-streams=disable']);
const text = plain.toString('latin1');
const xrefAt = text.lastIndexOf('\nxref\n') + 1;
const broken =
  text.slice(0, xrefAt) +
  text
    .slice(xrefAt)
    .replace(/^(\d{10}) (\d{5}) n/gm, (_m, offset: string, gen: string) => `${String(Number(offset) + 37).padStart(10, '0')} ${gen} n`)
    .replace(/startxref\n(\d+)/, (_m, at: string) => `startxref\n${Number(at) - 101}`);
writeFileSync(join(dir, 'broken-xref.pdf'), Buffer.from(broken, 'latin1'));
rmSync(tmp, { recursive: true, force: true });

for (const name of ['garbled-font.pdf', 'user-password.pdf', 'owner-password.pdf', 'truncated.pdf', 'script.pdf', 'huge-page.pdf', 'broken-xref.pdf']) {
  console.log(`fixtures/pdf/edge/${name}: ${readFileSync(join(dir, name)).length} bytes`);
}
