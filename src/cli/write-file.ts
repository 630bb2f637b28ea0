import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename over the
 * target, so a reader never sees half a file and a failed write leaves the old one whole.
 * `mode` (e.g. the permissions of the file being replaced) is applied to the new file.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: { mode?: number; createFolder?: boolean } = {}): void {
  const folder = dirname(path);
  if (options.createFolder) mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    if (options.mode !== undefined) chmodSync(temporary, options.mode);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written, or the rename happened.
    }
    throw error;
  }
}
