import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { writeFileAtomic } from '../sink/write-atomic.js';
import { EXTRACTOR_VERSION } from '../version.js';
import { renderHtml } from './html.js';
import { locateFinding, type Region } from './locate.js';
import { queryFindings, type ReportDocument, type ReportFinding } from './query.js';
import { PdfCropper, type CropLimits, type CropResult } from './render-crops.js';
import { rowSnippet } from './row-snippet.js';

export interface ReportOptions {
  /** The archive (SQLite); must exist. */
  db: string;
  /** Defaults to this jixiao's EXTRACTOR_VERSION. */
  extractorVersion?: string;
  /** Image limits: count, width, pixels per render, time per render. */
  limits?: Partial<CropLimits>;
  /** Called after each PDF document's images are made. */
  onDocument?: (done: number, total: number, path: string) => void;
}

/** What the page says about one document's file. */
export interface DocumentFile {
  document: ReportDocument;
  /** The file the images were rendered from, when found. */
  found: string | null;
  /** Why there are no images, when there are none. */
  note: string | null;
}

export interface ReportItem {
  finding: ReportFinding;
  region: Region | null;
  /** The printed row, rebuilt from the record (HTML). */
  snippet: string;
  /** PDFs only: the crop, or why there is none. */
  image: CropResult | null;
}

export interface ReportStats {
  findings: number;
  documents: number;
  rules: number;
  images: number;
  renders: number;
  missingFiles: number;
  bytes: number;
}

export interface Report {
  html: string;
  stats: ReportStats;
  items: ReportItem[];
}

/**
 * The review page for an archive: every finding of the extractor version with the printed row it
 * is about and, for PDFs, a picture of the form region with the cell outlined.
 */
export async function buildReport(options: ReportOptions): Promise<Report> {
  const version = options.extractorVersion ?? EXTRACTOR_VERSION;
  const findings = queryFindings(options.db, version);
  const cropper = new PdfCropper(options.limits);
  const items: ReportItem[] = findings.map((finding) => ({
    finding,
    region: locateFinding(finding, finding.record),
    snippet: rowSnippet(finding.record, finding.field),
    image: null,
  }));

  const byDocument = new Map<ReportDocument, ReportItem[]>();
  for (const item of items) {
    const list = byDocument.get(item.finding.document);
    if (list) list.push(item);
    else byDocument.set(item.finding.document, [item]);
  }
  const files = new Map<ReportDocument, DocumentFile>();
  const pdfs = [...byDocument.keys()].filter((d) => d.kind === 'pdf');
  let done = 0;
  for (const document of pdfs) {
    const docItems = byDocument.get(document)!;
    const file = await findFile(document, options.db);
    files.set(document, { document, found: file.path, note: file.note });
    const located = docItems.filter((item) => item.region !== null);
    for (const item of docItems) if (!item.region) item.image = { ok: false, reason: 'the finding has no page to show' };
    if (!file.bytes) {
      for (const item of located) item.image = { ok: false, reason: file.note ?? 'the document file was not found' };
    } else if (located.length) {
      const results = await cropper.cropDocument(
        file.bytes,
        located.map((item) => ({ page: item.region!.page, box: item.region!.box })),
      );
      located.forEach((item, k) => (item.image = results[k]!));
    }
    options.onDocument?.(++done, pdfs.length, document.path);
  }
  for (const document of byDocument.keys()) if (!files.has(document)) files.set(document, { document, found: null, note: null });

  const html = renderHtml({
    db: options.db,
    extractorVersion: version,
    generatedAt: new Date().toISOString(),
    items,
    documents: [...files.values()],
    limits: cropper.limits,
  });
  const stats: ReportStats = {
    findings: items.length,
    documents: byDocument.size,
    rules: new Set(items.map((i) => i.finding.rule)).size,
    images: cropper.images,
    renders: cropper.renders,
    missingFiles: [...files.values()].filter((f) => f.document.kind === 'pdf' && !f.found).length,
    bytes: Buffer.byteLength(html),
  };
  return { html, stats, items };
}

/** Builds the page and writes it atomically (temporary file, then rename). */
export async function writeReport(output: string, options: ReportOptions): Promise<ReportStats> {
  const report = await buildReport(options);
  await writeFileAtomic(output, report.html);
  return report.stats;
}

/**
 * The document's bytes: `documents.path`, then the other names it was seen under; a relative
 * name is tried from the working directory and from the archive's folder. A file whose bytes
 * no longer hash to the archived sha256 is not used (its boxes would point at the wrong place).
 */
async function findFile(document: ReportDocument, db: string): Promise<{ path: string | null; bytes: Uint8Array | null; note: string | null }> {
  const names = [document.path, ...document.otherPaths];
  const candidates = [...new Set(names.flatMap((name) => (isAbsolute(name) ? [name] : [resolve(name), resolve(dirname(db), name)])))];
  let changed: string | null = null;
  for (const candidate of candidates) {
    const bytes = await readFile(candidate).catch(() => null);
    if (!bytes) continue;
    if (createHash('sha256').update(bytes).digest('hex') === document.sha256) return { path: candidate, bytes: new Uint8Array(bytes), note: null };
    changed ??= candidate;
  }
  const note = changed
    ? `the file ${changed} has changed since it was archived (its sha256 differs); no image`
    : `the document file is missing: ${names.join(', ')} not found; no image`;
  return { path: null, bytes: null, note };
}
