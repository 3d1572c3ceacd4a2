import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { JixiaoError } from '../errors.js';
import { Record } from '../schema/record.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';

export interface DocumentOutcome {
  sha256: string;
  path: string;
  kind: string | null;
  pages: number | null;
  records: Record[];
  pagesNeedingOcr: number[];
  error: { code: string; message: string } | null;
  millis: number;
}

/**
 * The archive file: open (creating the schema), query what is done, and write one document — its
 * row, records, indicators and findings — in one transaction, so a document appears whole or not
 * at all, whatever kills the process.
 */
export class Archive {
  readonly db: Database.Database;
  private readonly insertDocument: Database.Statement;
  private readonly insertPath: Database.Statement;
  private readonly insertRecord: Database.Statement;
  private readonly insertIndicator: Database.Statement;
  private readonly insertFinding: Database.Statement;
  private readonly hasDocument: Database.Statement;

  constructor(
    readonly path: string,
    readonly extractorVersion: string,
  ) {
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
    } catch (err) {
      throw new JixiaoError('READ_FAILED', `cannot open the archive ${path}: ${(err as Error).message}`, { file: path, stage: 'sink' }, { cause: err });
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA_SQL);
    const version = this.db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
    if (!version) this.db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
    else if (Number(version.value) !== SCHEMA_VERSION) {
      throw new JixiaoError('UNSUPPORTED_INPUT', `${path} has archive schema ${version.value}; this jixiao writes schema ${SCHEMA_VERSION}`, { file: path, stage: 'sink' });
    }
    this.insertDocument = this.db.prepare(
      `INSERT INTO documents (sha256, extractor_version, path, kind, pages, status, error_code, error_message, records, pages_needing_ocr, processed_at, millis)
       VALUES (@sha256, @version, @path, @kind, @pages, @status, @errorCode, @errorMessage, @records, @ocr, @at, @millis)`,
    );
    this.insertPath = this.db.prepare('INSERT OR IGNORE INTO document_paths (sha256, path, first_seen) VALUES (?, ?, ?)');
    this.insertRecord = this.db.prepare(
      `INSERT INTO records (sha256, extractor_version, ordinal, form_type, title, year, project_name, department, implementing_unit, amount_unit,
         total_weight, total_score, grade, method, pages, record_json)
       VALUES (@sha256, @version, @ordinal, @formType, @title, @year, @projectName, @department, @implementingUnit, @amountUnit,
         @totalWeight, @totalScore, @grade, @method, @pages, @json)`,
    );
    this.insertIndicator = this.db.prepare(
      `INSERT INTO indicators VALUES (@recordId, @ordinal, @level1, @level1Weight, @level2, @level2Weight, @level3, @explanation,
         @targetText, @targetOp, @targetValue, @targetUnit, @actualText, @actualOp, @actualValue, @actualUnit, @weight, @score, @deviation, @page, @box)`,
    );
    this.insertFinding = this.db.prepare(
      `INSERT INTO findings VALUES (@recordId, @ordinal, @rule, @severity, @field, @expected, @found, @message, @page, @line, @box)`,
    );
    this.hasDocument = this.db.prepare('SELECT status FROM documents WHERE sha256 = ? AND extractor_version = ?');
  }

  /** Whether these bytes were already processed by this extractor version (done or failed). */
  isProcessed(sha256: string): boolean {
    return this.hasDocument.get(sha256, this.extractorVersion) !== undefined;
  }

  /** Notes another name for bytes already archived. */
  notePath(sha256: string, path: string): void {
    this.insertPath.run(sha256, path, new Date().toISOString());
  }

  /** Writes one document and everything read from it, all or nothing. */
  writeDocument(outcome: DocumentOutcome): void {
    const write = this.db.transaction((o: DocumentOutcome) => {
      const at = new Date().toISOString();
      this.insertDocument.run({
        sha256: o.sha256,
        version: this.extractorVersion,
        path: o.path,
        kind: o.kind,
        pages: o.pages,
        status: o.error ? 'error' : 'done',
        errorCode: o.error?.code ?? null,
        errorMessage: o.error?.message ?? null,
        records: o.records.length,
        ocr: JSON.stringify(o.pagesNeedingOcr),
        at,
        millis: o.millis,
      });
      this.insertPath.run(o.sha256, o.path, at);
      o.records.forEach((record, ordinal) => {
        const { lastInsertRowid } = this.insertRecord.run({
          sha256: o.sha256,
          version: this.extractorVersion,
          ordinal,
          formType: record.formType,
          title: record.title,
          year: record.year,
          projectName: record.projectName,
          department: record.department,
          implementingUnit: record.implementingUnit,
          amountUnit: record.amountUnit,
          totalWeight: record.totalWeight,
          totalScore: record.totalScore,
          grade: record.grade,
          method: record.source.method,
          pages: JSON.stringify(record.source.pages),
          json: JSON.stringify(record),
        });
        const recordId = Number(lastInsertRowid);
        record.indicators.forEach((i, k) => {
          const prov = record.provenance[`indicators[${k}].level3`] ?? record.provenance[`indicators[${k}].score`] ?? null;
          this.insertIndicator.run({
            recordId,
            ordinal: k,
            level1: i.level1,
            level1Weight: i.level1Weight ?? null,
            level2: i.level2,
            level2Weight: i.level2Weight ?? null,
            level3: i.level3,
            explanation: i.explanation,
            targetText: i.target?.text ?? null,
            targetOp: i.target?.op ?? null,
            targetValue: i.target?.value ?? null,
            targetUnit: i.target?.unit ?? null,
            actualText: i.actual?.text ?? null,
            actualOp: i.actual?.op ?? null,
            actualValue: i.actual?.value ?? null,
            actualUnit: i.actual?.unit ?? null,
            weight: i.weight,
            score: i.score,
            deviation: i.deviation,
            page: prov?.page ?? null,
            box: prov?.box ? JSON.stringify(prov.box) : null,
          });
        });
        record.findings.forEach((f, k) => {
          const prov = record.provenance[f.field] ?? null;
          this.insertFinding.run({
            recordId,
            ordinal: k,
            rule: f.rule,
            severity: f.severity,
            field: f.field,
            expected: f.expected,
            found: f.found,
            message: f.message,
            page: prov?.page ?? null,
            line: prov?.line ?? null,
            box: prov?.box ? JSON.stringify(prov.box) : null,
          });
        });
      });
    });
    write.immediate(outcome);
  }

  /** Records of this extractor version, in document path then form order, validated on the way out. */
  *records(): Generator<Record> {
    const rows = this.db
      .prepare(
        `SELECT r.record_json AS json FROM records r JOIN documents d USING (sha256, extractor_version)
         WHERE r.extractor_version = ? ORDER BY d.path, r.ordinal`,
      )
      .iterate(this.extractorVersion) as IterableIterator<{ json: string }>;
    for (const row of rows) yield Record.parse(JSON.parse(row.json));
  }

  counts(): { documents: number; failed: number; records: number; findings: number } {
    const d = this.db.prepare("SELECT count(*) AS n, sum(status = 'error') AS failed FROM documents WHERE extractor_version = ?").get(this.extractorVersion) as { n: number; failed: number | null };
    const r = this.db.prepare('SELECT count(*) AS n FROM records WHERE extractor_version = ?').get(this.extractorVersion) as { n: number };
    const f = this.db.prepare('SELECT count(*) AS n FROM findings JOIN records ON records.id = findings.record_id WHERE extractor_version = ?').get(this.extractorVersion) as { n: number };
    return { documents: d.n, failed: d.failed ?? 0, records: r.n, findings: f.n };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
