import type { FormDefinition } from './definition.js';
import type { Row } from './draft.js';
import { formLabels } from './form-labels.js';
import { labelKey } from './labels.js';
import { rowCells } from './rows.js';
import { titleWords } from './titles.js';

export interface FormSpan {
  definition: FormDefinition;
  /** Index of the form's first row: its title row, or (untitled) its first labelled row or its header. */
  start: number;
  /** One past the last row of the form. */
  end: number;
  /** The span starts with a title row. */
  titled: boolean;
}

/** How far above an untitled form's indicator header its label rows (项目名称, the funds grid) may start. */
const HEADER_REACH = 40;

/**
 * Finds the forms in a row stream. The title is evidence, not a gate:
 * - a title row of a family starts a form, which runs to the next title (of any family) and is kept
 *   if it prints one of its family's required labels or its indicator header — prose that merely
 *   names a form (`附件：2023年度项目支出绩效自评表`) is not taken for one;
 * - an indicator header outside every titled form starts an untitled form of the family whose columns
 *   it names best (a scoring table inside an evaluation report), reaching up to the labelled rows just
 *   above it (项目名称, the funds grid).
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
    const labels = formLabels(definition);
    const body = rows.slice(index + 1, end);
    const hasRequired = body.some((row) => rowCells(row).some(({ cell }) => labels.isRequiredLabel(labelKey(cell.text))));
    if (hasRequired || body.some((row) => labels.indicatorHeader(rowCells(row)) !== null)) spans.push({ definition, start: index, end, titled: true });
  });
  const covered = (i: number) => spans.some((s) => s.titled && i >= s.start && i < s.end);
  const untitled: FormSpan[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (covered(i) || rows[i]!.blank) continue;
    const header = bestHeader(rows[i]!, definitions);
    if (!header) continue;
    const previous = untitled[untitled.length - 1];
    // The same header again with nothing between that starts a form: a table continued on the next page.
    if (previous && previous.definition === header && !startsNewForm(rows, previous, i)) continue;
    const floor = Math.max(previous?.end ?? 0, ...spans.filter((s) => s.end <= i).map((s) => s.end));
    const start = labelledStart(rows, header, i, floor);
    if (previous) previous.end = Math.min(previous.end, start);
    const next = titles.find((t) => t.index > i)?.index ?? rows.length;
    untitled.push({ definition: header, start, end: next, titled: false });
  }
  return [...spans, ...untitled].sort((a, b) => a.start - b.start);
}

/** A title row prints its title in its first cell (a unit or date may follow), with no colon in it. */
function matchTitle(row: Row, definitions: readonly FormDefinition[]): FormDefinition | null {
  const cells = rowCells(row);
  if (cells.length === 0 || cells.length > 3) return null;
  const words = titleWords(cells[0]!.cell.text);
  if (/[:：]/.test(words) || words.length > 60) return null;
  return definitions.find((d) => d.titles.some((re) => re.test(words))) ?? null;
}

/**
 * The family an indicator header row belongs to: the one whose labels name most of its cells (three
 * at least, a level among them); on a tie, the one with fewer of its own columns missing (a header
 * without 实际完成值 or 得分 is a goal declaration's), then the family listed first.
 */
function bestHeader(row: Row, definitions: readonly FormDefinition[]): FormDefinition | null {
  const cells = rowCells(row);
  let best: { definition: FormDefinition; rank: number } | null = null;
  for (const definition of definitions) {
    const columns = formLabels(definition).indicatorHeader(cells);
    const named = columns?.filter((c) => c.role !== 'extra').length ?? 0;
    if (named < 3) continue;
    const roles = new Set(columns!.map((c) => c.role));
    const own = new Set(definition.indicators.columns.map((c) => c.role).filter((r) => r !== 'nature' && r !== 'unit' && r !== 'ignore'));
    const missing = [...own].filter((r) => !roles.has(r)).length;
    const rank = named - 0.1 * missing;
    if (!best || rank > best.rank) best = { definition, rank };
  }
  return best?.definition ?? null;
}

/** Between an untitled form's header and this one, a total row or a required label (项目名称) starts a new form. */
function startsNewForm(rows: readonly Row[], previous: FormSpan, at: number): boolean {
  const labels = formLabels(previous.definition);
  for (let j = previous.start + 1; j < at; j++) {
    const cells = rowCells(rows[j]!);
    if (cells.some(({ cell }) => labels.isRequiredLabel(labelKey(cell.text)))) return true;
    if (cells.length && labels.isTotal(labelKey(cells[0]!.cell.text))) return true;
  }
  return false;
}

/** The first row above an untitled header (within reach, after `floor`) that prints a label of its family. */
function labelledStart(rows: readonly Row[], definition: FormDefinition, header: number, floor: number): number {
  const labels = formLabels(definition);
  let start = header;
  for (let j = header - 1; j >= Math.max(floor, header - HEADER_REACH); j--) {
    const cells = rowCells(rows[j]!);
    const labelled = cells.some(({ cell }) => {
      const key = labelKey(cell.text);
      return labels.isFieldLabel(key) || labels.fundsSource(key) !== undefined || labels.isGoalRowLabel(key);
    });
    if (labelled) start = j;
  }
  return start;
}
