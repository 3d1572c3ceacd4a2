import { z } from 'zod';

/** A box in PDF points, origin top-left of the page: [x0, y0, x1, y1]. */
export const Box = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type Box = z.infer<typeof Box>;

/**
 * One cell of a table as the layout stage hands it on. Text exports have no geometry:
 * their `box` is null and `line` is the 1-based line of the file the cell came from.
 */
export const Cell = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  text: z.string(),
  /** 1-based page number; null for text exports. */
  page: z.number().int().positive().nullable(),
  /** PDF points, origin top-left; null when the input has no geometry. */
  box: Box.nullable(),
  /** 1-based line of a text export (where the cell starts) or of an HTML page's source (the cell's tag); null for other inputs. */
  line: z.number().int().positive().nullable(),
  /** 0..1 recognition confidence (OCR); null when the text was read, not recognized. */
  confidence: z.number().min(0).max(1).nullable(),
  /** The value as stored, where it differs from the displayed text (spreadsheets: `53520` for `53,520.00`). */
  stored: z.string().optional(),
});
export type Cell = z.infer<typeof Cell>;

export const Table = z.object({
  /** Pages the table covers, 1-based; empty for text exports. */
  pages: z.array(z.number().int().positive()),
  rows: z.number().int().nonnegative(),
  cols: z.number().int().nonnegative(),
  cells: z.array(Cell),
  method: z.enum(['text', 'pdf-text', 'ocr', 'xlsx']),
  /**
   * How the table was found: `ruled` (a grid of rules; an HTML `<table>`, its cells placed exactly
   * by its markup), `aligned` (whitespace columns), `lines` (text outside any table: titles,
   * label/value lines, footers), or `grid` (spreadsheets, text exports).
   */
  kind: z.enum(['grid', 'ruled', 'aligned', 'lines']).optional(),
  /** Rows that start on a new page (a table continued over pages): the forms stage sees a break there. */
  breaks: z.array(z.number().int().nonnegative()).optional(),
});
export type Table = z.infer<typeof Table>;
