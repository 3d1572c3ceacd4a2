import { tablesToRows } from './forms/rows.js';
import { findForms } from './forms/find-forms.js';
import { readForm } from './forms/read-form.js';
import type { FormDefinition } from './forms/definition.js';
import { draftToRecord } from './normalize/to-record.js';
import { parseGradeBands } from './check/grade-bands.js';
import { checkRecord } from './check/check-record.js';
import type { Record } from './schema/record.js';
import type { Table } from './schema/table.js';

/**
 * The forms, normalize and check stages over a document's tables: one record per form found, in
 * printed order, findings included (records not yet validated against the schema).
 */
export function readRecords(tables: readonly Table[], file: string, definitions: readonly FormDefinition[]): Record[] {
  const rows = tablesToRows(tables);
  const documentText = rows.map((row) => row.cells.map((c) => c?.text ?? '').join(' ')).join('\n');
  const gradeBands = parseGradeBands(documentText);
  const method = tables[0]?.method ?? 'text';
  return findForms(rows, definitions).map(({ definition, start, end, titled }) => {
    const draft = readForm(rows, start, end, definition, { file, method, gradeBands }, titled);
    const record = draftToRecord(draft);
    if (Object.values(record.provenance).some((p) => p.method === 'ocr')) record.source.method = 'ocr';
    record.findings = checkRecord(record, draft.notes, { gradeBands }, definition.checks);
    return record;
  });
}
