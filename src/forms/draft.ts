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
}

export interface IndicatorDraft {
  level1: Raw | null;
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
export interface FormDraft {
  definition: FormDefinition;
  title: Raw;
  year: Raw | null;
  fields: Map<Exclude<FieldPath, 'ignore'>, Raw | null>;
  /** The unit printed with the money labels (`项目资金（元）`), when any. */
  unit: Raw | null;
  funds: Map<FundSource, Map<FundKey, Raw | null>>;
  goal: { planned: Raw | null; achieved: Raw | null } | null;
  extra: Array<{ label: string; value: Raw | null }>;
  indicators: IndicatorDraft[];
  totalWeight: Raw | null;
  totalScore: Raw | null;
  gradeBands: GradeBand[] | null;
  file: string;
  pages: number[];
  method: Method;
}
