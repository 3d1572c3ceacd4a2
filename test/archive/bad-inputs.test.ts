import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/errors.js';
import { extractFile } from '../../src/extract.js';
import { extractBatch } from '../../src/runtime/extract-batch.js';
import { ingest } from '../../src/runtime/ingest.js';
import type { Record } from '../../src/schema/record.js';
import { FIXTURES_DIR } from '../../scripts/lib/manifest.js';

/**
 * The bad-input matrix: every awkward or hostile input and what must become of it, through the
 * library (`extractFile`), the batch extractor behind `jixiao extract`, and `jixiao ingest`.
 * `like`: the records must equal that fixture's (first `first` of them), provenance and file name aside.
 */
interface Case {
  file: string;
  kind: string;
  code?: ErrorCode;
  records?: number;
  like?: { file: string; first?: number };
  /** Same bytes as this other case: the archive keeps one document under both names. */
  duplicateOf?: string;
}

const PUTUO_PAGE_1 = { file: 'pdf/putuo-2024-goal-declaration.ruled.pdf', first: 1 };
const CASES: Case[] = [
  { file: 'bad-input/empty.pdf', kind: 'empty', code: 'EMPTY_INPUT' },
  { file: 'bad-input/workbook-named.pdf', kind: 'xlsx', records: 8, like: { file: 'rendered/putuo-2024-goal-declaration.xlsx' } },
  { file: 'bad-input/html-error-page.pdf', kind: 'html', code: 'NO_FORMS_FOUND' },
  { file: 'pdf/edge/truncated.pdf', kind: 'pdf', code: 'PDF_CORRUPT' },
  // pdf.js rebuilds the cross-reference table by scanning the objects.
  { file: 'pdf/edge/broken-xref.pdf', kind: 'pdf', records: 1, like: PUTUO_PAGE_1 },
  { file: 'pdf/edge/user-password.pdf', kind: 'pdf', code: 'PDF_ENCRYPTED' },
  { file: 'pdf/edge/owner-password.pdf', kind: 'pdf', records: 8, like: { file: 'pdf/putuo-2024-goal-declaration.ruled.pdf' } },
  { file: 'pdf/edge/script.pdf', kind: 'pdf', records: 1, like: PUTUO_PAGE_1 },
  // 200000 × 200000 pt declared; nothing is rendered, so nothing is allocated by page area.
  { file: 'pdf/edge/huge-page.pdf', kind: 'pdf', records: 1, like: PUTUO_PAGE_1 },
  // Read by OCR: its glyphs are Latin mojibake on the page too, so no form is found.
  { file: 'pdf/edge/garbled-font.pdf', kind: 'pdf', code: 'NO_FORMS_FOUND' },
  { file: 'bad-input/gb18030.txt', kind: 'text', records: 9, like: { file: 'seeds/changning-2023-self-evaluation.txt' } },
  { file: 'bad-input/gb18030-copy.txt', kind: 'text', records: 9, like: { file: 'seeds/changning-2023-self-evaluation.txt' }, duplicateOf: 'bad-input/gb18030.txt' },
  { file: 'bad-input/utf16-bom.txt', kind: 'text', records: 5, like: { file: 'seeds/shanghai-2019-self-assessment.txt' } },
  { file: 'hostile/proto-comment.xlsx', kind: 'xlsx', code: 'HOSTILE_INPUT' },
  { file: 'hostile/redos.xlsx', kind: 'xlsx', code: 'PARSE_TIMEOUT' },
  { file: 'hostile/zip-bomb.xlsx', kind: 'xlsx', code: 'INPUT_TOO_LARGE' },
  { file: 'hostile/encrypted.xlsx', kind: 'xls', code: 'XLSX_ENCRYPTED' },
  { file: 'hostile/truncated.xlsx', kind: 'xlsx', code: 'XLSX_CORRUPT' },
  { file: 'hostile/html-page.xls', kind: 'html', code: 'NO_FORMS_FOUND' },
];

