/**
 * The OCR fallback end to end with the real engine (tesseract.js, chi_sim and eng from npm) on the
 * committed scans (scripts/make-scan-fixtures.ts). A few pages only, so CI stays fast.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extract, extractFile } from '../../src/extract.js';
import { ocrDocument } from '../../src/ocr/ocr-document.js';
import { ocrPage } from '../../src/ocr/ocr-page.js';
import { rotate } from '../../src/ocr/raster.js';
import { renderPages } from '../../src/ocr/render-pages.js';
import { TesseractPool } from '../../src/ocr/tesseract-pool.js';
import { FIXTURES_DIR } from '../../scripts/lib/manifest.js';
import { valueAt } from '../../src/check/ocr-doubtful.js';
import type { Record } from '../../src/schema/record.js';

const pool = new TesseractPool({ workers: 2 });
afterAll(() => pool.close());
const bytes = (file: string) => new Uint8Array(readFileSync(join(FIXTURES_DIR, file)));

describe('OCR fallback', () => {
  it('routes page by page: a text page keeps its text layer, the scanned page is read by OCR', { timeout: 180_000 }, async () => {
    const result = await extract(bytes('scan/special/mixed-text-and-scan.pdf'), 'mixed.pdf', { ocr: pool });
    expect(result.pagesOcr).toEqual([2]);
    expect(result.pagesNeedingOcr).toEqual([]);
    const [text, scan] = result.records;
    expect(text!.source).toEqual({ file: 'mixed.pdf', pages: [1], method: 'pdf-text' });
    expect(Object.values(text!.provenance).some((p) => p.method === 'ocr' || p.confidence !== undefined)).toBe(false);
    expect(scan!.source).toEqual({ file: 'mixed.pdf', pages: [2], method: 'ocr' });
    expect(scan!.projectName).toBe('医疗保险业务经费');
    const prov = scan!.provenance.projectName!;
    expect(prov).toMatchObject({ page: 2, method: 'ocr' });
    expect(prov.confidence).toBeGreaterThan(0);
    expect(prov.confidence).toBeLessThanOrEqual(1);
    // The seal covers the funds column: every amount under it is read as printed.
    const expected = JSON.parse(readFileSync(join(FIXTURES_DIR, 'scan/special/mixed-text-and-scan.expected.jsonl'), 'utf8').trim().split('\n')[1]!) as Record;
    for (const source of ['total', 'currentYear', 'carryOver', 'other'] as const) {
      expect(scan!.funds?.[source]?.requested).toBe(expected.funds![source]!.requested);
    }
    // Unsure values are reported for a person to check, each with the value as read; none is changed.
    const doubtful = scan!.findings.filter((f) => f.rule === 'ocr.doubtful');
    expect(doubtful.length).toBeGreaterThan(0);
    for (const f of doubtful) {
      expect(f.severity).toBe('warning');
      expect(f.found).toBe(valueAt(scan!, f.field));
      expect(scan!.provenance[f.field]).toMatchObject({ method: 'ocr' });
    }
  });

  it('reads a sideways, skewed, sealed page upright and gives boxes on the page as displayed', { timeout: 180_000 }, async () => {
    const read = await ocrDocument(bytes('scan/special/rotated-90.pdf'), 'rotated.pdf', [1], { pool });
    const t = read.transforms.get(1)!;
    expect(t.quarter).toBe(1); // scanned turned clockwise: one counter-clockwise quarter turn reads it
    expect(Math.abs(t.skew)).toBeGreaterThan(0.4);
    expect(Math.abs(t.skew)).toBeLessThan(1.0);
    expect(read.pages[0]!.width).toBeLessThan(read.pages[0]!.height); // read upright: portrait

    const { records } = await extract(bytes('scan/special/rotated-90.pdf'), 'rotated.pdf', { ocr: pool });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ formType: 'project-self-evaluation', year: 2023, source: { method: 'ocr', pages: [1] } });
    expect(records[0]!.title).toBe('2023年度项目支出绩效自评表');
    // The page is landscape (842 × 595 pt): every box lies on it.
    for (const p of Object.values(records[0]!.provenance)) {
      expect(p.box![0]).toBeGreaterThanOrEqual(0);
      expect(p.box![2]).toBeLessThanOrEqual(842);
      expect(p.box![3]).toBeLessThanOrEqual(596);
    }
  });

  it('reads a page scanned upside down', { timeout: 180_000 }, async () => {
    const read: Array<Awaited<ReturnType<typeof ocrPage>>> = [];
    await renderPages(bytes('scan/special/mixed-text-and-scan.pdf'), 'mixed.pdf', [2], async ({ page, image, scale }) => {
      read.push(await ocrPage(page, rotate(image, 180), scale, pool));
    });
    expect(read[0]!.transform.quarter).toBe(2);
    const texts = read[0]!.content.runs.map((r) => r.text);
    expect(texts).toContain('项目名称');
    expect(texts).toContain('医疗保险业务经费');
  });

  it('reports pages it did not read when OCR is turned off', async () => {
    await expect(extractFile(join(FIXTURES_DIR, 'pdf/edge/garbled-font.pdf'), { ocr: false })).rejects.toMatchObject({ code: 'NEEDS_OCR' });
    const result = await extract(bytes('scan/special/mixed-text-and-scan.pdf'), 'mixed.pdf', { ocr: false });
    expect(result.pagesNeedingOcr).toEqual([2]);
    expect(result.records.map((r) => r.source.pages)).toEqual([[1]]);
  });
});
