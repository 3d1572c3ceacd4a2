import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { expandInputs } from './expand-inputs.js';
import { summarize } from './summary.js';
import { extractBatch, type FileOutcome } from '../runtime/extract-batch.js';
import { recordsToWorkbook } from '../sink/xlsx.js';
import { writeFileAtomic } from '../sink/write-atomic.js';
import { ErrorLine, type Record } from '../schema/record.js';
import { extractTables } from '../extract-tables.js';
import { toJixiaoError } from '../errors.js';
import { formatTables } from './format-tables.js';
import { IngestProgressLine } from './ingest-progress.js';
import { ingest } from '../runtime/ingest.js';
import { Archive } from '../archive/archive.js';
import { EXTRACTOR_VERSION } from '../version.js';

const USAGE = `Usage: jixiao extract <files or folders…> [options]
       jixiao tables <file.pdf> [--json]
       jixiao ingest <files or folders…> --db archive.sqlite [--concurrency N] [-q]
       jixiao export --db archive.sqlite [-o out.jsonl] [--xlsx out.xlsx]
       jixiao report --db archive.sqlite -o review.html

extract: reads budget-performance forms (PDFs, by OCR where a page has no usable text layer;
spreadsheets; text exports) and writes one JSON record per form (JSONL).
tables: prints every table found in a PDF (page, box, and cells with row, col, rowSpan, colSpan,
text, box; PDF points, origin top-left), as text or, with --json, as JSON.
ingest: adds documents to an archive (SQLite): resumable, one transaction per document, a file's
bytes processed once per extractor version; progress on standard error.
export: writes the archive's records as JSONL (and the analyst workbook).
report: writes a self-contained HTML page of the archive's findings, by rule and by document, each
beside a picture of the form region it is about (PDFs) or the printed row (text, spreadsheets).

Options:
  -o, --output FILE     write JSONL to FILE (default: standard output); for report, the HTML page
      --xlsx FILE       also write an analyst workbook (records, indicators, findings)
      --summary         print forms per family and findings per rule when done
      --concurrency N   files read at once (default: number of cores)
      --no-ocr          extract: report PDF pages without a usable text layer instead of reading
                        them by OCR (faster; such pages are listed on standard error)
  -q, --quiet           no progress line
  -h, --help            this help
  -v, --version         the version

Exit status: 0 when every input was read, 2 when some failed (each failed file is one
{"error": …} line in the output and a line on standard error), 1 for a usage error.`;

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Runs the CLI; returns the exit status instead of exiting so tests can call it in-process. */
export async function run(argv: readonly string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        xlsx: { type: 'string' },
        summary: { type: 'boolean', default: false },
        concurrency: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        json: { type: 'boolean', default: false },
        db: { type: 'string' },
        'no-ocr': { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    io.stderr.write(`jixiao: ${(err as Error).message}\n\n${USAGE}\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${await readVersion()}\n`);
    return 0;
  }
  const [command, ...inputs] = positionals;
  if (command === 'tables') return tablesCommand(inputs, values.json, io);
  if (command === 'report') {
    if (!values.db || !values.output) {
      io.stderr.write(`jixiao: report needs --db archive.sqlite and -o review.html\n\n${USAGE}\n`);
      return 1;
    }
    if (inputs.length > 0) {
      io.stderr.write(`jixiao: report takes no files (it reads the archive given by --db)\n\n${USAGE}\n`);
      return 1;
    }
    return reportCommand(values.db, values.output, io);
  }
  if (command === 'ingest' || command === 'export') {
    if (!values.db) {
      io.stderr.write(`jixiao: ${command} needs --db archive.sqlite\n\n${USAGE}\n`);
      return 1;
    }
    const workers = values.concurrency === undefined ? undefined : Number(values.concurrency);
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) {
      io.stderr.write(`jixiao: expected --concurrency to be a positive integer, got \`${values.concurrency}\`\n`);
      return 1;
    }
    if (command === 'export') return exportCommand(values.db, values.output, values.xlsx, io);
    if (inputs.length === 0) {
      io.stderr.write(`jixiao: ingest needs at least one file or folder\n\n${USAGE}\n`);
      return 1;
    }
    return ingestCommand(inputs, values.db, workers, values.quiet, io);
  }
  if (command !== 'extract') {
    io.stderr.write(`jixiao: ${command ? `unknown command \`${command}\`` : 'no command given'}\n\n${USAGE}\n`);
    return 1;
  }
  if (inputs.length === 0) {
    io.stderr.write(`jixiao: extract needs at least one file or folder\n\n${USAGE}\n`);
    return 1;
  }
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
    io.stderr.write(`jixiao: expected --concurrency to be a positive integer, got \`${values.concurrency}\`\n`);
    return 1;
  }
  return extractCommand(inputs, { ...values, concurrency }, io);
}

