import type { FieldPath, FormDefinition } from './definition.js';
import type { FormDraft, GradeBand, Raw, Row } from './draft.js';
import type { FundKey, FundSource, Method } from '../schema/record.js';
import { formLabels, type FormLabels, type FundsColumn, type GoalColumn, type IndicatorColumn } from './form-labels.js';
import { labelKey, unitInLabel, unitValue } from './labels.js';
import { rowCells, type RowCell } from './rows.js';
import { readFunds, type FundsLine } from './read-funds.js';
import { readIndicators, type IndicatorEntry } from './read-indicators.js';
import { readTotals } from './read-totals.js';
import { extraKey, isDash, removeWhitespace } from '../normalize/text.js';
import { parseDecimal, parsePercent } from '../normalize/number.js';

type Section = 'header' | 'funds' | 'goal' | 'indicators' | 'footer';

export interface ReadFormContext {
  file: string;
  method: Method;
  gradeBands: GradeBand[] | null;
}

/**
 * Reads one form (rows `start`..`end`) into a draft: label/value pairs, the funds grid, the goal block,
 * the indicator table and the totals, each value still a printed string with its provenance. Which
 * row is which comes from the family definition, never from fixed positions. `titled`: the span starts
 * with the form's title row; a form found by its indicator header alone has none.
 */
export function readForm(
  rows: readonly Row[],
  start: number,
  end: number,
  definition: FormDefinition,
  ctx: ReadFormContext,
  titled = true,
): FormDraft {
  const labels = formLabels(definition);
  const titleCell = titled ? rowCells(rows[start]!)[0]!.cell : null;
  const draft: FormDraft = {
    definition,
    title: titleCell,
    year: titleCell && /\d{4}\s*年/.test(titleCell.text) ? titleCell : null,
    fields: new Map(),
    unit: null,
    funds: new Map(),
    otherFunds: new Map(),
    goal: null,
    extra: [],
    indicators: [],
    totalWeight: null,
    totalScore: null,
    gradeBands: ctx.gradeBands,
    file: ctx.file,
    pages: [],
    method: ctx.method,
    notes: [],
  };

  let section: Section = 'header';
  let fundsColumns: FundsColumn[] = [];
  const fundsLines: FundsLine[] = [];
  let goalColumns: GoalColumn[] = [];
  let indicatorColumns: IndicatorColumn[] = [];
  let indicatorHeaders = 0;
  const indicatorRows: IndicatorEntry[] = [];
  const consumed = new Set<number>();

  for (let i = titled ? start + 1 : start; i < end; i++) {
    if (consumed.has(i)) continue;
    const row = rows[i]!;
    if (row.blank) {
      if (section === 'indicators') indicatorRows.push('break');
      continue;
    }
    const cells = rowCells(row);
    const first = cells[0]!.cell;
    const firstKey = labelKey(first.text);
    if (!draft.unit && section !== 'indicators' && section !== 'footer') {
      draft.unit = cells.find(({ cell }) => unitInLabel(cell.text))?.cell ?? null;
    }

    if (draft.year === null && section === 'header' && cells.length === 1 && /^[(（]?\d{4}年度?[)）]?$/.test(removeWhitespace(first.text))) {
      draft.year = first;
      continue;
    }
    if (labels.isNote(first.text)) {
      if (section === 'indicators') section = 'footer';
      continue;
    }
    if (section !== 'footer') {
      let header = labels.indicatorHeader(cells);
      const lower = header ? null : twoRowHeader(rows, i, end, cells, labels);
      if (lower) {
        header = lower.columns;
        consumed.add(lower.row);
      }
      if (header) {
        // A header repeated on a continuation page keeps the columns found first.
        if (!(section === 'indicators' && repeatsHeader(header, indicatorColumns))) indicatorColumns = header;
        indicatorHeaders++;
        section = 'indicators';
        continue;
      }
    }
    if (section === 'indicators') {
      if (labels.isTotal(firstKey)) {
        const totals = readTotals(rows, i, end, indicatorColumns);
        draft.totalWeight = totals.weight;
        draft.totalScore = totals.score;
        totals.consumed.forEach((r) => consumed.add(r));
        section = 'footer';
        continue;
      }
      // A labelled line (`填表人：…`) ends the table; a bare label is an indicator's name (`预算执行率`).
      const colon = /^([^:：]{1,20})[:：]/.exec(removeWhitespace(first.text));
      if (!colon || !labels.isFieldLabel(labelKey(colon[1]!))) {
        indicatorRows.push(row);
        continue;
      }
      section = 'footer';
    }
    if (section !== 'footer') {
      const goal = labels.goalHeader(cells);
      if (goal) {
        goalColumns = goal;
        draft.goal ??= { planned: null, achieved: null };
        for (const column of goal) if (column.to === 'extra') draft.extra.push({ label: column.label, value: null });
        section = 'goal';
        continue;
      }
      const funds = labels.fundsHeader(cells);
      if (funds) {
        fundsColumns = funds;
        section = 'funds';
        continue;
      }
    }
    if (section === 'funds') {
      const line = fundsLine(row, cells, labels);
      if (line) {
        fundsLines.push(line);
        continue;
      }
      section = 'header';
    }
    if (section === 'goal' && !cells.some(({ cell }) => labels.isFieldLabel(labelKey(cell.text)))) {
      readGoalRow(draft, cells, goalColumns, labels);
      continue;
    }
    if (section === 'goal') section = 'header';
    // A form found by its header alone stands in a report: only known labels are read around it.
    readLabelValues(draft, rows, i, end, labels, consumed, titled);
  }

  if (fundsColumns.length) {
    if (fundsLines.length === 0) {
      draft.notes.push({ kind: 'incomplete', field: 'funds', message: 'a funds grid header is printed, but no row of it could be read' });
    } else {
      const funds = readFunds(fundsColumns, fundsLines);
      draft.funds = funds.rows;
      draft.otherFunds = funds.others;
      if (funds.doubt) draft.notes.push({ kind: 'doubtful', field: 'funds', message: funds.doubt });
    }
  }
  const indicators = readIndicators(indicatorRows, indicatorColumns, definition);
  draft.indicators = indicators.drafts;
  draft.indicatorColumns = new Set(indicatorColumns.map((c) => c.role));
  for (const note of indicators.notes) draft.notes.push(note);
  if (indicatorHeaders > 0 && draft.indicators.length === 0) {
    draft.notes.push({ kind: 'incomplete', field: 'indicators', message: 'an indicator table header is printed, but no indicator row under it could be read' });
  }
  draft.pages = collectPages(rows, start, end);
  return draft;
}

