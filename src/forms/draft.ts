import type { FormDefinition, FieldPath } from './definition.js';
import type { FundKey, FundSource, Method, Provenance } from '../schema/record.js';

/** A printed string and where it was read. */
export interface Raw {
  text: string;
  prov: Provenance;
}

/** One row of the document as the forms stage reads it: cells by column, or a break. */
export interface Row {
  index: number;
  /** Sparse: cells[col] is undefined where the row prints nothing. */
  cells: Array<Raw | undefined>;
  /** True for a line without text (in text exports often a page break) and between tables. */
  blank: boolean;
  /** The cells sit in their true columns (spreadsheets, ruled PDF grids), unlike text exports. */
  exactColumns?: boolean;
  /** Exact grids only, sparse: spans[col] is the column span of the cell at col when over 1. */
  spans?: number[];
}

export interface IndicatorDraft {
  level1: Raw | null;
  /** 指标性质 (正向/反向, or the comparator), when the form prints it in a column of its own. */
  nature: Raw | null;
  /** 度量单位, when the form prints it in a column of its own. */
  unit: Raw | null;
  /** Columns the contract has no field for, under their printed header (null: empty in this row). */
  extra: Array<{ label: string; value: Raw | null }>;
  level1Weight: Raw | null;
  level2: Raw | null;
  level2Weight: Raw | null;
  level3: Raw | null;
  explanation: Raw | null;
  target: Raw | null;
  actual: Raw | null;
  weight: Raw | null;
  score: Raw | null;
  deviation: Raw | null;
}

/** A grade band: scores in [min, max) get `grade` (max null = no upper bound). */
export interface GradeBand {
  grade: string;
  min: string;
  max: string | null;
  /** Whether max itself belongs to the band (`90（含）-100分` does). */
  maxInclusive: boolean;
}

/** The forms stage's output: labelled raw strings, not yet normalized. */
/** What the reader itself was unsure of, or could not read: `read.doubtful` / `read.incomplete` findings. */
export interface ReadingNote {
  kind: 'doubtful' | 'incomplete';
  /** The part of the record concerned: `funds`, `funds.total`, `indicators`, `indicators[3]`. */
  field: string;
  message: string;
}

export interface FormDraft {
  definition: FormDefinition;
  /** The title row; null for a form found by its header rows alone (a scoring table inside a report). */
  title: Raw | null;
  year: Raw | null;
  fields: Map<Exclude<FieldPath, 'ignore'>, Raw | null>;
  /** The unit printed with the money labels (`项目资金（元）`), when any. */
  unit: Raw | null;
  funds: Map<FundSource, Map<FundKey, Raw | null>>;
  /** Funds rows for sources the contract has no key for (`财政专户管理资金`), by printed label. */
  otherFunds: Map<string, Map<FundKey, Raw | null>>;
  goal: { planned: Raw | null; achieved: Raw | null } | null;
  extra: Array<{ label: string; value: Raw | null }>;
  indicators: IndicatorDraft[];
  totalWeight: Raw | null;
  totalScore: Raw | null;
  gradeBands: GradeBand[] | null;
  file: string;
  pages: number[];
  method: Method;
  /** The roles of the indicator table's columns (whether it prints 指标性质, …). */
  indicatorColumns?: Set<string>;
  notes: ReadingNote[];
}
