import { z } from 'zod';
import { Box } from '../schema/table.js';

/** A run of text on a page: box in PDF points, origin top-left of the (rotated) page. */
export const TextRun = z.object({
  text: z.string(),
  box: Box,
  /** Font size in points, along the text direction. */
  size: z.number(),
  /** 0..1 for text recognized by OCR; absent for text read from the text layer. */
  confidence: z.number().min(0).max(1).optional(),
});
export type TextRun = z.infer<typeof TextRun>;

/** A ruling line: horizontal (y fixed) or vertical (x fixed), in the same coordinates. */
export const Segment = z.object({
  dir: z.enum(['h', 'v']),
  /** y for horizontal, x for vertical. */
  at: z.number(),
  from: z.number(),
  to: z.number(),
});
export type Segment = z.infer<typeof Segment>;

/** What the extract stage reads off one page. */
export const PageContent = z.object({
  page: z.number().int().positive(),
  width: z.number(),
  height: z.number(),
  rotate: z.number(),
  runs: z.array(TextRun),
  segments: z.array(Segment),
  /** `ok`, or why the text layer cannot be used and the page needs OCR. */
  textLayer: z.enum(['ok', 'empty', 'garbled']),
});
export type PageContent = z.infer<typeof PageContent>;
