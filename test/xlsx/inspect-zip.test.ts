import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectZip } from '../../src/xlsx/inspect-zip.js';
import { FIXTURES_DIR } from '../../scripts/lib/manifest.js';

const read = (file: string) => new Uint8Array(readFileSync(join(FIXTURES_DIR, file)));

describe('inspectZip', () => {
  it('lists the parts of a real workbook without inflating them', () => {
    const entries = inspectZip(read('rendered/putuo-2024-goal-declaration.xlsx'), 'putuo.xlsx');
    expect(entries.map((e) => e.name)).toContain('xl/workbook.xml');
    expect(entries.every((e) => !e.encrypted && e.uncompressedSize >= 0)).toBe(true);
  });

  it.each([
    ['hostile/zip-bomb.xlsx', 'INPUT_TOO_LARGE', /xl\/media\/image1\.bin inflates \d+×/],
    ['hostile/truncated.xlsx', 'XLSX_CORRUPT', /no central directory/],
  ])('%s → %s', (file, code, message) => {
    expect(() => inspectZip(read(file), file)).toThrowError(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });
});
