import type { FieldPath, FormDefinition, IndicatorRole } from './definition.js';
import type { FormDraft, GradeBand, Raw, Row } from './draft.js';
import type { FundKey, FundSource, Method } from '../schema/record.js';
import { keySet, labelKey, unitInLabel, unitValue } from './labels.js';
import { rowCells } from './rows.js';
import { readIndicators, type IndicatorColumn, type IndicatorEntry } from './read-indicators.js';
import { readTotals } from './read-totals.js';
import { extraKey, removeWhitespace } from '../normalize/text.js';
import { parseDecimal } from '../normalize/number.js';

type Section = 'header' | 'funds' | 'goal' | 'indicators' | 'footer';

export interface ReadFormContext {
  file: string;
  method: Method;
  gradeBands: GradeBand[] | null;
}

/**
 * Reads one form (rows `start`..`end`, title first) into a draft: label/value pairs, the funds grid,
 * the goal block, the indicator table and the totals, each value still a printed string with its
 * provenance. Which row is which comes from the family definition, never from fixed positions.
 */
export function readForm(rows: readonly Row[], start: number, end: number, definition: FormDefinition, ctx: ReadFormContext): FormDraft {
  const labels = new FormLabels(definition);
  const titleCell = rowCells(rows[start]!)[0]!.cell;
  const draft: FormDraft = {
    definition,
    title: titleCell,
    year: /\d{4}\s*年/.test(titleCell.text) ? titleCell : null,
    fields: new Map(),
    unit: null,
    funds: new Map(),
    goal: null,
    extra: [],
    indicators: [],
    totalWeight: null,
    totalScore: null,
    gradeBands: ctx.gradeBands,
    file: ctx.file,
    pages: [],
    method: ctx.method,
  };

  let section: Section = 'header';
  let fundsColumns: FundKey[] = [];
  let goalColumns: Array<{ col: number; to: 'planned' | 'achieved' | 'extra'; label: string }> = [];
  let indicatorColumns: IndicatorColumn[] = [];
  const indicatorRows: IndicatorEntry[] = [];
  const consumed = new Set<number>();

  for (let i = start + 1; i < end; i++) {
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
      const header = labels.indicatorHeader(cells);
      if (header) {
        // A header repeated on a continuation page keeps the columns found first.
        if (!(section === 'indicators' && repeatsHeader(header, indicatorColumns))) indicatorColumns = header;
        section = 'indicators';
        continue;
      }
    }
    if (section === 'indicators') {
      if (labels.total.has(firstKey)) {
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
      if (readFundsRow(draft, cells, fundsColumns, labels)) continue;
      section = 'header';
    }
    if (section === 'goal' && !cells.some(({ cell }) => labels.isFieldLabel(labelKey(cell.text)))) {
      readGoalRow(draft, cells, goalColumns, labels);
      continue;
    }
    if (section === 'goal') section = 'header';
    readLabelValues(draft, rows, i, end, labels, consumed);
  }

  draft.indicators = readIndicators(indicatorRows, indicatorColumns, definition);
  draft.pages = collectPages(rows, start, end);
  return draft;
}

function repeatsHeader(header: readonly IndicatorColumn[], current: readonly IndicatorColumn[]): boolean {
  const same = header.filter((h) => current.some((c) => c.col === h.col && c.role === h.role)).length;
  return current.length > 0 && same >= Math.ceil(0.6 * header.length);
}

/** Label lookups for one definition, built once per form. */
class FormLabels {
  readonly total: Set<string>;
  private readonly fields = new Map<string, FieldPath>();
  private readonly extra: Set<string>;
  private readonly notes: readonly string[];
  private readonly section: Set<string>;
  private readonly indicatorRoles = new Map<string, IndicatorRole[]>();
  private readonly goalLabels = new Map<string, 'planned' | 'achieved' | 'extra'>();
  private readonly goalRowLabels: Set<string>;
  private readonly fundsHeaderLabels: Set<string>;
  private readonly fundsColumnLabels = new Map<string, FundKey>();
  private readonly fundsSources = new Map<string, FundSource>();

