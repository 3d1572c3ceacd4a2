import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/extract.js';
import { extractBatch } from '../../src/runtime/extract-batch.js';
import { FIXTURES_DIR } from '../../scripts/lib/manifest.js';

const files = ['pdf/yuanjiang-2023-self-evaluation-report.ruled.pdf', 'seeds/changning-2023-self-evaluation.txt', 'rendered/putuo-2024-goal-declaration.xlsx'].map((f) =>
  join(FIXTURES_DIR, f),
);

describe('extractBatch (jixiao extract)', () => {
  it('gives what extractFile gives, in input order, through the worker pool', async () => {
    const outcomes = await extractBatch(files, { concurrency: 2 });
    for (const [k, outcome] of outcomes.entries()) {
      expect(outcome.path).toBe(files[k]);
      expect('result' in outcome && outcome.result).toEqual(await extractFile(files[k]!));
    }
    expect(outcomes.map((o) => ('result' in o ? [o.result.kind, o.result.records.length, o.result.pageCount] : o.error.code))).toEqual([
      ['pdf', 6, 6],
      ['text', 9, null],
      ['xlsx', 8, 8],
    ]);
  });

  it('a document over its time limit becomes PARSE_TIMEOUT, and the other files are still read', async () => {
    const outcomes = await extractBatch(files.slice(0, 2), { concurrency: 1, workerLimits: { timeoutMs: 1 } });
    expect(outcomes.map((o) => ('error' in o ? [o.error.code, o.error.context.file] : 'read'))).toEqual([
      ['PARSE_TIMEOUT', 'yuanjiang-2023-self-evaluation-report.ruled.pdf'],
      ['PARSE_TIMEOUT', 'changning-2023-self-evaluation.txt'],
    ]);
    // A failure the pool itself declares (here the time limit) still names the kind the caller detected.
    expect(outcomes.map((o) => ('error' in o ? o.error.context.kind : 'read'))).toEqual(['pdf', 'text']);
    // The pool replaced the timed-out workers: the same batch with the default limit reads both.
    expect((await extractBatch(files.slice(0, 2), { concurrency: 1 })).map((o) => ('result' in o ? o.result.records.length : o.error.code))).toEqual([6, 9]);
  });

  it('a file that cannot be read is READ_FAILED, in its place', async () => {
    const outcomes = await extractBatch([join(FIXTURES_DIR, 'no-such-file.pdf'), files[1]!], { concurrency: 2 });
    expect(outcomes.map((o) => ('error' in o ? o.error.code : o.result.records.length))).toEqual(['READ_FAILED', 9]);
  });
});
