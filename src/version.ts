/**
 * The extractor's version, stored with every archived document: raise it when a change alters what
 * is extracted, and `jixiao ingest` reprocesses documents archived by an older version on purpose.
 * Kept equal to package.json's version (a test checks).
 */
export const EXTRACTOR_VERSION = '0.3.0';
