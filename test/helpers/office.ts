import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Converts files to PDF with LibreOffice in one run, into `outDir`, with a profile of its own
 * (two runs sharing a profile silently produce one file).
 */
export async function convertToPdf(files: readonly string[], outDir: string, timeout = 150_000): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const profile = join(tmpdir(), `lo-isdeck-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await run('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', outDir, ...files], { timeout });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
