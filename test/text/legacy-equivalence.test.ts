import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode-text.js';
import { readTextExport } from '../../src/text/read-text-export.js';
import { FIXTURES_DIR } from '../../scripts/lib/manifest.js';
import { legacyReadTextExport } from '../support/legacy-read-text-export.js';

/** Every .txt under fixtures/ (text-shapes/ holds the new shapes the old reader did not read). */
function textFixtures(dir = FIXTURES_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'text-shapes' ? [] : textFixtures(path);
    return name.endsWith('.txt') ? [relative(FIXTURES_DIR, path)] : [];
  });
}

const files = textFixtures();

describe('the csv-parse reader gives the old split-on-tab tables on every unquoted tab export', () => {
  it('has the seeds, the variants and the re-encoded bad inputs to compare', () => {
    expect(files.length).toBeGreaterThanOrEqual(27);
  });

  it.each(files)('%s: byte-identical tables', (file) => {
    const { text } = decodeText(readFileSync(join(FIXTURES_DIR, file)), file);
    expect(text).not.toContain('"');
    expect(JSON.stringify(readTextExport(text))).toBe(JSON.stringify(legacyReadTextExport(text)));
  });

  it.each(files.filter((f) => f.startsWith('seeds/')))('%s with CRLF line ends and in GB18030: byte-identical tables', (file) => {
    const utf8 = readFileSync(join(FIXTURES_DIR, file), 'utf8');
    for (const bytes of [Buffer.from(utf8.replace(/\n/g, '\r\n'), 'utf8'), iconv.encode(utf8, 'gb18030')]) {
      const { text } = decodeText(bytes, file);
      expect(JSON.stringify(readTextExport(text))).toBe(JSON.stringify(legacyReadTextExport(text)));
    }
  });
});
