import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { JixiaoError } from '../errors.js';
import { SCHEMA_VERSION } from '../archive/schema.js';
import { Record } from '../schema/record.js';

export type Box = [number, number, number, number];

/** One archived document that has findings, with every name it was seen under. */
export interface ReportDocument {
  sha256: string;
  /** `documents.path`: the name it was first ingested under. */
  path: string;
  /** Other names from `document_paths`, tried when `path` is gone. */
  otherPaths: string[];
  kind: string | null;
  pages: number | null;
}

/** One finding with its form and where it was read. */
export interface ReportFinding {
  /** Stable id within the report: record id and finding ordinal. */
  id: string;
  document: ReportDocument;
  recordId: number;
  recordOrdinal: number;
  rule: string;
  severity: string;
  field: string;
  expected: string | null;
  found: string | null;
  message: string;
  page: number | null;
  line: number | null;
  box: Box | null;
  record: Record;
}

interface Row {
  sha256: string;
  path: string;
  kind: string | null;
  pages: number | null;
  record_id: number;
  record_ordinal: number;
  record_json: string;
  ordinal: number;
  rule: string;
  severity: string;
  field: string;
  expected: string | null;
  found: string | null;
  message: string;
  page: number | null;
  line: number | null;
  box: string | null;
}

/**
 * The findings of one extractor version, read-only, in document path, form and finding order.
 * The archive is opened read-only and must exist (a report never creates one).
 */
export function queryFindings(dbPath: string, extractorVersion: string): ReportFinding[] {
  if (!existsSync(dbPath)) throw new JixiaoError('READ_FAILED', `no archive at ${dbPath}`, { file: dbPath, stage: 'sink' });
  let db: Database.Database;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new JixiaoError('READ_FAILED', `cannot open the archive ${dbPath}: ${(err as Error).message}`, { file: dbPath, stage: 'sink' }, { cause: err });
  }
  try {
    const version = (() => {
      try {
        return db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
      } catch (err) {
        throw new JixiaoError('UNSUPPORTED_INPUT', `${dbPath} is not a jixiao archive: ${(err as Error).message}`, { file: dbPath, stage: 'sink' }, { cause: err });
      }
    })();
    if (!version || Number(version.value) !== SCHEMA_VERSION) {
      throw new JixiaoError('UNSUPPORTED_INPUT', `${dbPath} has archive schema ${version?.value ?? 'none'}; this jixiao reads schema ${SCHEMA_VERSION}`, { file: dbPath, stage: 'sink' });
    }
    const pathsOf = new Map<string, string[]>();
    const pathRows = db
      .prepare(
        `SELECT p.sha256, p.path FROM document_paths p JOIN documents d ON d.sha256 = p.sha256 AND d.extractor_version = ?
         WHERE p.path <> d.path ORDER BY p.first_seen, p.path`,
      )
      .all(extractorVersion) as Array<{ sha256: string; path: string }>;
    for (const { sha256, path } of pathRows) pathsOf.set(sha256, [...(pathsOf.get(sha256) ?? []), path]);

    const rows = db
      .prepare(
        `SELECT d.sha256, d.path, d.kind, d.pages, r.id AS record_id, r.ordinal AS record_ordinal, r.record_json,
                f.ordinal, f.rule, f.severity, f.field, f.expected, f.found, f.message, f.page, f.line, f.box
         FROM findings f
         JOIN records r ON r.id = f.record_id
         JOIN documents d ON d.sha256 = r.sha256 AND d.extractor_version = r.extractor_version
         WHERE r.extractor_version = ?
         ORDER BY d.path, d.sha256, r.ordinal, f.ordinal`,
      )
      .iterate(extractorVersion) as IterableIterator<Row>;
    const documents = new Map<string, ReportDocument>();
    const records = new Map<number, Record>();
    const out: ReportFinding[] = [];
    for (const row of rows) {
      let document = documents.get(row.sha256);
      if (!document) {
        document = { sha256: row.sha256, path: row.path, otherPaths: pathsOf.get(row.sha256) ?? [], kind: row.kind, pages: row.pages };
        documents.set(row.sha256, document);
      }
      let record = records.get(row.record_id);
      if (!record) {
        record = Record.parse(JSON.parse(row.record_json));
        records.set(row.record_id, record);
      }
      out.push({
        id: `${row.record_id}-${row.ordinal}`,
        document,
        recordId: row.record_id,
        recordOrdinal: row.record_ordinal,
        rule: row.rule,
        severity: row.severity,
        field: row.field,
        expected: row.expected,
        found: row.found,
        message: row.message,
        page: row.page,
        line: row.line,
        box: parseBox(row.box),
        record,
      });
    }
    return out;
  } finally {
    db.close();
  }
}

function parseBox(text: string | null): Box | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as unknown;
    if (Array.isArray(value) && value.length === 4 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) return value as Box;
  } catch {
    // a malformed box is treated as none
  }
  return null;
}