/**
 * A row of the funds grid: a source label (known, or any short text that is not a form label),
 * then values — amounts, rates, dashes. Returns null for a row that ends the grid.
 */
function fundsLine(row: Row, cells: readonly RowCell[], labels: FormLabels): FundsLine | null {
  const at = cells.findIndex(({ cell }) => labels.fundsSource(labelKey(cell.text)) !== undefined);
  if (at >= 0) {
    const labelCell = cells[at]!;
    return { source: labels.fundsSource(labelKey(labelCell.cell.text))!, label: extraKey(labelCell.cell.text), labelCell, values: cells.slice(at + 1), exact: row.exactColumns === true };
  }
  // A source the contract has no key for (`财政专户管理资金`, `单位资金`): a text label, then values only.
  const k = cells.findIndex(({ cell }) => !isValueText(cell.text));
  if (k < 0 || cells.slice(0, k).some(({ cell }) => !labels.isFundsHeaderLabel(labelKey(cell.text)))) return null;
  const labelCell = cells[k]!;
  const key = labelKey(labelCell.cell.text);
  const values = cells.slice(k + 1);
  if (values.length === 0 || !values.every(({ cell }) => isValueText(cell.text)) || key.length > 16) return null;
  if (labels.isFieldLabel(key) || labels.isIndicatorLabel(key) || labels.isGoalRowLabel(key) || labels.isSectionLabel(key) || labels.isNote(labelCell.cell.text)) return null;
  return { source: null, label: extraKey(labelCell.cell.text), labelCell, values, exact: row.exactColumns === true };
}

