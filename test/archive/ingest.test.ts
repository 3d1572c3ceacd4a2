import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../src/archive/archive.js';
import { extractFile } from '../../src/extract.js';
import { ingest } from '../../src/runtime/ingest.js';
import { EXTRACTOR_VERSION } from '../../src/version.js';
import { FIXTURES_DIR } from '../../scripts/lib/manifest.js';

const files = [
  'seeds/changning-2023-self-evaluation.txt',
  'seeds/shanghai-2019-self-assessment.txt',
  'rendered/putuo-2024-goal-declaration.xlsx',
  'pdf/yuanjiang-2023-self-evaluation-report.ruled.pdf',
  'pdf/edge/user-password.pdf',
].map((f) => join(FIXTURES_DIR, f));

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'jixiao-archive-')), 'archive.sqlite');
const query = <T>(db: string, sql: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all() as T[];
  } finally {
    d.close();
  }
};

describe('jixiao ingest', () => {
  it('archives every document once, with its records, indicators and findings, and failures as coded statuses', async () => {
    const db = tempDb();
    const result = await ingest(files, { db, concurrency: 2 });
    expect(result).toMatchObject({ files: 5, done: 5, skipped: 0, failed: 1, forms: 9 + 5 + 8 + 6 });
    expect(query(db, 'SELECT kind, status, error_code AS code, records, pages FROM documents ORDER BY path')).toEqual([
      { kind: 'pdf', status: 'error', code: 'PDF_ENCRYPTED', records: 0, pages: null },
      { kind: 'pdf', status: 'done', code: null, records: 6, pages: 6 },
      { kind: 'xlsx', status: 'done', code: null, records: 8, pages: 8 },
      { kind: 'text', status: 'done', code: null, records: 9, pages: null },
      { kind: 'text', status: 'done', code: null, records: 5, pages: null },
    ]);
    const expected = await extractFile(files[0]!);
    const stored = query<{ json: string }>(db, "SELECT record_json AS json FROM records r JOIN documents d USING (sha256, extractor_version) WHERE d.path LIKE '%changning%' ORDER BY ordinal");
    expect(stored.map((r) => JSON.parse(r.json))).toEqual(expected.records);
    const [rate] = query<Record<string, unknown>>(db, "SELECT rule, severity, field, expected, found FROM findings WHERE rule = 'funds.rate' ORDER BY expected LIMIT 1");
    expect(rate).toEqual({ rule: 'funds.rate', severity: 'error', field: 'funds.total.executionRate', expected: '100.32', found: '100.33' });
    const [indicator] = query<Record<string, unknown>>(db, "SELECT level1, level2, level3, target_op, target_value, target_unit, weight, score FROM indicators i JOIN records r ON r.id = i.record_id WHERE r.project_name = '监督检查专项经费' AND i.ordinal = 0");
    expect(indicator).toEqual({ level1: '产出指标', level2: '数量指标', level3: '检查覆盖率', target_op: '=', target_value: '100', target_unit: '%', weight: '20', score: '20' });
  });

  it('a rerun is a no-op, and the same bytes under another name are noted, not processed again', async () => {
    const db = tempDb();
    await ingest(files, { db, concurrency: 2 });
    const before = query(db, 'SELECT count(*) AS n FROM records')[0];
    const again = await ingest(files, { db, concurrency: 2 });
    expect(again).toMatchObject({ done: 5, skipped: 5, failed: 0, forms: 0 });
    const copy = join(mkdtempSync(join(tmpdir(), 'jixiao-copy-')), 'another-name.txt');
    copyFileSync(files[0]!, copy);
    expect(await ingest([copy], { db })).toMatchObject({ skipped: 1, forms: 0 });
    expect(query(db, 'SELECT count(*) AS n FROM records')[0]).toEqual(before);
    expect(query(db, "SELECT count(*) AS n FROM document_paths WHERE path LIKE '%another-name.txt' OR path LIKE '%changning-2023-self-evaluation.txt'")[0]).toEqual({ n: 2 });
  });

  it('a new extractor version reprocesses on purpose; export reads the current version', async () => {
    const db = tempDb();
    await ingest(files.slice(0, 1), { db });
    const next = await ingest(files.slice(0, 1), { db, extractorVersion: `${EXTRACTOR_VERSION}-next` });
    expect(next).toMatchObject({ skipped: 0, forms: 9 });
    expect(query(db, 'SELECT extractor_version AS v, count(*) AS n FROM records GROUP BY 1 ORDER BY 1')).toEqual([
      { v: EXTRACTOR_VERSION, n: 9 },
      { v: `${EXTRACTOR_VERSION}-next`, n: 9 },
    ]);
    const archive = new Archive(db, EXTRACTOR_VERSION);
    try {
      expect([...archive.records()].map((r) => r.projectName)).toHaveLength(9);
    } finally {
      archive.close();
    }
  });

  it('a document is written all or nothing', async () => {
    const db = tempDb();
    const archive = new Archive(db, EXTRACTOR_VERSION);
    try {
      const { records } = await extractFile(files[1]!);
      const broken = { ...records[1]!, title: null as unknown as string };
      expect(() =>
        archive.writeDocument({ sha256: 'x', path: 'x.txt', kind: 'text', pages: null, records: [records[0]!, broken], pagesNeedingOcr: [], error: null, millis: 1 }),
      ).toThrow(/NOT NULL/);
      expect(archive.counts()).toEqual({ documents: 0, failed: 0, records: 0, findings: 0 });
    } finally {
      archive.close();
    }
  });

  it('a document over its time limit becomes a PARSE_TIMEOUT status and the batch goes on', async () => {
    const db = tempDb();
    const result = await ingest([files[3]!, files[0]!], { db, concurrency: 1, limits: { timeoutMs: 1 } });
    expect(result.failed).toBe(2);
    expect(query(db, 'SELECT DISTINCT error_code AS code FROM documents')).toEqual([{ code: 'PARSE_TIMEOUT' }]);
  });

  it('the extractor version follows package.json', () => {
    const pkg = JSON.parse(readFileSync(join(FIXTURES_DIR, '..', 'package.json'), 'utf8')) as { version: string };
    expect(EXTRACTOR_VERSION).toBe(pkg.version);
  });
});
