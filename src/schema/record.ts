import { z } from 'zod';

/** A decimal number as a string ("371129.24"); never a float. */
const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string such as "371129.24"');

export const Op = z.enum(['>=', '>', '<=', '<', '=']);
export type Op = z.infer<typeof Op>;

/** A target or actual value: the printed text and what it says. */
export const Measure = z.object({
  text: z.string(),
  op: Op.nullable(),
  value: DecimalString.nullable(),
  unit: z.string().nullable(),
});
export type Measure = z.infer<typeof Measure>;

export const Indicator = z.object({
  level1: z.string().nullable(),
  /** Category weight printed in the 一级 label (`投入与管理 (36分)`) or its 分值 column. */
  level1Weight: DecimalString.nullable().optional(),
  level2: z.string().nullable(),
  level2Weight: DecimalString.nullable().optional(),
  level3: z.string().nullable(),
  explanation: z.string().nullable(),
  target: Measure.nullable(),
  actual: Measure.nullable(),
  weight: DecimalString.nullable(),
  score: DecimalString.nullable(),
  deviation: z.string().nullable(),
  /** The printed 指标性质 (正向/反向, 定量/定性, or a comparator), on forms that print it in a column. */
  nature: z.string().nullable().optional(),
  /** Columns the contract has no field for, keyed by their printed header (whitespace removed). */
  extra: z.record(z.string(), z.string().nullable()).optional(),
});
export type Indicator = z.infer<typeof Indicator>;

/** Amounts in 元 (converted from the printed unit); rates without the % sign. */
export const FundsRow = z.object({
  initialBudget: DecimalString.nullable().optional(),
  annualBudget: DecimalString.nullable().optional(),
  executed: DecimalString.nullable().optional(),
  requested: DecimalString.nullable().optional(),
  previousYearBudget: DecimalString.nullable().optional(),
  weight: DecimalString.nullable().optional(),
  executionRate: DecimalString.nullable().optional(),
  score: DecimalString.nullable().optional(),
});
export type FundsRow = z.infer<typeof FundsRow>;

export const FUND_SOURCES = ['total', 'currentYear', 'carryOver', 'other'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const FUND_KEYS = [
  'initialBudget', 'annualBudget', 'executed', 'requested', 'previousYearBudget', 'weight', 'executionRate', 'score',
] as const;
export type FundKey = (typeof FUND_KEYS)[number];

export const Funds = z.object({
  total: FundsRow.nullable(),
  currentYear: FundsRow.nullable(),
  carryOver: FundsRow.nullable(),
  other: FundsRow.nullable(),
});
export type Funds = z.infer<typeof Funds>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
  /** Path into the record, 0-based indexes: `indicators[3].actual`. */
  field: z.string(),
  expected: z.string().nullable(),
  found: z.string().nullable(),
  message: z.string(),
});
export type Finding = z.infer<typeof Finding>;

/** Where one value came from. Boxes are PDF points, origin top-left. */
export const Provenance = z.object({
  page: z.number().int().positive().nullable(),
  line: z.number().int().positive().nullable(),
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  /** `ocr` when the value was recognized in a page image; absent when it was read as text. */
  method: z.literal('ocr').optional(),
  /** 0..1 recognition confidence of an OCR value (its least sure word). */
  confidence: z.number().min(0).max(1).optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const FORM_TYPES = [
  'project-self-evaluation', 'project-self-assessment', 'project-goal-declaration', 'evaluation-scoring',
] as const;
export const FormType = z.enum(FORM_TYPES);
export type FormType = z.infer<typeof FormType>;

export const Method = z.enum(['text', 'pdf-text', 'ocr', 'xlsx']);
export type Method = z.infer<typeof Method>;

/** One form, as in CONTRACT.md (records v1). Fields beyond the contract: `provenance`. */
export const Record = z.object({
  formType: FormType,
  title: z.string(),
  year: z.number().int().nullable(),
  projectName: z.string().nullable(),
  department: z.string().nullable(),
  implementingUnit: z.string().nullable(),
  amountUnit: z.enum(['元', '万元']).nullable(),
  funds: Funds.nullable(),
  /** Funds rows for sources the contract has no key for (`财政专户管理资金`, `单位资金`), by printed label. */
  otherFundSources: z.record(z.string(), FundsRow).optional(),
  goal: z.object({ planned: z.string().nullable(), achieved: z.string().nullable() }).nullable(),
  indicators: z.array(Indicator),
  totalWeight: DecimalString.nullable(),
  totalScore: DecimalString.nullable(),
  grade: z.string().nullable(),
  extra: z.record(z.string(), z.string().nullable()),
  findings: z.array(Finding),
  source: z.object({
    file: z.string(),
    pages: z.array(z.number().int().positive()),
    method: Method,
  }),
  /** Field path → where its value was read (file is `source.file`). */
  provenance: z.record(z.string(), Provenance),
});
export type Record = z.infer<typeof Record>;

/** The line written for a file that could not be read. */
export const ErrorLine = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  source: z.object({ file: z.string(), kind: z.string().nullable() }),
});
export type ErrorLine = z.infer<typeof ErrorLine>;
