import { FORM_DEFINITIONS } from '../pipelines/index.js';
import { JixiaoError, toJixiaoError } from './errors.js';
import { decodeText } from './ingest/decode-text.js';
import { readSource, sourceFromBytes, type Source } from './ingest/read-source.js';
import type { InputKind } from './ingest/detect-kind.js';
import { readText } from './text/read-text.js';
import { decodeHtml } from './html/decode-html.js';
import { readHtml } from './html/read-html.js';
import type { FormDefinition } from './forms/definition.js';
import { readRecords } from './read-records.js';
import { Record } from './schema/record.js';
import type { Table } from './schema/table.js';
import { inspectZip } from './xlsx/inspect-zip.js';
import { DEFAULT_PARSE_LIMITS, parseWorkbook, type ParseLimits, type WorkbookParser } from './runtime/parse-workbook.js';
import { sheetsToTables } from './xlsx/read-workbook.js';
import { readPdf } from './pdf/read-pdf.js';
import { layoutDocument } from './layout/layout-document.js';
import { finishOcrTables, ocrDocument } from './ocr/ocr-document.js';
import { sharedPool, type TesseractPool } from './ocr/tesseract-pool.js';
import { headerGroups, labelLexicon, mendLabels } from './ocr/label-lexicon.js';

/** An encrypted OOXML file is a CFB container with an `EncryptedPackage` stream (names are UTF-16LE). */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  return Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

export interface ExtractOptions {
  /** Form families to look for; defaults to every family in pipelines/. */
  definitions?: readonly FormDefinition[];
  /** Time and heap limits of the spreadsheet parser's worker. */
  limits?: Partial<ParseLimits>;
  /**
   * Reads workbooks: by default in a parser thread of their own (`parseWorkbook`); the archive's
   * document workers, throwaway threads already, parse in place.
   */
  parseWorkbook?: WorkbookParser;
  /**
   * OCR for PDF pages without a usable text layer: the tesseract pool to use (default: this
   * thread's shared pool), or false to report such pages instead of reading them.
   */
  ocr?: TesseractPool | false;
  /** Called after each page read by OCR (OCR is slow: callers show progress or keep a watchdog fed). */
  onOcrPage?: (page: number) => void;
}

export interface ExtractResult {
  file: string;
  sha256: string;
  kind: InputKind;
  records: Record[];
  /** Pages without a usable text layer that were not read (OCR turned off). */
  pagesNeedingOcr: number[];
  /** Pages read by OCR (no usable text layer). */
  pagesOcr: number[];
  /** Pages of a PDF, sheets of a workbook; null for text exports and HTML pages. */
  pageCount: number | null;
}

/** Reads one file and returns its records. Throws a JixiaoError (with a code) when the file cannot be read. */
export async function extractFile(path: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  let source: Source;
  try {
    source = await readSource(path);
  } catch (err) {
    throw toJixiaoError(err, { file: path, stage: 'ingest' });
  }
  return extractSource(source, options);
}

/** Reads one document given as bytes; `file` names it in `source.file`. */
export async function extract(bytes: Uint8Array, file: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  return extractSource(sourceFromBytes(bytes, file), options);
}

/**
 * `extract` for the document worker, given the source the pool's caller already read (hashed and
 * its kind detected), with records not yet validated: the pool validates them where they arrive,
 * on the other side of the thread (one check per crossing, and no zod to warm up in every worker).
 */
export async function extractForPool(source: Source, options: ExtractOptions = {}): Promise<ExtractResult> {
  return extractSource(source, options, false);
}

async function extractSource(source: Source, options: ExtractOptions, validate = true): Promise<ExtractResult> {
  const context = { file: source.file, kind: source.kind };
  try {
    const definitions = options.definitions ?? FORM_DEFINITIONS;
    const read = await readTables(source, { ...DEFAULT_PARSE_LIMITS, ...options.limits }, options.parseWorkbook ?? parseWorkbook, options.ocr, options.onOcrPage);
    const { pagesNeedingOcr, pagesOcr, pageCount } = read;
    const tables = pagesOcr.length ? mendLabels(read.tables, labelLexicon(definitions), headerGroups(definitions)) : read.tables;
    const records = readRecords(tables, source.file, definitions);
    if (records.length === 0 && pagesNeedingOcr.length > 0) {
      throw new JixiaoError('NEEDS_OCR', `${source.file}: no form in its text layer, and page(s) ${pagesNeedingOcr.join(', ')} have none usable (they need OCR)`, { ...context, stage: 'extract' });
    }
    if (records.length === 0) {
      throw new JixiaoError('NO_FORMS_FOUND', `no performance form found in ${source.file} (${source.kind})`, { ...context, stage: 'forms' });
    }
    if (validate) records.forEach((record, k) => (records[k] = Record.parse(record)));
    return { file: source.file, sha256: source.sha256, kind: source.kind, records, pagesNeedingOcr, pagesOcr, pageCount };
  } catch (err) {
    throw toJixiaoError(err, context);
  }
}

/** The extract and layout stages for one input kind. */
async function readTables(
  source: Source,
  limits: ParseLimits,
  parse: WorkbookParser,
  ocr: TesseractPool | false | undefined,
  onOcrPage?: (page: number) => void,
): Promise<{ tables: Table[]; pagesNeedingOcr: number[]; pagesOcr: number[]; pageCount: number | null }> {
  const context = { file: source.file, stage: 'extract' as const };
  const only = (tables: Table[], pageCount: number | null = null) => ({ tables, pagesNeedingOcr: [], pagesOcr: [], pageCount });
  const sheets = async () => {
    const parsed = await parse(source.bytes, source.file, limits, {});
    return only(sheetsToTables(parsed), parsed.length);
  };
  switch (source.kind) {
    case 'empty':
      throw new JixiaoError('EMPTY_INPUT', `${source.file} is empty`, context);
    case 'text':
      return only(readText(decodeText(source.bytes, source.file).text, source.file));
    case 'xlsx':
      inspectZip(source.bytes, source.file);
      return sheets();
    case 'xls':
      if (isEncryptedOoxml(source.bytes)) {
        throw new JixiaoError('XLSX_ENCRYPTED', `${source.file} is a password-protected workbook`, context);
      }
      return sheets();
    case 'html':
      // HTML pages (often served as .xls) by their own reader, not SheetJS: it keeps the text around
      // the tables (the form's title), reads GBK pages and nested layout tables (see README).
      return only(readHtml(decodeHtml(source.bytes, source.file).text, source.file));
    case 'pdf': {
      const pages = await readPdf(source.bytes, source.file);
      const unreadable = pages.filter((p) => p.textLayer !== 'ok').map((p) => p.page);
      if (unreadable.length === 0 || ocr === false) {
        return { tables: layoutDocument(pages).stream, pagesNeedingOcr: unreadable, pagesOcr: [], pageCount: pages.length };
      }
      // Pages without a usable text layer are rendered and read by OCR; the others keep their text.
      const read = await ocrDocument(source.bytes, source.file, unreadable, { pool: ocr ?? sharedPool(), onPage: (page) => onOcrPage?.(page) });
      const byPage = new Map(read.pages.map((p) => [p.page, p]));
      const merged = pages.map((p) => byPage.get(p.page) ?? p);
      return { tables: finishOcrTables(layoutDocument(merged).stream, read), pagesNeedingOcr: [], pagesOcr: unreadable, pageCount: pages.length };
    }
    default:
      throw new JixiaoError('UNSUPPORTED_INPUT', `${source.file} is not a document jixiao reads (detected: ${source.kind})`, context);
  }
}
