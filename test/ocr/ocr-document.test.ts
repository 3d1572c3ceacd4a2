/**
 * ocrDocument reads two pages at once: a page that fails stops the document with that page's
 * error, and only after every page already started has finished (nothing is left running on the
 * pool). The engine here fails on purpose; the real engine is tested in ocr-engine.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrDocument } from '../../src/ocr/ocr-document.js';
import type { TesseractPool } from '../../src/ocr/tesseract-pool.js';
import { FIXTURES_DIR } from '../../scripts/lib/manifest.js';

describe('ocrDocument', () => {
  it('fails with the first failing page’s error once the pages in flight are done', { timeout: 60_000 }, async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES_DIR, 'scan/putuo-2024-goal-declaration.scan.pdf')));
    let pending = 0;
    let calls = 0;
    const failing = {
      recognize: async () => {
        calls++;
        pending++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        pending--;
        throw new Error('engine failed');
      },
    } as unknown as TesseractPool;
    const pages: number[] = [];
    await expect(ocrDocument(bytes, 'putuo.pdf', [1, 2, 3, 4], { pool: failing, onPage: (p) => pages.push(p) })).rejects.toThrow('engine failed');
    expect(calls).toBeGreaterThan(0);
    expect(pending).toBe(0);
    expect(pages).toEqual([]);
  });

  it('returns the pages in page order whatever order they finish in', { timeout: 60_000 }, async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES_DIR, 'scan/putuo-2024-goal-declaration.scan.pdf')));
    // Reads nothing, slower for every other call: pages finish out of order.
    let calls = 0;
    const blank = {
      recognize: async () => {
        await new Promise((resolve) => setTimeout(resolve, ++calls % 2 ? 3 : 0));
        return { text: '', confidence: 0, words: [] };
      },
    } as unknown as TesseractPool;
    const done: number[] = [];
    const read = await ocrDocument(bytes, 'putuo.pdf', [3, 1, 2], { pool: blank, onPage: (p) => done.push(p) });
    expect(read.pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect([...read.transforms.keys()].sort()).toEqual([1, 2, 3]);
    expect(done.sort()).toEqual([1, 2, 3]);
  });
});
