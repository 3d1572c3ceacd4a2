import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * pdf.js fully offline, for reading and for rendering alike: character maps, standard fonts and
 * wasm decoders come from the installed package; no XFA, no eval, no system fonts, nothing fetched.
 * Callers add what differs (font handling, the image size limit).
 */
export const OFFLINE_OPTIONS = Object.freeze({
  cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
  cMapPacked: true,
  standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
  wasmUrl: join(PDFJS_DIR, 'wasm') + '/',
  enableXfa: false,
  isEvalSupported: false,
  useSystemFonts: false,
  verbosity: 0,
});

/**
 * pdf.js for pictures (the review page's crops, OCR's page images): fonts drawn as paths, images
 * decoded up to `maxImageSize` pixels each (larger ones are skipped), no OffscreenCanvas in Node.
 */
export function renderOptions(maxImageSize: number) {
  return { ...OFFLINE_OPTIONS, disableFontFace: true, maxImageSize, isOffscreenCanvasSupported: false };
}

/** The promise, or `onTimeout()`'s error after `ms` (the caller cancels what it started there). */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
