import type { FieldPath, FormDefinition, IndicatorRole } from './definition.js';
import type { FundKey, FundSource } from '../schema/record.js';
import { keySet, labelKey } from './labels.js';
import type { RowCell } from './rows.js';
import { extraKey } from '../normalize/text.js';

/** A column of the indicator table: where its header sits (first grid column, span) and what it holds. */
export interface IndicatorColumn {
  col: number;
  /** Grid columns the header covers (1 for text exports). */
  span: number;
  role: IndicatorRole;
  /** The printed header, as an `extra` key (whitespace and trailing colon removed). */
  label: string;
}

/** A column of the funds grid; `key` null for a column the contract has no field for (`原因`, `备注`). */
export interface FundsColumn {
  col: number;
  span: number;
  key: FundKey | null;
  label: string;
}

export interface GoalColumn {
  col: number;
  to: 'planned' | 'achieved' | 'extra';
  label: string;
}

const LEVEL_ROLES: readonly IndicatorRole[] = ['level1', 'level2', 'level3'];

/** Label lookups for one definition, built once per definition (definitions are frozen). */
export class FormLabels {
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
  private readonly required: Set<string>;
  /** The family prints a 分值 column after its level columns (scoring sheets). */
  private readonly levelWeights: boolean;

  constructor(readonly definition: FormDefinition) {
    for (const rule of definition.fields) for (const label of rule.labels) this.fields.set(labelKey(label), rule.path);
    this.extra = keySet(definition.extraLabels);
    this.notes = definition.noteLabels.map(labelKey);
    this.section = keySet(definition.sectionLabels);
    this.total = keySet(definition.indicators.totalLabels);
    this.required = keySet(definition.requiredLabels);
    this.levelWeights = definition.indicators.columns.some((c) => c.role === 'level1Weight' || c.role === 'level2Weight');
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

  isRequiredLabel(key: string): boolean {
    return this.required.has(key);
  }

  /**
   * The total row's label. A section label merged down the margin (`绩效指标`) often runs into the
   * total cell beside it when a table is cut by a page (`绩效指标总分`): a section label before or after
   * a total label is still the total.
   */
  isTotal(key: string): boolean {
    if (this.total.has(key)) return true;
    for (const section of this.section) {
      if (key.startsWith(section) && this.total.has(key.slice(section.length))) return true;
      if (key.endsWith(section) && this.total.has(key.slice(0, key.length - section.length))) return true;
    }
    return false;
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

  isIndicatorLabel(key: string): boolean {
    return this.indicatorRoles.has(key);
  }

  /**
   * The indicator table's header: two or more column labels on one row, one of them a level. Every
   * other cell of the row is a column too (`指标性质`, `评分标准`, …: an `extra` column under its printed
   * label), so the values under it are never glued onto a neighbour. Section labels in the margin
   * (`绩效指标`) are not columns.
   */
  indicatorHeader(cells: readonly RowCell[]): IndicatorColumn[] | null {
    const rolesOf = (text: string) => this.indicatorRoles.get(labelKey(text));
    const found = cells.filter(({ cell }) => rolesOf(cell.text));
    const hasLevel = found.some(({ cell }) => rolesOf(cell.text)!.some((r) => LEVEL_ROLES.includes(r)));
    if (found.length < 2 || !hasLevel) return null;
    const weightColumns = found.filter(({ cell }) => rolesOf(cell.text)!.includes('weight')).length;
    const taken = new Set<IndicatorRole>();
    const columns: IndicatorColumn[] = [];
    const firstKnown = found[0]!.col;
    for (const { col, span, cell } of cells) {
      const key = labelKey(cell.text);
      const label = extraKey(cell.text);
      const roles = rolesOf(cell.text);
      if (!roles) {
        // Margin labels left of the table (`绩效指标`, `项目绩效指标(90分)`) are not columns.
        if (col < firstKnown || this.section.has(key)) continue;
        columns.push({ col, span, role: 'extra', label });
        continue;
      }
      let role = roles.find((r) => !taken.has(r));
      // Scoring sheets print a 分值 column after each level: 一级│分值│二级│分值│三级│分值.
      const previous = columns[columns.length - 1]?.role;
      if (weightColumns > 1 && roles.includes('weight') && this.levelWeights) {
        if (previous === 'level1') role = 'level1Weight';
        else if (previous === 'level2') role = 'level2Weight';
        else role = 'weight';
      }
      if (!role || (taken.has(role) && role !== 'extra' && role !== 'ignore')) {
        columns.push({ col, span, role: 'extra', label });
        continue;
      }
      taken.add(role);
      columns.push({ col, span, role, label });
    }
    return columns;
  }

  goalHeader(cells: readonly RowCell[]): GoalColumn[] | null {
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

  /**
   * The funds grid's header: two or more column labels, one an amount. Its row labels (`项目资金`,
   * `资金来源`, `年度预算数(万元)`) left of the first column label are not columns; a cell right of
   * it that names no contract field (`原因`) is a column of its own, so nothing under it is misplaced.
   */
  fundsHeader(cells: readonly RowCell[]): FundsColumn[] | null {
    if (!this.definition.funds) return null;
    const known = cells.filter(({ cell }) => {
      const key = labelKey(cell.text);
      return this.fundsColumnLabels.has(key) && !this.fundsHeaderLabels.has(key);
    });
    const amounts = known.filter(({ cell }) => !['weight', 'score', 'executionRate'].includes(this.fundsColumnLabels.get(labelKey(cell.text))!));
    if (known.length < 2 || amounts.length < 1) return null;
    const first = known[0]!.col;
    const taken = new Set<FundKey>();
    const columns: FundsColumn[] = [];
    for (const { col, span, cell } of cells) {
      if (col < first) continue;
      let key = this.fundsColumnLabels.get(labelKey(cell.text)) ?? null;
      if (key && taken.has(key)) key = null;
      if (key) taken.add(key);
      columns.push({ col, span, key, label: extraKey(cell.text) });
    }
    return columns;
  }

  fundsSource(key: string): FundSource | undefined {
    return this.fundsSources.get(key);
  }

  isFundsHeaderLabel(key: string): boolean {
    return this.fundsHeaderLabels.has(key);
  }
}

const cache = new WeakMap<FormDefinition, FormLabels>();

/** The label lookups of a definition, made once. */
export function formLabels(definition: FormDefinition): FormLabels {
  let labels = cache.get(definition);
  if (!labels) {
    labels = new FormLabels(definition);
    cache.set(definition, labels);
  }
  return labels;
}
