import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { FIXTURES_DIR } from '../../scripts/lib/manifest.js';

const SEED = join(FIXTURES_DIR, 'seeds', 'putuo-2024-goal-declaration.txt');

async function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const status = await run(args, { stdout, stderr });
  return { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

function badInputs(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
  const files = {
    empty: join(dir, 'empty.txt'),
    binary: join(dir, 'random.bin'),
    prose: join(dir, 'notes.txt'),
    pdf: join(dir, 'fake.pdf'),
  };
  writeFileSync(files.empty, '');
  writeFileSync(files.binary, Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x13, 0x37, 0x00, 0x00]));
  writeFileSync(files.prose, '这是一份会议纪要，不是绩效表。\n第二行。\n');
  writeFileSync(files.pdf, '%PDF-1.7\n%…truncated');
  return files;
}

describe('jixiao extract', () => {
  it('writes one JSONL record per form to stdout and exits 0', async () => {
    const { status, stdout, stderr } = await cli(['extract', SEED]);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatchObject({ formType: 'project-goal-declaration', projectName: '普陀区定点医疗机构代配药监管系统建设' });
    expect(lines[0].source).toEqual({ file: 'putuo-2024-goal-declaration.txt', pages: [], method: 'text' });
  });

  it.each([
    ['empty', 'EMPTY_INPUT'],
    ['binary', 'UNSUPPORTED_INPUT'],
    ['prose', 'NO_FORMS_FOUND'],
    ['pdf', 'PDF_CORRUPT'],
  ])('a %s file becomes an error line with code %s, the batch goes on, exit 2', async (name, code) => {
    const files = badInputs();
    const bad = files[name]!;
    const { status, stdout, stderr } = await cli(['extract', bad, SEED]);
    expect(status).toBe(2);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1 + 8);
    expect(lines[0].error.code).toBe(code);
    expect(lines[0].source.file).toBe(bad.split('/').pop());
    expect(lines[1].formType).toBe('project-goal-declaration');
    expect(stderr).toContain(`${bad}: ${code}:`);
  });

  it('a missing file is a READ_FAILED error line', async () => {
    const { status, stdout } = await cli(['extract', '/nonexistent/form.txt']);
    expect(status).toBe(2);
    expect(JSON.parse(stdout).error.code).toBe('READ_FAILED');
  });

  it('expands folders, writes -o atomically and the workbook, and prints the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-out-'));
    const out = join(dir, 'nested', 'records.jsonl');
    const xlsx = join(dir, 'records.xlsx');
    const { status, stdout } = await cli(['extract', join(FIXTURES_DIR, 'seeds'), '-o', out, '--xlsx', xlsx, '--summary', '-q']);
    expect(status).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(28);
    expect(existsSync(xlsx)).toBe(true);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['records.jsonl']);
    expect(stdout).toContain('files: 4 (4 read, 0 failed)');
    expect(stdout).toMatch(/15 {2}project-self-evaluation/);
    expect(stdout).toMatch(/8 {2}funds\.rate \(error\)/);
  });

  it.each([
    [[], 'no command given'],
    [['frobnicate'], 'unknown command `frobnicate`'],
    [['extract'], 'extract needs at least one file or folder'],
    [['extract', SEED, '--concurrency', '0'], 'expected --concurrency to be a positive integer, got `0`'],
    [['extract', SEED, '--bogus'], "Unknown option '--bogus'"],
  ])('usage error %j exits 1 with a message', async (args, message) => {
    const { status, stderr } = await cli(args as string[]);
    expect(status).toBe(1);
    expect(stderr).toContain(message);
  });

  it('runs as a real process with the exit status of the run', async () => {
    const files = badInputs();
    const exec = promisify(execFile);
    const entry = join(FIXTURES_DIR, '..', 'src', 'cli', 'run.ts');
    const result = await exec(process.execPath, ['--import', 'tsx', entry, 'extract', files.empty!, SEED]).catch((e) => e);
    expect(result.code).toBe(2);
    expect(result.stdout.trim().split('\n')).toHaveLength(9);
    expect(result.stderr).toContain('EMPTY_INPUT');
  });
});

describe('jixiao extract and OCR', () => {
  const MIXED = join(FIXTURES_DIR, 'scan', 'special', 'mixed-text-and-scan.pdf');

  it('reads a scanned page by OCR by default, and with --no-ocr lists it as not read', { timeout: 180_000 }, async () => {
    const read = await cli(['extract', MIXED, '-q']);
    expect(read.status).toBe(0);
    const records = read.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: { pages: number[]; method: string } });
    expect(records.map((r) => [r.source.pages, r.source.method])).toEqual([[[1], 'pdf-text'], [[2], 'ocr']]);

    const skipped = await cli(['extract', MIXED, '-q', '--no-ocr']);
    expect(skipped.status).toBe(0);
    expect(skipped.stdout.trim().split('\n')).toHaveLength(1);
    expect(skipped.stderr).toContain('page(s) 2 have no usable text layer and were not read (they need OCR)');
  });
});
