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
