import { JixiaoError, toJixiaoError } from './errors.js';
import { detectKind } from './ingest/detect-kind.js';
import { readPdf } from './pdf/read-pdf.js';
import { layoutDocument, type LayoutOptions } from './layout/layout-document.js';
import type { Table } from './schema/table.js';

export interface PageSummary {
  page: number;
  width: number;
  height: number;
  rotate: number;
  /** The page has no usable text layer (none, or not plausible text): it needs OCR. */
  needsOcr: boolean;
}

/**
 * The tables of a PDF, as the layout stage finds them (ruled grids, whitespace-aligned tables;
 * continued tables joined across pages). Boxes are PDF points, origin top-left of the page as
 * displayed (after /Rotate). For documents that are not forms at all, too.
 */
export async function extractTables(bytes: Uint8Array, file: string, options: LayoutOptions = {}): Promise<{ pages: PageSummary[]; tables: Table[] }> {
  if (detectKind(bytes) !== 'pdf') throw new JixiaoError('UNSUPPORTED_INPUT', `${file} is not a PDF`, { file, stage: 'extract' });
  try {
    const pages = await readPdf(bytes, file);
    const { tables } = layoutDocument(pages, options);
    return {
      pages: pages.map((p) => ({ page: p.page, width: p.width, height: p.height, rotate: p.rotate, needsOcr: p.textLayer !== 'ok' })),
      tables,
    };
  } catch (err) {
    throw toJixiaoError(err, { file, stage: 'layout' });
  }
}
