import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract.js';
import type { Record } from '../../src/schema/record.js';
import { FIXTURES_DIR } from '../../scripts/lib/manifest.js';

/** Extracts a fixture (path relative to fixtures/) from its bytes, as the CLI would. */
export async function extractFixture(file: string, bytes?: Uint8Array): Promise<Record[]> {
  const input = bytes ?? readFileSync(join(FIXTURES_DIR, file));
  return (await extract(input, file.split('/').pop()!)).records;
}

/** Records without the provenance field, as compared with golden files. */
export function withoutProvenance(records: readonly Record[]): Array<Omit<Record, 'provenance'>> {
  return records.map(({ provenance: _p, ...rest }) => rest);
}
