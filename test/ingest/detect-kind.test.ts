import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { detectKind, looksLikeText, type InputKind } from '../../src/ingest/detect-kind.js';

const SAMPLE = '项目支出绩效自评表（2023年度）\n项目名称\t医疗保险个人账户管理费\n';

function bytes(...parts: Array<string | number[] | Uint8Array>): Uint8Array {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
}

function workbook(bookType: XLSX.BookType): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['项目名称', '医疗保险个人账户管理费'], ['执行率', '94.20%']]), 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
}

describe('detectKind: by magic numbers', () => {
  it.each<{ name: string; input: Uint8Array; want: InputKind }>([
    { name: 'empty', input: new Uint8Array(), want: 'empty' },
    { name: '%PDF- header', input: bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'), want: 'pdf' },
    { name: 'junk before %PDF- within 1 KiB', input: bytes('\r\n<garbage>', '%PDF-1.4\n'), want: 'pdf' },
    { name: '%PDF- after the first 1 KiB is not a PDF', input: bytes(' '.repeat(2000), '%PDF-1.4\n'), want: 'text' },
    { name: '%PDF without the dash is not a PDF', input: bytes('%PDF'), want: 'text' },
    { name: 'ZIP with xl/ entries is xlsx', input: bytes([0x50, 0x4b, 0x03, 0x04], '\x14\x00[Content_Types].xmlxl/workbook.xml'), want: 'xlsx' },
    { name: 'ZIP without xl/ entries is zip', input: bytes([0x50, 0x4b, 0x03, 0x04], '\x14\x00word/document.xml'), want: 'zip' },
    { name: 'CFB (OLE2) magic is xls', input: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), want: 'xls' },
    { name: 'PNG is binary', input: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), want: 'binary' },
    { name: 'control bytes are binary', input: bytes([1, 2, 3, 4, 5]), want: 'binary' },
    { name: '"PK" alone is not a zip', input: bytes('PK'), want: 'text' },
  ])('$name → $want', ({ input, want }) => {
    expect(detectKind(input)).toBe(want);
  });

  it.each<{ name: string; bookType: XLSX.BookType; want: InputKind }>([
    { name: 'a real .xlsx written by SheetJS', bookType: 'xlsx', want: 'xlsx' },
    { name: 'a real BIFF8 .xls written by SheetJS', bookType: 'biff8', want: 'xls' },
  ])('$name → $want', ({ bookType, want }) => {
    expect(detectKind(workbook(bookType))).toBe(want);
  });

  describe('text in every encoding a text export comes in', () => {
    it.each<{ name: string; input: Uint8Array }>([
      { name: 'ASCII', input: Buffer.from('hello\nworld\n', 'utf8') },
      { name: 'UTF-8 without BOM', input: Buffer.from(SAMPLE, 'utf8') },
      { name: 'UTF-8 with BOM', input: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]) },
      { name: 'UTF-16LE with BOM (has NUL bytes)', input: iconv.encode(SAMPLE, 'utf16le', { addBOM: true }) },
      { name: 'UTF-16BE with BOM (has NUL bytes)', input: iconv.encode(SAMPLE, 'utf16be', { addBOM: true }) },
      { name: 'GB18030', input: iconv.encode(SAMPLE, 'gb18030') },
      { name: 'GBK', input: iconv.encode(SAMPLE, 'gbk') },
    ])('$name → text', ({ input }) => {
      expect(detectKind(input)).toBe('text');
    });
  });
});

describe('detectKind: HTML pages', () => {
  it.each<{ name: string; input: Uint8Array; want: InputKind }>([
    { name: '<!DOCTYPE html>', input: bytes('<!DOCTYPE html>\n<html><body><table>'), want: 'html' },
    { name: '<html> after a UTF-8 BOM and white space', input: bytes([0xef, 0xbb, 0xbf], '\r\n  <html xmlns:o="urn:schemas-microsoft-com:office:office">'), want: 'html' },
    { name: 'a bare <table> (a fragment)', input: bytes('<table><tr><td>项目名称</td></tr></table>'), want: 'html' },
    { name: '<meta charset=gbk> first', input: bytes('<meta charset="gbk"><table>'), want: 'html' },
    { name: 'XHTML: an XML declaration and a comment before the doctype', input: bytes('<?xml version="1.0" encoding="gb2312"?>\n<!-- saved from portal -->\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">'), want: 'html' },
    { name: '<body> first', input: bytes('<body><p>x</p></body>'), want: 'html' },
    { name: 'UTF-16LE with BOM', input: iconv.encode('<html><body>项目</body></html>', 'utf16le', { addBOM: true }), want: 'html' },
    { name: 'a text export whose lines carry <p> residue stays text', input: bytes('<p>项目名称</p>\t某项目\n'), want: 'text' },
    { name: 'markdown with an HTML table further down stays text', input: bytes('# 自评表\n\n<table><tr><td>a</td></tr></table>'), want: 'text' },
    { name: 'an XML file is not HTML', input: bytes('<?xml version="1.0"?><root/>'), want: 'text' },
  ])('$name → $want', ({ input, want }) => {
    expect(detectKind(input)).toBe(want);
  });
});

describe('looksLikeText', () => {
  const withControls = (count: number, length = 200): Uint8Array => {
    const b = Buffer.alloc(length, 0x41);
    for (let i = 0; i < count; i++) b[i] = 0x01;
    return b;
  };

  it.each<{ name: string; input: Uint8Array; want: boolean }>([
    { name: 'tabs, CR, LF, FF, VT are text', input: Buffer.from('a\tb\r\nc\fd\ve'), want: true },
    { name: 'ESC (ANSI colour) is text', input: Buffer.from('\x1b[0m项目'), want: true },
    { name: 'one NUL byte is binary', input: Buffer.from('abc\x00def'), want: false },
    { name: '1% control bytes is text (2 of 200)', input: withControls(2), want: true },
    { name: 'over 1% control bytes is binary (3 of 200)', input: withControls(3), want: false },
    { name: 'a UTF-16LE BOM makes NUL bytes text', input: Buffer.from([0xff, 0xfe, 0x41, 0x00]), want: true },
    { name: 'a UTF-16BE BOM makes NUL bytes text', input: Buffer.from([0xfe, 0xff, 0x00, 0x41]), want: true },
    { name: 'a UTF-8 BOM is text', input: Buffer.from([0xef, 0xbb, 0xbf, 0x01, 0x02]), want: true },
    { name: 'a NUL after the first 8 KiB is not looked at', input: Buffer.concat([Buffer.alloc(8192, 0x41), Buffer.from([0])]), want: true },
  ])('$name → $want', ({ input, want }) => {
    expect(looksLikeText(input)).toBe(want);
  });
});