/** An amount, a rate or a dash. */
function isValueText(text: string): boolean {
  return isDash(text) || parseDecimal(text.replace(/万?元$/, '')) !== null || (/[%％]/.test(text) && parsePercent(text) !== null);
}

/**
 * A header printed on two rows: the upper names some columns (`实际完成值`, `分值`) and spans others
 * over the lower's (`年度指标值` over `指标性质│指标值│度量单位`); the lower row holds the levels. The
 * columns are the lower row's cells, and the upper row's where nothing is printed below them.
 */
function twoRowHeader(rows: readonly Row[], i: number, end: number, upper: readonly RowCell[], labels: FormLabels): { columns: IndicatorColumn[]; row: number } | null {
  if (!upper.some(({ cell }) => labels.isIndicatorLabel(labelKey(cell.text)))) return null;
  let j = i + 1;
  while (j < end && rows[j]!.blank) j++;
  if (j >= end) return null;
  const lower = rowCells(rows[j]!);
  const alone = labels.indicatorHeader(lower);
  if (!alone) return null;
  const covered = (a: RowCell) => lower.some((b) => Math.min(a.col + a.span, b.col + b.span) > Math.max(a.col, b.col));
  const merged = [...lower, ...upper.filter((a) => !covered(a))].sort((a, b) => a.col - b.col);
  const columns = labels.indicatorHeader(merged);
  const named = (c: readonly IndicatorColumn[]) => c.filter((x) => x.role !== 'extra').length;
  return columns && named(columns) > named(alone) ? { columns, row: j } : null;
}

function repeatsHeader(header: readonly IndicatorColumn[], current: readonly IndicatorColumn[]): boolean {
  const same = header.filter((h) => current.some((c) => c.col === h.col && c.role === h.role)).length;
  return current.length > 0 && same >= Math.ceil(0.6 * header.length);
}

/** Goal text under the goal header: in order when the counts agree, else to the nearest column. */
function readGoalRow(
  draft: FormDraft,
  cells: ReturnType<typeof rowCells>,
  columns: readonly GoalColumn[],
  labels: FormLabels,
): void {
  const texts = cells.filter(({ cell }) => {
    const key = labelKey(cell.text);
    return !labels.isGoalRowLabel(key) && !labels.isSectionLabel(key);
  });
  if (texts.length === 0 || columns.length === 0) return;
  texts.forEach(({ col, cell }, k) => {
    const column =
      texts.length === columns.length
        ? columns[k]!
        : columns.reduce((best, c) => (Math.abs(c.col - col) < Math.abs(best.col - col) ? c : best));
    if (column.to === 'extra') {
      const entry = draft.extra.find((e) => e.label === column.label);
      if (entry) entry.value = appendRaw(entry.value, cell);
    } else {
      draft.goal![column.to] = appendRaw(draft.goal![column.to], cell);
    }
  });
}

function appendRaw(current: Raw | null, next: Raw): Raw {
  return current ? { text: current.text + next.text, prov: current.prov } : next;
}

interface LabelHit {
  label: string;
  key: string;
  value: Raw | null;
  source: Raw;
}

/**
 * Label/value pairs anywhere in a row: `项目名称│X│主管部门│Y`, `项目名称：│X`, and inline
 * `填表人: 塔 填表日期: 2024.5.17`. A label alone on its line takes the next line as its value.
 */
function readLabelValues(
  draft: FormDraft,
  rows: readonly Row[],
  i: number,
  end: number,
  labels: FormLabels,
  consumed: Set<number>,
  anyColonLabel: boolean,
): void {
  const cells = rowCells(rows[i]!);
  const hits: LabelHit[] = [];
  let pending: LabelHit | null = null;
  for (const { cell } of cells) {
    const segments = splitInlineLabels(cell, labels, anyColonLabel);
    if (!segments) {
      if (pending && pending.value === null) pending.value = cell;
      continue;
    }
    for (const segment of segments) {
      hits.push(segment);
      pending = segment;
    }
  }
  const last = hits[hits.length - 1];
  if (last && last.value === null && cells.length === 1) {
    for (let j = i + 1; j < end; j++) {
      const next = rows[j]!;
      if (next.blank) continue;
      const nextCells = rowCells(next);
      if (nextCells.length === 1 && !splitInlineLabels(nextCells[0]!.cell, labels, anyColonLabel) && !labels.isNote(nextCells[0]!.cell.text)) {
        last.value = nextCells[0]!.cell;
        consumed.add(j);
      }
      break;
    }
  }
  for (const hit of hits) assignField(draft, hit, labels);
}