  constructor(readonly definition: FormDefinition) {
    for (const rule of definition.fields) for (const label of rule.labels) this.fields.set(labelKey(label), rule.path);
    this.extra = keySet(definition.extraLabels);
    this.notes = definition.noteLabels.map(labelKey);
    this.section = keySet(definition.sectionLabels);
    this.total = keySet(definition.indicators.totalLabels);
    for (const column of definition.indicators.columns) {
      for (const label of column.labels) {
        const key = labelKey(label);
        this.indicatorRoles.set(key, [...(this.indicatorRoles.get(key) ?? []), column.role]);
      }
    }
    for (const column of definition.goal?.columns ?? []) for (const label of column.labels) this.goalLabels.set(labelKey(label), column.to);
    this.goalRowLabels = keySet(definition.goal?.rowLabels ?? []);
    this.fundsHeaderLabels = keySet(definition.funds?.headerLabels ?? []);
    for (const column of definition.funds?.columns ?? []) for (const label of column.labels) this.fundsColumnLabels.set(labelKey(label), column.key);
    for (const source of definition.funds?.sources ?? []) for (const label of source.labels) this.fundsSources.set(labelKey(label), source.source);
  }

  isNote(text: string): boolean {
    const s = labelKey(text);
    return this.notes.some((note) => s === note || (s.startsWith(note) && /^[:：、]/.test(s.slice(note.length))));
  }

  isSectionLabel(key: string): boolean {
    return this.section.has(key);
  }

  isFieldLabel(key: string): boolean {
    return this.fields.has(key) || this.extra.has(key);
  }

  fieldPath(key: string): FieldPath | undefined {
    return this.fields.get(key);
  }

  isExtraLabel(key: string): boolean {
    return this.extra.has(key);
  }

  isGoalRowLabel(key: string): boolean {
    return this.goalRowLabels.has(key);
  }

  /** The indicator table's header: two or more column labels on one row. */
  indicatorHeader(cells: ReturnType<typeof rowCells>): IndicatorColumn[] | null {
    const found = cells.filter(({ cell }) => this.indicatorRoles.has(labelKey(cell.text)));
    const levelRoles: IndicatorRole[] = ['level1', 'level2', 'level3'];
    const hasLevel = found.some(({ cell }) => this.indicatorRoles.get(labelKey(cell.text))!.some((r) => levelRoles.includes(r)));
    if (found.length < 2 || !hasLevel) return null;
    const rolesOf = (text: string) => this.indicatorRoles.get(labelKey(text))!;
    const weightColumns = found.filter(({ cell }) => rolesOf(cell.text).includes('weight')).length;
    const taken = new Set<IndicatorRole>();
    const columns: IndicatorColumn[] = [];
    for (const { col, cell } of found) {
      let role = rolesOf(cell.text).find((r) => !taken.has(r));
      // Scoring sheets print a 分值 column after each level: 一级│分值│二级│分值│三级│分值.
      const previous = columns[columns.length - 1]?.role;
      if (weightColumns > 1 && rolesOf(cell.text).includes('weight')) {
        if (previous === 'level1') role = 'level1Weight';
        else if (previous === 'level2') role = 'level2Weight';
        else role = 'weight';
      }
      if (!role || taken.has(role)) continue;
      taken.add(role);
      columns.push({ col, role });
    }
    return columns;
  }

  goalHeader(cells: ReturnType<typeof rowCells>): Array<{ col: number; to: 'planned' | 'achieved' | 'extra'; label: string }> | null {
    // `年度目标：` (with a colon) is a label with its value beside it, not a column header.
    const columns = cells
      .filter(({ cell }) => this.goalLabels.has(labelKey(cell.text)) && !/[:：]\s*$/.test(cell.text))
      .map(({ col, cell }) => ({ col, to: this.goalLabels.get(labelKey(cell.text))!, label: extraKey(cell.text) }));
    const others = cells.filter(({ cell }) => {
      const key = labelKey(cell.text);
      return !this.goalLabels.has(key) && !this.goalRowLabels.has(key);
    });
    return columns.length > 0 && others.length === 0 ? columns : null;
  }

