import type { FormType, FundKey, FundSource } from '../schema/record.js';

/**
 * A form family, as data. The engine in src/forms interprets it; adding a family is a new file in
 * pipelines/, not a change here. Every label list is compared after `normalizeLabel` (no
 * whitespace, half-width, no trailing colon, no `其中：` prefix, no unit in parentheses).
 */
export interface FormDefinition {
  readonly formType: FormType;
  /** Patterns for the title row (its only cell, whitespace removed). */
  readonly titles: readonly RegExp[];
  /** A form is only accepted when one of these labels is found in it (weeds out prose that names a form). */
  readonly requiredLabels: readonly string[];
  /** Label/value pairs of the header (and footer): printed label → record path. */
  readonly fields: readonly FieldRule[];
  /** Labels whose value goes to `extra` under its printed label; any label ending in `：` does too. */
  readonly extraLabels: readonly string[];
  /** Labels that start notes, not values (`备注`, `说明`): their rows are skipped. */
  readonly noteLabels: readonly string[];
  /** Labels of whole sections printed in a margin column (`绩效指标`): never a value. */
  readonly sectionLabels: readonly string[];
  readonly funds?: FundsGrid;
  readonly goal?: GoalColumns;
  readonly indicators: IndicatorTable;
  /** Rule names (CONTRACT.md) that apply to this family. */
  readonly checks: readonly string[];
}

export type FieldPath =
  | 'projectName'
  | 'department'
  | 'implementingUnit'
  | 'grade'
  | 'amountUnit'
  | 'goal.planned'
  | 'goal.achieved'
  | `funds.${FundSource}.${FundKey}`
  | 'ignore';

export interface FieldRule {
  readonly labels: readonly string[];
  readonly path: FieldPath;
}

/** A funds table: a header row naming the columns, then one row per source of money. */
export interface FundsGrid {
  /** Labels of the header row's first cells (`项目资金`, `资金来源`); they are not columns. */
  readonly headerLabels: readonly string[];
  readonly columns: ReadonlyArray<{ readonly labels: readonly string[]; readonly key: FundKey }>;
  readonly sources: ReadonlyArray<{ readonly labels: readonly string[]; readonly source: FundSource }>;
}

/** The goal block: a header row naming columns, then the text under them. */
export interface GoalColumns {
  readonly columns: ReadonlyArray<{ readonly labels: readonly string[]; readonly to: 'planned' | 'achieved' | 'extra' }>;
  /** Row labels printed to the left of the goal block (`年度总体目标`). */
  readonly rowLabels: readonly string[];
}

/**
 * What an indicator column holds. `nature` (指标性质) and `unit` (度量单位) give the target and actual
 * their comparator and unit; `extra` keeps a column under its printed header; `ignore` drops it (序号).
 * A header cell no family label names is an `extra` column.
 */
export type IndicatorRole =
  | 'level1' | 'level1Weight' | 'level2' | 'level2Weight' | 'level3'
  | 'explanation' | 'target' | 'actual' | 'weight' | 'score' | 'deviation'
  | 'nature' | 'unit' | 'extra' | 'ignore';

export interface IndicatorTable {
  /** Header labels → column role. A label listed under several roles takes the first role still free. */
  readonly columns: ReadonlyArray<{ readonly labels: readonly string[]; readonly role: IndicatorRole }>;
  /** Labels of the total row (`总分`, `合计`). */
  readonly totalLabels: readonly string[];
  /**
   * `standard`: 一级/二级 labels follow the national hierarchy (a 二级 label printed without its
   * 一级 gets the standard parent). `categories`: 一级 labels carry a weight (`投入与管理 (36分)`)
   * and are printed once somewhere in their span. `free`: labels are taken as printed.
   */
  readonly hierarchy: 'standard' | 'categories' | 'free';
  /** For `standard`: 一级 label → its 二级 labels (pipelines/standard-hierarchy.ts). */
  readonly levels?: Readonly<Record<string, readonly string[]>>;
  /** For `categories`: the category names the form family uses (mends OCR readings of them; others are kept as printed). */
  readonly categoryNames?: readonly string[];
}

/** Declares a form family: checks its shape at compile time and freezes it, deeply, at run time. */
export function defineForm(definition: FormDefinition): FormDefinition {
  return deepFreeze(definition);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof RegExp) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
