import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, readManifest } from '../../scripts/lib/manifest.js';
import { extractFixture } from '../support/extract-fixture.js';

const ENCODINGS: Array<[string, (text: string) => Uint8Array]> = [
  ['GB18030', (t) => iconv.encode(t, 'gb18030')],
  ['UTF-16LE with BOM', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf-16le')])],
  ['UTF-16BE with BOM', (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(t, 'utf-16be')])],
  ['UTF-8 with BOM', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])],
  ['CRLF line ends', (t) => Buffer.from(t.replace(/\n/g, '\r\n'), 'utf8')],
];

const seeds = readManifest().filter((e) => e.file.startsWith('seeds/'));

describe('re-encoded seeds give the same records', () => {
  for (const seed of seeds) {
    it.each(ENCODINGS)(`${seed.id} as %s`, async (_name, encode) => {
      const text = readFileSync(join(FIXTURES_DIR, seed.file), 'utf8');
      const expected = await extractFixture(seed.file);
      const actual = await extractFixture(seed.file, encode(text));
      // Provenance lines are the same too: only bytes changed, not the lines.
      expect(actual).toEqual(expected);
    });
  }
});
