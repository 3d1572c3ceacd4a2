/**
 * Rewrites fixtures/manifest.json from the files in fixtures/: every seed (golden in golden/) and
 * every hand-made variant (golden beside it as NAME.expected.jsonl), with its sha256.
 * Run after adding or changing a fixture on purpose: `npx tsx scripts/update-manifest.ts`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR, type FixtureEntry } from './lib/manifest.js';

const entries: FixtureEntry[] = [];
const sha256 = (path: string) => createHash('sha256').update(readFileSync(join(FIXTURES_DIR, path))).digest('hex');
const add = (folder: string, origin: string, goldenOf: (id: string) => string) => {
  const dir = join(FIXTURES_DIR, folder);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.txt')) continue;
    const id = name.replace(/\.txt$/, '');
    const file = `${folder}/${name}`;
    const golden = goldenOf(id);
    entries.push({ id, file, sha256: sha256(file), kind: 'text', golden: existsSync(join(FIXTURES_DIR, golden)) ? golden : null, origin });
  }
};
add('seeds', 'published form, text export as shared/seeds left it', (id) => `golden/${id}.jsonl`);
// Golden records rendered as spreadsheets by scripts/render-golden-spreadsheets.ts.
const rendered = join(FIXTURES_DIR, 'rendered');
if (existsSync(rendered)) {
  for (const name of readdirSync(rendered).sort()) {
    const m = /^(.*)\.(xlsx|xls)$/.exec(name);
    if (!m) continue;
    const file = `rendered/${name}`;
    entries.push({ id: `${m[1]}.${m[2]}`, file, sha256: sha256(file), kind: m[2] as 'xlsx' | 'xls', golden: `golden/${m[1]}.jsonl`, origin: 'golden records rendered as a spreadsheet (scripts/render-golden-spreadsheets.ts)' });
  }
}
add('variants', 'hand-made variant (see fixtures/variants/README.md)', (id) => `variants/${id}.expected.jsonl`);
// Hostile inputs (scripts/make-hostile-fixtures.ts) and the code each must fail with.
const HOSTILE: Record<string, string> = {
  'proto-comment.xlsx': 'HOSTILE_INPUT',
  'redos.xlsx': 'PARSE_TIMEOUT',
  'zip-bomb.xlsx': 'INPUT_TOO_LARGE',
  'encrypted.xlsx': 'XLSX_ENCRYPTED',
  'truncated.xlsx': 'XLSX_CORRUPT',
  'html-page.xls': 'NO_FORMS_FOUND',
};
for (const [name, error] of Object.entries(HOSTILE)) {
  const file = `hostile/${name}`;
  if (!existsSync(join(FIXTURES_DIR, file))) continue;
  const kind = name.endsWith('.xls') ? 'html' : 'xlsx';
  entries.push({ id: name, file, sha256: sha256(file), kind, golden: null, error, origin: 'hostile input made by scripts/make-hostile-fixtures.ts' });
}
writeFileSync(join(FIXTURES_DIR, 'manifest.json'), JSON.stringify(entries, null, 2) + '\n');
console.log(`fixtures/manifest.json: ${entries.length} fixtures`);
