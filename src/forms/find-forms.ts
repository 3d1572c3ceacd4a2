import type { FormDefinition } from './definition.js';
import type { Row } from './draft.js';
import { labelKey } from './labels.js';
import { rowCells } from './rows.js';
import { removeWhitespace } from '../normalize/text.js';

export interface FormSpan {
  definition: FormDefinition;
  /** Index of the title row. */
  start: number;
  /** One past the last row of the form. */
  end: number;
}

/**
 * Finds the forms in a row stream by their title rows. A form runs from its title to the next title
 * (of any family) and is kept only if it prints one of its family's required labels, so prose that
 * merely names a form (`附件：2023年度项目支出绩效自评表`) is not taken for one.
 */
export function findForms(rows: readonly Row[], definitions: readonly FormDefinition[]): FormSpan[] {
  const titles: Array<{ index: number; definition: FormDefinition }> = [];
  rows.forEach((row, index) => {
    const definition = matchTitle(row, definitions);
    if (definition) titles.push({ index, definition });
  });
  const spans: FormSpan[] = [];
  titles.forEach(({ index, definition }, k) => {
    const end = titles[k + 1]?.index ?? rows.length;
    const required = new Set(definition.requiredLabels.map(labelKey));
    const hasRequired = rows
      .slice(index + 1, end)
      .some((row) => rowCells(row).some(({ cell }) => required.has(labelKey(cell.text))));
    if (hasRequired) spans.push({ definition, start: index, end });
  });
  return spans;
}

/** A title row prints one cell (the title), with no colon: titles never carry a value. */
function matchTitle(row: Row, definitions: readonly FormDefinition[]): FormDefinition | null {
  const cells = rowCells(row);
  if (cells.length !== 1) return null;
  const text = removeWhitespace(cells[0]!.cell.text);
  if (/[:：]/.test(text) || text.length > 60) return null;
  return definitions.find((d) => d.titles.some((re) => re.test(text))) ?? null;
}