/**
 * Splits a cell into label segments when it starts with a label: a known label (with or without a
 * colon) or any text ending in a colon. Returns null for a cell that is a value.
 */
function splitInlineLabels(cell: Raw, labels: FormLabels, anyColonLabel: boolean): LabelHit[] | null {
  const text = cell.text.trim();
  const whole = labelKey(text);
  if (labels.isFieldLabel(whole) || (anyColonLabel && /[:：]\s*$/.test(text) && whole.length > 0 && whole.length <= 20 && !labels.isNote(text))) {
    return [{ label: extraKey(text), key: whole, value: null, source: cell }];
  }
  // Inline `label: value label: value …`, for known labels only.
  const re = /([^\s:：]{1,12}?)\s*[:：]/g;
  const marks: Array<{ start: number; end: number; label: string }> = [];
  for (const m of text.matchAll(re)) {
    const candidate = m[1]!;
    const key = suffixLabel(candidate, labels);
    if (key) marks.push({ start: m.index! + candidate.length - key.length, end: m.index! + m[0].length, label: key });
  }
  if (marks.length === 0 || marks[0]!.start !== 0) return null;
  return marks.map((mark, k) => {
    const valueText = text.slice(mark.end, marks[k + 1]?.start ?? text.length).trim();
    return {
      label: mark.label,
      key: labelKey(mark.label),
      value: valueText === '' ? null : { text: valueText, prov: cell.prov },
      source: cell,
    };
  });
}

/** The longest known label that ends a run of text (`2024.5.17联系电话` → `联系电话`). */
function suffixLabel(candidate: string, labels: FormLabels): string | null {
  for (let k = 0; k < candidate.length; k++) {
    const tail = candidate.slice(k);
    if (labels.isFieldLabel(labelKey(tail))) return tail;
  }
  return null;
}

function assignField(draft: FormDraft, hit: LabelHit, labels: FormLabels): void {
  const path = labels.fieldPath(hit.key);
  if (path === 'ignore') return;
  if (path === 'amountUnit') {
    if (hit.value && unitValue(hit.value.text)) draft.unit = hit.value;
    return;
  }
  if (path === undefined) {
    const entry = draft.extra.find((e) => e.label === hit.label);
    if (!entry) draft.extra.push({ label: hit.label, value: hit.value });
    else if (entry.value === null) entry.value = hit.value;
    return;
  }
  if (path === 'goal.planned' || path === 'goal.achieved') {
    draft.goal ??= { planned: null, achieved: null };
    const key = path === 'goal.planned' ? 'planned' : 'achieved';
    draft.goal[key] ??= hit.value;
    return;
  }
  if (path.startsWith('funds.')) {
    const [, source, key] = path.split('.') as [string, FundSource, FundKey];
    const row = draft.funds.get(source) ?? new Map<FundKey, Raw | null>();
    if (!row.has(key) || row.get(key) === null) row.set(key, hit.value);
    draft.funds.set(source, row);
    return;
  }
  const field = path as Exclude<FieldPath, 'ignore'>;
  if (!draft.fields.has(field) || draft.fields.get(field) === null) draft.fields.set(field, hit.value);
}

function collectPages(rows: readonly Row[], start: number, end: number): number[] {
  const pages = new Set<number>();
  for (let i = start; i < end; i++) for (const cell of rows[i]!.cells) if (cell?.prov.page) pages.add(cell.prov.page);
  return [...pages].sort((a, b) => a - b);
}