  /** The funds grid's header: two or more column labels; its row labels (`项目资金`) are not columns. */
  fundsHeader(cells: ReturnType<typeof rowCells>): FundKey[] | null {
    if (!this.definition.funds) return null;
    const columns: FundKey[] = [];
    for (const { cell } of cells) {
      const key = labelKey(cell.text);
      const column = this.fundsColumnLabels.get(key);
      if (column && !this.fundsHeaderLabels.has(key)) columns.push(column);
    }
    const amounts = columns.filter((key) => key !== 'weight' && key !== 'score' && key !== 'executionRate');
    return columns.length >= 2 && amounts.length >= 1 ? columns : null;
  }

  fundsSource(key: string): FundSource | undefined {
    return this.fundsSources.get(key);
  }
}

/** A funds row: its source label, then one cell per column, counted from the label. */
function readFundsRow(draft: FormDraft, cells: ReturnType<typeof rowCells>, columns: FundKey[], labels: FormLabels): boolean {
  const at = cells.findIndex(({ cell }) => labels.fundsSource(labelKey(cell.text)) !== undefined);
  if (at < 0) return false;
  const labelCell = cells[at]!;
  const source = labels.fundsSource(labelKey(labelCell.cell.text))!;
  const values = splitMergedCells(
    cells.slice(at + 1).map(({ col, cell }) => ({ offset: col - labelCell.col - 1, cell })),
    columns.length,
  );
  const row = draft.funds.get(source) ?? new Map<FundKey, Raw | null>();
  columns.forEach((key, k) => {
    if (!row.has(key) || row.get(key) === null) row.set(key, values.get(k) ?? null);
  });
  draft.funds.set(source, row);
  return true;
}

/**
 * PDF-to-text tools sometimes print two adjacent cells as one (`100.00% 10.00`). When a row is short
 * of cells, a cell whose space-separated parts are each a complete number is split over the
 * following columns; otherwise spaces inside a cell are a line break and are dropped later.
 */
function splitMergedCells(values: Array<{ offset: number; cell: Raw }>, columns: number): Map<number, Raw> {
  const out = new Map<number, Raw>();
  const lastOffset = values.length ? values[values.length - 1]!.offset : -1;
  let spare = columns - 1 - lastOffset;
  let shift = 0;
  for (const { offset, cell } of values) {
    const parts = cell.text.trim().split(/\s+/);
    const complete = parts.length > 1 && parts.every((p) => parseDecimal(p.replace(/[%％]$/, '')) !== null) && parts.slice(0, -1).some((p) => /[%％]$|\.\d{2}$/.test(p));
    if (complete && spare >= parts.length - 1) {
      parts.forEach((text, k) => out.set(offset + shift + k, { text, prov: cell.prov }));
      shift += parts.length - 1;
      spare -= parts.length - 1;
    } else {
      out.set(offset + shift, cell);
    }
  }
  return out;
}

/** Goal text under the goal header: in order when the counts agree, else to the nearest column. */
function readGoalRow(
  draft: FormDraft,
  cells: ReturnType<typeof rowCells>,
  columns: Array<{ col: number; to: 'planned' | 'achieved' | 'extra'; label: string }>,
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
function readLabelValues(draft: FormDraft, rows: readonly Row[], i: number, end: number, labels: FormLabels, consumed: Set<number>): void {
  const cells = rowCells(rows[i]!);
  const hits: LabelHit[] = [];
  let pending: LabelHit | null = null;
  for (const { cell } of cells) {
    const segments = splitInlineLabels(cell, labels);
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
      if (nextCells.length === 1 && !splitInlineLabels(nextCells[0]!.cell, labels) && !labels.isNote(nextCells[0]!.cell.text)) {
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
function splitInlineLabels(cell: Raw, labels: FormLabels): LabelHit[] | null {
  const text = cell.text.trim();
  const whole = labelKey(text);
  if (labels.isFieldLabel(whole) || (/[:：]\s*$/.test(text) && whole.length > 0 && whole.length <= 20 && !labels.isNote(text))) {
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
