import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, readJsonl, readManifest } from '../../scripts/lib/manifest.js';
import { extractFixture } from '../support/extract-fixture.js';

const variants = readManifest().filter((e) => e.file.startsWith('variants/') && e.golden);

/** A finding without its message; decimal strings compared as numbers (`280000` = `280000.00`). */
function key(f: Record<string, unknown>): string {
  const norm = (v: unknown) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? new Decimal(v).toFixed() : v);
  return JSON.stringify([f.rule, f.severity, f.field, norm(f.expected), norm(f.found)]);
}

describe('hand-made variants: every finding, field by field', () => {
  it('has at least 10 variants', () => {
    expect(variants.length).toBeGreaterThanOrEqual(10);
  });

  it.each(variants.map((v) => [v.id, v] as const))('%s', async (_id, entry) => {
    const expected = readJsonl(join(FIXTURES_DIR, entry.golden!));
    const records = await extractFixture(entry.file);
    expect(records).toHaveLength(expected.length);
    records.forEach((record, k) => {
      const want = ((expected[k]!.findings ?? []) as Array<Record<string, unknown>>).map(key).sort();
      const got = record.findings.map((f) => key(f as unknown as Record<string, unknown>)).sort();
      expect(got, `record ${k} (${record.projectName})`).toEqual(want);
    });
  });
});