async function extractCommand(
  inputs: string[],
  options: { output?: string; xlsx?: string; summary: boolean; concurrency?: number; quiet: boolean; 'no-ocr'?: boolean },
  io: Io,
): Promise<number> {
  const files = await expandInputs(inputs);
  if (files.length === 0) {
    io.stderr.write(`jixiao: no files found in ${inputs.join(', ')}\n`);
    return 2;
  }
  const sink = await openSink(options.output, io);
  const records: Record[] = [];
  const progress = new Progress(io.stderr, files.length, options.quiet);
  let outcomes: FileOutcome[];
  try {
    outcomes = await extractBatch(files, {
      concurrency: options.concurrency,
      ocr: !options['no-ocr'],
      onProgress: (done, _total, outcome) => progress.update(done, outcome),
      onOutcome: async (outcome) => {
        if ('error' in outcome) {
          progress.clear();
          io.stderr.write(`jixiao: ${outcome.path}: ${outcome.error.code}: ${outcome.error.message}\n`);
          await sink.write(JSON.stringify(errorLine(outcome)) + '\n');
          return;
        }
        if (outcome.result.pagesNeedingOcr.length) {
          progress.clear();
          io.stderr.write(`jixiao: ${outcome.path}: page(s) ${outcome.result.pagesNeedingOcr.join(', ')} have no usable text layer and were not read (they need OCR)\n`);
        }
        for (const record of outcome.result.records) {
          records.push(record);
          await sink.write(JSON.stringify(record) + '\n');
        }
      },
    });
    progress.clear();
    await sink.commit();
  } catch (err) {
    progress.clear();
    await sink.abort();
    throw err;
  }
  if (options.xlsx) await writeFileAtomic(options.xlsx, recordsToWorkbook(records));
  if (options.summary) (options.output ? io.stdout : io.stderr).write(`${summarize(outcomes)}\n`);
  return outcomes.some((o) => 'error' in o) ? 2 : 0;
}

async function ingestCommand(inputs: string[], db: string, concurrency: number | undefined, quiet: boolean, io: Io): Promise<number> {
  const files = await expandInputs(inputs);
  const bar = new IngestProgressLine(io.stderr, quiet);
  const result = await ingest(files, {
    db,
    concurrency,
    onProgress: (p) => bar.update(p),
    onError: (path, code, message) => bar.note(`jixiao: ${path}: ${code}: ${message}`),
  });
  bar.clear();
  const seconds = (Date.now() - result.startedAt) / 1000;
  io.stdout.write(
    `ingested ${result.done} file(s) into ${db} in ${seconds.toFixed(1)} s: ${result.done - result.skipped - result.failed} read, ` +
      `${result.skipped} already archived, ${result.failed} failed; ${result.pages} pages, ${result.forms} forms, ${result.findings} findings\n`,
  );
  return result.failed > 0 ? 2 : 0;
}

async function exportCommand(db: string, output: string | undefined, xlsx: string | undefined, io: Io): Promise<number> {
  const archive = new Archive(db, EXTRACTOR_VERSION);
  try {
    const sink = await openSink(output, io);
    const records: Record[] = [];
    for (const record of archive.records()) {
      if (xlsx) records.push(record);
      await sink.write(JSON.stringify(record) + '\n');
    }
    await sink.commit();
    if (xlsx) await writeFileAtomic(xlsx, recordsToWorkbook(records));
    return 0;
  } finally {
    archive.close();
  }
}

