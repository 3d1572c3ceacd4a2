/**
 * The truth the variants are made from: every golden record (fixtures/golden/*.jsonl) and every
 * hand-made variant's expected record (fixtures/variants/*.expected.jsonl).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR, readJsonl } from '../manifest.js';
import type { TruthRecord } from './truth.js';

export interface BaseRecord {
  /** `golden/changning-2023-self-evaluation.jsonl#3` */
  origin: string;
  /** A short name for variant ids: `changning-2023-self-evaluation-3`. */
  tag: string;
  record: TruthRecord;
}

export function loadBases(fixturesDir: string = FIXTURES_DIR): BaseRecord[] {
  const out: BaseRecord[] = [];
  const add = (dir: string, suffix: string) => {
    for (const name of readdirSync(join(fixturesDir, dir)).filter((n) => n.endsWith(suffix)).sort()) {
      readJsonl(join(fixturesDir, dir, name)).forEach((raw, k) => {
        const { provenance: _p, ...record } = raw as Record<string, unknown>;
        out.push({ origin: `${dir}/${name}#${k}`, tag: `${name.slice(0, -suffix.length)}-${k}`, record: record as unknown as TruthRecord });
      });
    }
  };
  add('golden', '.jsonl');
  add('variants', '.expected.jsonl');
  return out;
}
