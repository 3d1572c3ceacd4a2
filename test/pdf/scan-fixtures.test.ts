import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractTables } from '../../src/extract-tables.js';
import { FIXTURES_DIR, readJsonl, readManifest } from '../../scripts/lib/manifest.js';

// The scanned fixtures (scripts/make-scan-fixtures.ts) are what they claim to be: image-only pages
// (no text layer for the PDF reader) one form per page, except the mixed document's text page.
const scans = readManifest().filter((e) => e.file.startsWith('scan/'));

describe('scanned fixtures', () => {
  it('lists the four seed scans and three special pages, each held to an F1 floor or pending OCR', () => {
    expect(scans.map((e) => e.id)).toEqual([
      'scan/changning-2023-self-evaluation.scan.pdf',
      'scan/putuo-2024-goal-declaration.scan.pdf',
      'scan/shanghai-2019-self-assessment.scan.pdf',
      'scan/yuanjiang-2023-self-evaluation-report.scan.pdf',
      'scan/special/low-quality.pdf',
      'scan/special/mixed-text-and-scan.pdf',
      'scan/special/rotated-90.pdf',
    ]);
    expect(scans.every((e) => e.kind === 'pdf' && e.golden)).toBe(true);
    // Each scan is either held to a floor by bench:accuracy or still pending (the 110-dpi page: no form found).
    expect(scans.filter((e) => e.pending === 'ocr').map((e) => e.id)).toEqual(['scan/special/low-quality.pdf']);
    expect(scans.filter((e) => e.id.endsWith('.scan.pdf')).map((e) => e.minF1)).toEqual([0.97, 0.97, 0.97, 0.97]);
  });

  it.each(scans.map((e) => [e.id, e] as const))('%s: one page per expected form, no text layer on scanned pages', async (id, entry) => {
    const { pages } = await extractTables(readFileSync(join(FIXTURES_DIR, entry.file)), entry.file);
    expect(pages).toHaveLength(readJsonl(join(FIXTURES_DIR, entry.golden!)).length);
    const textPages = id.endsWith('mixed-text-and-scan.pdf') ? [1] : [];
    expect(pages.map((p) => p.needsOcr)).toEqual(pages.map((p) => !textPages.includes(p.page)));
    for (const p of pages) {
      expect(p.rotate).toBe(0);
      // A4 within a few points (the image size at the scan resolution sets the page size).
      const [short, long] = [Math.min(p.width, p.height), Math.max(p.width, p.height)];
      expect(Math.abs(short - 595.3)).toBeLessThan(2);
      expect(Math.abs(long - 841.9)).toBeLessThan(2);
      expect(p.width > p.height).toBe(id.endsWith('rotated-90.pdf'));
    }
  });
});
