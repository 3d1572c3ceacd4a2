import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One fixture: an input document and, when it has one, its golden records. */
export interface FixtureEntry {
  id: string;
  /** Path relative to fixtures/. */
  file: string;
  sha256: string;
  /** As told from the bytes (`empty` for a zero-byte file). */
  kind: 'text' | 'pdf' | 'xlsx' | 'xls' | 'html' | 'empty';
  /** Golden JSONL relative to fixtures/, or null. */
  golden: string | null;
  /** For inputs that must fail: the JixiaoError code expected. */
  error?: string;
  /** A known-weak fixture: the fact F1 it must keep (a regression floor below the 0.99 bar). */
  minF1?: number;
  /**
   * A fixture whose records are not right yet: `ocr` (scanned pages, a reader still to come: the
   * golden tests skip them, OCR being slow) or `forms` (the tables are read, the forms stage does not
   * make the record yet: the golden tests run them and report the score). The accuracy benchmark
   * runs and reports both without holding them to the bar. Remove the marker when the record is right.
   */
  pending?: 'ocr' | 'forms';
  origin: string;
}

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

export function readManifest(): FixtureEntry[] {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, 'manifest.json'), 'utf8')) as FixtureEntry[];
}

export function readJsonl(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
