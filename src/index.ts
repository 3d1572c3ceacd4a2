/** jixiao's public API: extraction, the contract schemas, the writers and the error class. */
export { extract, extractFile, type ExtractOptions, type ExtractResult } from './extract.js';
export { extractBatch, type BatchOptions, type FileOutcome } from './runtime/extract-batch.js';
export { Record, Indicator, Measure, Finding, Funds, FundsRow, ErrorLine, Provenance } from './schema/record.js';
export { Table, Cell } from './schema/table.js';
export { toJsonl } from './sink/jsonl.js';
export { recordsToWorkbook } from './sink/xlsx.js';
export { JixiaoError, ERROR_CODES, type ErrorCode } from './errors.js';
export { defineForm, type FormDefinition } from './forms/definition.js';
export { FORM_DEFINITIONS } from '../pipelines/index.js';
