/**
 * One error class for everything that stops a file, with a closed set of codes.
 * Findings (arithmetic problems in a form) are data, never errors: see src/check.
 */
export const ERROR_CODES = [
  'EMPTY_INPUT',
  'UNSUPPORTED_INPUT',
  'TEXT_DECODE_FAILED',
  'NO_FORMS_FOUND',
  'PDF_ENCRYPTED',
  'PDF_CORRUPT',
  'XLSX_ENCRYPTED',
  'XLSX_CORRUPT',
  'NEEDS_OCR',
  'OCR_TIMEOUT',
  'PARSE_TIMEOUT',
  'INPUT_TOO_LARGE',
  'HOSTILE_INPUT',
  'READ_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorContext {
  file?: string;
  /** The input kind detected from the bytes, when known. */
  kind?: string;
  page?: number;
  stage?: 'ingest' | 'extract' | 'ocr' | 'layout' | 'forms' | 'normalize' | 'check' | 'sink';
}

export class JixiaoError extends Error {
  override readonly name = 'JixiaoError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly context: ErrorContext = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Wraps anything thrown into a JixiaoError so callers only ever see coded errors. */
export function toJixiaoError(err: unknown, context: ErrorContext): JixiaoError {
  if (err instanceof JixiaoError) {
    // Keep the error; add context it does not have yet (the file, the detected kind).
    const known = err.context as Record<string, unknown>;
    const missing = Object.entries(context).some(([key, value]) => value !== undefined && known[key] === undefined);
    return missing ? new JixiaoError(err.code, err.message, { ...context, ...err.context }, { cause: err.cause ?? err }) : err;
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new JixiaoError('INTERNAL', `unexpected failure: ${detail}`, context, { cause: err });
}