/** The spreadsheet parser's time limit here (redos.xlsx runs into it). */
const PARSE_LIMITS = { timeoutMs: 3000 };
/** Would exist if the JavaScript in script.pdf had run anywhere (see make-pdf-edge-fixtures.ts). */
const SCRIPT_MARKER = '/tmp/jixiao-pdf-script-ran';
const path = (file: string) => join(FIXTURES_DIR, file);
const values = (records: readonly Record[]) => records.map(({ provenance: _p, source, ...rest }) => ({ ...rest, source: { ...source, file: '' } }));
const expected = new Map<string, Array<ReturnType<typeof values>[number]>>();

/** What a case must give, in one shape for every path: the code, or the number of records. */
const outcomeOf = (c: Case) => (c.code ? { kind: c.kind, code: c.code } : { kind: c.kind, records: c.records });

beforeAll(async () => {
  rmSync(SCRIPT_MARKER, { force: true });
  for (const c of CASES) {
    if (c.like && !expected.has(c.like.file)) expected.set(c.like.file, values((await extractFile(path(c.like.file))).records));
  }
});

describe('the bad-input matrix', () => {
  it.each(CASES.map((c) => [c.file, c] as const))('%s (library, in this thread)', async (_file, c) => {
    const outcome = await extractFile(path(c.file), { limits: PARSE_LIMITS }).then(
      (r) => ({ kind: r.kind, records: r.records.length, values: values(r.records) }),
      (e: { code: ErrorCode; context: { kind?: string } }) => ({ kind: e.context.kind, code: e.code }),
    );
    const { values: got, ...summary } = outcome as { values?: unknown };
    expect(summary).toEqual(outcomeOf(c));
    if (c.like) expect(got).toEqual(expected.get(c.like.file)!.slice(0, c.like.first));
    // Nothing in script.pdf ran: not in this realm, not anywhere that could write a file.
    expect((globalThis as { __jixiaoPdfScriptRan?: unknown }).__jixiaoPdfScriptRan).toBeUndefined();
    expect(existsSync(SCRIPT_MARKER)).toBe(false);
  });

  it('jixiao extract (pooled workers): every case gives its outcome, in input order, and the batch goes on', async () => {
    const outcomes = await extractBatch(CASES.map((c) => path(c.file)), { concurrency: 2, limits: PARSE_LIMITS });
    expect(outcomes.map((o) => ('error' in o ? { kind: o.error.context.kind, code: o.error.code } : { kind: o.result.kind, records: o.result.records.length }))).toEqual(
      CASES.map(outcomeOf),
    );
    expect(existsSync(SCRIPT_MARKER)).toBe(false);
  });

  it('jixiao ingest: one document status per case, the duplicate recognised by its sha256', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'jixiao-bad-inputs-')), 'archive.sqlite');
    const result = await ingest(CASES.map((c) => path(c.file)), { db, concurrency: 2, parseLimits: PARSE_LIMITS });
    const failing = CASES.filter((c) => c.code).length;
    expect(result).toMatchObject({ files: CASES.length, done: CASES.length, skipped: 1, failed: failing });
    const d = new Database(db, { readonly: true });
    try {
      const rows = d
        .prepare('SELECT p.path, d.sha256, d.kind, d.status, d.error_code AS code, d.records FROM document_paths p JOIN documents d USING (sha256) ORDER BY p.path')
        .all() as Array<{ path: string; sha256: string; kind: string; status: string; code: string | null; records: number }>;
      const byFile = new Map(rows.map((r) => [r.path.slice(FIXTURES_DIR.length + 1), r]));
      expect([...byFile.keys()].sort()).toEqual(CASES.map((c) => c.file).sort());
      for (const c of CASES) {
        const row = byFile.get(c.file)!;
        expect({ file: c.file, kind: row.kind, ...(row.code ? { code: row.code } : { records: row.records }) }).toEqual({ file: c.file, ...outcomeOf(c) });
        expect(row.status).toBe(c.code ? 'error' : 'done');
        if (c.duplicateOf) expect(row.sha256).toBe(byFile.get(c.duplicateOf)!.sha256);
      }
      expect(d.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: CASES.length - 1 });
    } finally {
      d.close();
    }
    expect(existsSync(SCRIPT_MARKER)).toBe(false);
  });
});
