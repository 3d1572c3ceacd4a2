import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, readManifest } from '../../scripts/lib/manifest.js';

describe('fixtures/manifest.json', () => {
  it.each(readManifest().map((e) => [e.id, e] as const))('%s matches its sha256 and its golden file exists', (_id, entry) => {
    const sha = createHash('sha256').update(readFileSync(join(FIXTURES_DIR, entry.file))).digest('hex');
    expect(sha).toBe(entry.sha256);
    if (entry.golden) expect(existsSync(join(FIXTURES_DIR, entry.golden))).toBe(true);
  });
});