async function reportCommand(db: string, output: string, io: Io): Promise<number> {
  try {
    // Loaded on demand: the renderer brings a native canvas module the other commands do not need.
    const { writeReport } = await import('../report/build-report.js');
    const stats = await writeReport(output, { db });
    io.stdout.write(
      `wrote ${output}: ${stats.findings} finding(s) under ${stats.rules} rule(s) in ${stats.documents} document(s), ${stats.images} image(s)` +
        `${stats.missingFiles ? `, ${stats.missingFiles} PDF file(s) missing or changed (noted in the page)` : ''}; ${(stats.bytes / 1024 / 1024).toFixed(1)} MiB\n`,
    );
    return 0;
  } catch (err) {
    const error = toJixiaoError(err, { file: db });
    io.stderr.write(`jixiao: ${db}: ${error.code}: ${error.message}\n`);
    return 2;
  }
}

async function tablesCommand(inputs: string[], json: boolean, io: Io): Promise<number> {
  if (inputs.length !== 1) {
    io.stderr.write(`jixiao: tables takes exactly one PDF\n\n${USAGE}\n`);
    return 1;
  }
  const [path] = inputs as [string];
  try {
    const bytes = new Uint8Array(await readFile(path));
    const result = await extractTables(bytes, basename(path));
    if (json) io.stdout.write(`${JSON.stringify({ file: basename(path), ...result })}\n`);
    else io.stdout.write(formatTables(result.pages, result.tables));
    return 0;
  } catch (err) {
    const error = toJixiaoError(err, { file: basename(path) });
    io.stderr.write(`jixiao: ${path}: ${error.code}: ${error.message}\n`);
    return 2;
  }
}

function errorLine(outcome: Extract<FileOutcome, { error: unknown }>): ErrorLine {
  return ErrorLine.parse({
    error: { code: outcome.error.code, message: outcome.error.message },
    source: { file: basename(outcome.path), kind: outcome.error.context.kind ?? null },
  });
}

interface Sink {
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** JSONL goes to a temporary file renamed into place at the end, so no reader sees half a file. */
async function openSink(path: string | undefined, io: Io): Promise<Sink> {
  if (!path) {
    return {
      write: (text) => new Promise((resolve) => (io.stdout.write(text) ? resolve() : io.stdout.once('drain', resolve))),
      commit: async () => {},
      abort: async () => {},
    };
  }
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const stream: WriteStream = createWriteStream(tmp);
  const closed = new Promise<void>((resolve, reject) => {
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  return {
    write: (text) => new Promise((resolve) => (stream.write(text) ? resolve() : stream.once('drain', resolve))),
    commit: async () => {
      stream.end();
      await closed;
      await rename(tmp, path);
    },
    abort: async () => {
      stream.destroy();
      await rm(tmp, { force: true });
    },
  };
}

/** A live progress line on a terminal; periodic plain lines otherwise (for logs of long runs). */
class Progress {
  private lastLine = 0;
  private shown = false;
  constructor(
    private readonly out: Io['stderr'],
    private readonly total: number,
    private readonly quiet: boolean,
  ) {}

  update(done: number, outcome: FileOutcome): void {
    if (this.quiet || this.total < 2) return;
    const line = `[${done}/${this.total}] ${basename(outcome.path)}`;
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${line}`);
      this.shown = true;
    } else if (Date.now() - this.lastLine > 10_000 || done === this.total) {
      if (this.total >= 50) this.out.write(`${line}\n`);
      this.lastLine = Date.now();
    }
  }

  clear(): void {
    if (this.shown) this.out.write('\r\x1b[2K');
    this.shown = false;
  }
}

async function readVersion(): Promise<string> {
  const url = new URL('../../package.json', import.meta.url);
  const alt = new URL('../../../package.json', import.meta.url);
  const text = await readFile(url, 'utf8').catch(() => readFile(alt, 'utf8'));
  return (JSON.parse(text) as { version: string }).version;
}
