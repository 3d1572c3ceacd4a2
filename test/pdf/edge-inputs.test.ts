import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/extract.js';
import { extractBatch } from '../../src/runtime/extract-batch.js';
import { FIXTURES_DIR, readManifest } from '../../scripts/lib/manifest.js';

const edge = readManifest().filter((e) => e.file.startsWith('pdf/edge/'));

describe('edge-case PDFs', () => {
  it.each(edge.filter((e) => e.error).map((e) => [e.id, e.error!, e.file] as const))('%s → %s', async (_id, code, file) => {
    await expect(extractFile(join(FIXTURES_DIR, file))).rejects.toMatchObject({ name: 'JixiaoError', code, context: { kind: 'pdf' } });
  });

  it('an owner-password-only PDF is read', async () => {
    const { records } = await extractFile(join(FIXTURES_DIR, 'pdf/edge/owner-password.pdf'));
    expect(records).toHaveLength(8);
    expect(records[0]).toMatchObject({ projectName: '普陀区定点医疗机构代配药监管系统建设', source: { method: 'pdf-text', pages: [1] } });
  });

  it('the batch goes on past every broken PDF', async () => {
    const paths = [...edge.map((e) => join(FIXTURES_DIR, e.file)), join(FIXTURES_DIR, 'pdf/yuanjiang-2023-self-evaluation-report.ruled.pdf')];
    const outcomes = await extractBatch(paths, { concurrency: 2 });
    // The owner-password PDF is the whole Putuo document (8 forms); script, huge-page and
    // broken-xref are its page 1 (one form).
    expect(outcomes.map((o) => ('error' in o ? o.error.code : o.result.records.length))).toEqual([...edge.map((e) => e.error ?? (e.golden ? 8 : 1)), 6]);
  });
});
