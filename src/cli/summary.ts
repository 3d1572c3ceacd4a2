import type { FileOutcome } from '../runtime/extract-batch.js';

/** The end-of-run summary: files read and failed, forms per family, findings per rule. */
export function summarize(outcomes: readonly FileOutcome[]): string {
  const forms = new Map<string, number>();
  const findings = new Map<string, number>();
  const errors = new Map<string, number>();
  let read = 0;
  for (const outcome of outcomes) {
    if ('error' in outcome) {
      errors.set(outcome.error.code, (errors.get(outcome.error.code) ?? 0) + 1);
      continue;
    }
    read++;
    for (const record of outcome.result.records) {
      forms.set(record.formType, (forms.get(record.formType) ?? 0) + 1);
      for (const f of record.findings) {
        const key = `${f.rule} (${f.severity})`;
        findings.set(key, (findings.get(key) ?? 0) + 1);
      }
    }
  }
  const table = (title: string, counts: Map<string, number>) =>
    counts.size === 0
      ? [`${title}: none`]
      : [`${title}:`, ...[...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`)];
  const totalForms = [...forms.values()].reduce((a, b) => a + b, 0);
  return [
    `files: ${outcomes.length} (${read} read, ${outcomes.length - read} failed)`,
    `forms: ${totalForms}`,
    ...table('forms per family', forms),
    ...table('findings per rule', findings),
    ...table('file errors', errors),
  ].join('\n');
}
