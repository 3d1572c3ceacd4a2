/**
 * .fods → PDF with LibreOffice, many files per `soffice` call (it is slow to start), a few calls
 * side by side, each with a private profile (two instances may not share one).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export function hasSoffice(): boolean {
  const probe = spawnSync('soffice', ['--version'], { stdio: 'ignore' });
  return probe.status === 0;
}

function runSoffice(profile: string, files: string[], outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nologo', '--convert-to', 'pdf', '--outdir', outDir, ...files], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`soffice exited with ${code}: ${stderr.slice(0, 500)}`))));
  });
}

/**
 * Converts every .fods into `<outDir>/<name>.pdf`. Returns the files LibreOffice did not convert.
 * `parallel` soffice processes run at once, each on `batch` files per call.
 */
export async function convertToPdf(fods: readonly string[], outDir: string, options: { parallel?: number; batch?: number } = {}): Promise<string[]> {
  const parallel = options.parallel ?? 2;
  const batch = options.batch ?? 40;
  const chunks: string[][] = [];
  for (let k = 0; k < fods.length; k += batch) chunks.push(fods.slice(k, k + batch));
  const profiles = Array.from({ length: parallel }, () => mkdtempSync(join(tmpdir(), 'lo-jixiao-variants-')));
  let next = 0;
  const failed: string[] = [];
  try {
    await Promise.all(
      profiles.map(async (profile) => {
        while (next < chunks.length) {
          const chunk = chunks[next++]!;
          try {
            await runSoffice(profile, chunk, outDir);
          } catch {
            // One bad file should not lose its batch: retry the files of a failed call one by one.
            for (const f of chunk) await runSoffice(profile, [f], outDir).catch(() => undefined);
          }
          for (const f of chunk) {
            if (!existsSync(join(outDir, basename(f).replace(/\.fods$/, '.pdf')))) failed.push(f);
          }
        }
      }),
    );
  } finally {
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  }
  return failed;
}
