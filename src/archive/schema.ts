/**
 * The archive's tables (SQLite). A document is keyed by its content hash and the extractor version;
 * everything else hangs off it and is written in one transaction. Amounts and scores are decimal
 * strings (TEXT), never floats. Boxes are JSON arrays in PDF points, origin top-left.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  sha256            TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  path              TEXT NOT NULL,
  kind              TEXT,
  pages             INTEGER,
  status            TEXT NOT NULL CHECK (status IN ('done', 'error')),
  error_code        TEXT,
  error_message     TEXT,
  records           INTEGER NOT NULL DEFAULT 0,
  pages_needing_ocr TEXT NOT NULL DEFAULT '[]',
  processed_at      TEXT NOT NULL,
  millis            REAL,
  PRIMARY KEY (sha256, extractor_version)
);
CREATE TABLE IF NOT EXISTS document_paths (
  sha256     TEXT NOT NULL,
  path       TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  PRIMARY KEY (sha256, path)
);
CREATE TABLE IF NOT EXISTS records (
  id                INTEGER PRIMARY KEY,
  sha256            TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  ordinal           INTEGER NOT NULL,
  form_type         TEXT NOT NULL,
  title             TEXT NOT NULL,
  year              INTEGER,
  project_name      TEXT,
  department        TEXT,
  implementing_unit TEXT,
  amount_unit       TEXT,
  total_weight      TEXT,
  total_score       TEXT,
  grade             TEXT,
  method            TEXT NOT NULL,
  pages             TEXT NOT NULL,
  record_json       TEXT NOT NULL,
  UNIQUE (sha256, extractor_version, ordinal),
  FOREIGN KEY (sha256, extractor_version) REFERENCES documents (sha256, extractor_version) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS indicators (
  record_id     INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  ordinal       INTEGER NOT NULL,
  level1        TEXT,
  level1_weight TEXT,
  level2        TEXT,
  level2_weight TEXT,
  level3        TEXT,
  explanation   TEXT,
  target_text   TEXT,
  target_op     TEXT,
  target_value  TEXT,
  target_unit   TEXT,
  actual_text   TEXT,
  actual_op     TEXT,
  actual_value  TEXT,
  actual_unit   TEXT,
  weight        TEXT,
  score         TEXT,
  deviation     TEXT,
  page          INTEGER,
  box           TEXT,
  PRIMARY KEY (record_id, ordinal)
);
CREATE TABLE IF NOT EXISTS findings (
  record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  ordinal   INTEGER NOT NULL,
  rule      TEXT NOT NULL,
  severity  TEXT NOT NULL,
  field     TEXT NOT NULL,
  expected  TEXT,
  found     TEXT,
  message   TEXT NOT NULL,
  page      INTEGER,
  line      INTEGER,
  box       TEXT,
  PRIMARY KEY (record_id, ordinal)
);
CREATE INDEX IF NOT EXISTS findings_rule ON findings (rule, severity);
CREATE INDEX IF NOT EXISTS records_document ON records (sha256, extractor_version);
`;
