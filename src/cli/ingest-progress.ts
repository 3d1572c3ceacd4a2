import type { IngestProgress } from '../runtime/ingest.js';
import type { Io } from './main.js';

/**
 * Progress of `jixiao ingest`: a live line on a terminal (files, pages, forms, findings, errors,
 * rate, ETA), a plain line every 10 seconds otherwise, so logs of long runs show where they are.
 */
export class IngestProgressLine {
  private last = 0;
  private shown = false;

  constructor(
    private readonly out: Io['stderr'],
    private readonly quiet: boolean,
  ) {}

  update(p: IngestProgress): void {
    if (this.quiet) return;
    const now = Date.now();
    const rate = p.done / Math.max(0.001, (now - p.startedAt) / 1000);
    const eta = rate > 0 ? Math.round((p.files - p.done) / rate) : 0;
    const width = 24;
    const filled = Math.round((p.done / Math.max(1, p.files)) * width);
    const text =
      `${p.done}/${p.files} files, ${p.pages} pages, ${p.forms} forms, ${p.findings} findings, ${p.failed} errors, ` +
      `${p.skipped} already archived, ${rate.toFixed(1)} files/s, ETA ${formatSeconds(eta)}`;
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
      this.shown = true;
    } else if (now - this.last >= 10_000 || p.done === p.files) {
      this.out.write(`${new Date(now).toISOString()} ${text}\n`);
      this.last = now;
    }
  }

  /** A message above the live line (an error for one file). */
  note(line: string): void {
    this.clear();
    this.out.write(`${line}\n`);
  }

  clear(): void {
    if (this.shown) this.out.write('\r\x1b[2K');
    this.shown = false;
  }
}

function formatSeconds(s: number): string {
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
