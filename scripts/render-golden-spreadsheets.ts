/**
 * Renders golden records into spreadsheets laid out like the printed forms (merged title, label
 * cells, funds grid, merged 一级/二级 spans, totals), one form per sheet, as .xlsx and .xls, into
 * fixtures/rendered/. Their expected records are the golden ones. Dev-time only:
 *
 *   npx tsx scripts/render-golden-spreadsheets.ts && npx tsx scripts/update-manifest.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import XLSX from 'xlsx';
import { layoutRecord } from './lib/form-layout.js';
import { FIXTURES_DIR, readJsonl, readManifest } from './lib/manifest.js';

const out = join(FIXTURES_DIR, 'rendered');
mkdirSync(out, { recursive: true });
for (const entry of readManifest().filter((e) => e.golden && e.kind === 'text' && e.file.startsWith('seeds/'))) {
  const workbook = XLSX.utils.book_new();
  readJsonl(join(FIXTURES_DIR, entry.golden!)).forEach((record, k) => {
    const layout = layoutRecord(record);
    const sheet = XLSX.utils.aoa_to_sheet(layout.rows.map((row) => row.map((cell) => cell?.v ?? null)));
    layout.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell?.z) sheet[XLSX.utils.encode_cell({ r, c })]!.z = cell.z;
      }),
    );
    sheet['!merges'] = layout.merges;
    sheet['!cols'] = Array.from({ length: layout.width }, (_, c) => ({ wch: c === 0 ? 14 : 18 }));
    XLSX.utils.book_append_sheet(workbook, sheet, `表${k + 1}`);
  });
  for (const bookType of ['xlsx', 'xls'] as const) {
    const path = join(out, `${entry.id}.${bookType}`);
    writeFileSync(path, XLSX.write(workbook, { type: 'buffer', bookType: bookType === 'xls' ? 'biff8' : 'xlsx', compression: true }));
    console.log(path);
  }
}
