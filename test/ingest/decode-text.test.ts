import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, type TextEncoding } from '../../src/ingest/decode-text.js';
import { JixiaoError } from '../../src/errors.js';

const SAMPLE = '项目支出绩效自评表（2023年度）\n执行率\t94.20%\n主管部门：上海市医疗保障局\n';

describe('decodeText: encodings', () => {
  it.each<{ name: string; input: Uint8Array; encoding: TextEncoding }>([
    { name: 'UTF-8 without BOM', input: Buffer.from(SAMPLE, 'utf8'), encoding: 'utf-8' },
    { name: 'UTF-8 with BOM', input: iconv.encode(SAMPLE, 'utf8', { addBOM: true }), encoding: 'utf-8' },
    { name: 'UTF-16LE with BOM', input: iconv.encode(SAMPLE, 'utf16le', { addBOM: true }), encoding: 'utf-16le' },
    { name: 'UTF-16BE with BOM', input: iconv.encode(SAMPLE, 'utf16be', { addBOM: true }), encoding: 'utf-16be' },
    { name: 'GB18030', input: iconv.encode(SAMPLE, 'gb18030'), encoding: 'gb18030' },
    { name: 'GBK (a subset of GB18030)', input: iconv.encode(SAMPLE, 'gbk'), encoding: 'gb18030' },
  ])('$name → $encoding, BOM stripped', ({ input, encoding }) => {
    expect(decodeText(input)).toEqual({ text: SAMPLE, encoding });
  });

  it.each<{ name: string; text: string }>([
    { name: 'full-width forms', text: '１２．５％ ＞＝95％' },
    { name: 'comparator signs', text: '≥80.00(%) ≤3天' },
    { name: 'GB18030 four-byte sequences (€ and CJK Ext-B 𠀀)', text: '€𠀀' },
    { name: 'ideographic space', text: '主管部门\u3000上海市' },
  ])('GB18030 round-trips $name', ({ text }) => {
    expect(decodeText(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
  });

  it.each<{ name: string; text: string; encoding: 'utf16le' | 'utf16be'; want: TextEncoding }>([
    { name: 'UTF-16LE astral plane (surrogate pair)', text: '𠀀项目', encoding: 'utf16le', want: 'utf-16le' },
    { name: 'UTF-16BE astral plane (surrogate pair)', text: '𠀀项目', encoding: 'utf16be', want: 'utf-16be' },
  ])('$name', ({ text, encoding, want }) => {
    expect(decodeText(iconv.encode(text, encoding, { addBOM: true }))).toEqual({ text, encoding: want });
  });

  it.each<{ name: string; input: Uint8Array; want: { text: string; encoding: TextEncoding } }>([
    { name: 'empty', input: new Uint8Array(), want: { text: '', encoding: 'utf-8' } },
    { name: 'only a UTF-8 BOM', input: Buffer.from([0xef, 0xbb, 0xbf]), want: { text: '', encoding: 'utf-8' } },
    { name: 'only a UTF-16LE BOM', input: Buffer.from([0xff, 0xfe]), want: { text: '', encoding: 'utf-16le' } },
    { name: 'only a UTF-16BE BOM', input: Buffer.from([0xfe, 0xff]), want: { text: '', encoding: 'utf-16be' } },
    { name: 'pure ASCII is UTF-8', input: Buffer.from('total 100\n'), want: { text: 'total 100\n', encoding: 'utf-8' } },
  ])('$name', ({ input, want }) => {
    expect(decodeText(input)).toEqual(want);
  });
});

describe('decodeText: errors carry TEXT_DECODE_FAILED', () => {
  it.each<{ name: string; input: Uint8Array; message: string }>([
    { name: 'a UTF-16LE BOM then a lone surrogate', input: Buffer.from([0xff, 0xfe, 0x00, 0xd8]), message: 'cannot decode the text as utf-16le' },
    { name: 'a UTF-16BE BOM then a lone surrogate', input: Buffer.from([0xfe, 0xff, 0xd8, 0x00]), message: 'cannot decode the text as utf-16be' },
    { name: 'a UTF-8 BOM then invalid UTF-8', input: Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28]), message: 'cannot decode the text as utf-8' },
  ])('$name', ({ input, message }) => {
    let caught: unknown;
    try {
      decodeText(input, 'form.txt');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(JixiaoError);
    const err = caught as JixiaoError;
    expect(err.code).toBe('TEXT_DECODE_FAILED');
    expect(err.message).toBe(message);
    expect(err.context).toEqual({ file: 'form.txt', stage: 'ingest' });
    expect(err.cause).toBeInstanceOf(TypeError);
  });

  it('invalid UTF-8 without a BOM is not an error: it is read as GB18030', () => {
    // 0xC3 0x28 is not UTF-8; in GB18030 0xC3 is a lead byte with an invalid trail, decoded leniently.
    const { encoding } = decodeText(Buffer.from([0x41, 0xc3, 0x28]));
    expect(encoding).toBe('gb18030');
  });
});
