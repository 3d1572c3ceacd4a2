import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/extract.js';
import { extractBatch } from '../../src/runtime/extract-batch.js';
import { JixiaoError } from '../../src/errors.js';
import { FIXTURES_DIR, readManifest } from '../../scripts/lib/manifest.js';

const hostile = readManifest().filter((e) => e.error && e.file.startsWith('hostile/'));
const LIMIT_MS = 3000;
const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');

describe('hostile spreadsheets', () => {
  it('has the six hostile fixtures', () => {
    expect(hostile.map((e) => e.id).sort()).toEqual(
      ['encrypted.xlsx', 'html-page.xls', 'proto-comment.xlsx', 'redos.xlsx', 'truncated.xlsx', 'zip-bomb.xlsx'],
    );
  });

  it.each(hostile.map((e) => [e.id, e.error!, e.file] as const))('%s → %s within its time limit, prototypes untouched', async (_id, code, file) => {
    const before = prototypeNames();
    const started = Date.now();
    const error = await extractFile(join(FIXTURES_DIR, file), { limits: { timeoutMs: LIMIT_MS } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(JixiaoError);
    expect((error as JixiaoError).code).toBe(code);
    // The limit plus the time to start and stop a worker on a slow machine.
    expect(Date.now() - started).toBeLessThan(LIMIT_MS + 5000);
    expect(prototypeNames()).toBe(before);
    expect(({} as Record<string, unknown>).c).toBeUndefined();
  });

  it('the batch goes on past every hostile file', async () => {
    const seed = join(FIXTURES_DIR, 'rendered', 'putuo-2024-goal-declaration.xlsx');
    const outcomes = await extractBatch([...hostile.map((e) => join(FIXTURES_DIR, e.file)), seed], { concurrency: 2, limits: { timeoutMs: LIMIT_MS } });
    expect(outcomes.map((o) => ('error' in o ? o.error.code : `${o.result.records.length} records`))).toEqual([
      ...hostile.map((e) => e.error),
      '8 records',
    ]);
  });

  it('a parser thread left polluted is not reused: the next workbook is read normally', async () => {
    const seed = join(FIXTURES_DIR, 'rendered', 'putuo-2024-goal-declaration.xlsx');
    const codes = [];
    for (const file of [join(FIXTURES_DIR, 'hostile', 'proto-comment.xlsx'), seed, seed]) {
      codes.push(await extractFile(file).then((r) => r.records.length, (e: JixiaoError) => e.code));
    }
    // A reused polluted thread would refuse the seed too (its prototypes differ from the snapshot).
    expect(codes).toEqual(['HOSTILE_INPUT', 8, 8]);
  });

  it('in the worker pool, where workbooks are parsed in the document worker: a worker left polluted is replaced, and the next workbook is read normally', async () => {
    const seed = join(FIXTURES_DIR, 'rendered', 'putuo-2024-goal-declaration.xlsx');
    // One worker: without the replacement, the seeds would be parsed in the polluted realm and refused too.
    const outcomes = await extractBatch([join(FIXTURES_DIR, 'hostile', 'proto-comment.xlsx'), seed, seed], { concurrency: 1 });
    expect(outcomes.map((o) => ('error' in o ? o.error.code : `${o.result.records.length} records`))).toEqual(['HOSTILE_INPUT', '8 records', '8 records']);
    const first = outcomes[0]!;
    expect('error' in first && first.error.message).toMatch(/proto-comment\.xlsx: refused, parsing it modified Object\.prototype\./);
  });

  it('control: the __proto__ fixture does pollute a parser run in the main thread', async () => {
    // Proves the fixture is really hostile, in a throwaway process.
    const script = `const X=require('xlsx');X.read(require('fs').readFileSync(${JSON.stringify(join(FIXTURES_DIR, 'hostile', 'proto-comment.xlsx'))}),{type:'buffer'});process.stdout.write(String(Array.isArray(({}).c)))`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: join(FIXTURES_DIR, '..') });
    expect(stdout).toBe('true');
  });
});
