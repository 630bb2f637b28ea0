/**
 * Writing an export without ever leaving a partial file: the bytes go to a temporary file in
 * the target folder (same file system, so the rename is atomic), which is renamed over the
 * target. On failure the temporary file is removed and any earlier target is left as it was;
 * if the process exits or is interrupted mid-write, an `exit` hook removes it.
 */
import { randomBytes } from 'node:crypto';
import { realpathSync, rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

const pending = new Set<string>();
let hooked = false;

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', removePendingTempFilesSync);
}

/** Removes temporary files of writes still in progress (for signal handlers; runs on `exit` anyway). */
export function removePendingTempFilesSync(): void {
  for (const file of pending) {
    try {
      rmSync(file, { force: true });
    } catch {
      // Nothing more can be done while exiting.
    }
  }
  pending.clear();
}

/** The temporary name used for `target`: hidden, in the same folder, unique to this write. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `data` to `target` atomically. Refuses to overwrite any of `protect` (the inputs):
 * an export must never replace its source.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: { protect?: readonly string[] } = {}): Promise<void> {
  const absolute = resolve(target);
  for (const input of options.protect ?? []) {
    if (samePath(absolute, input)) throw new OutputIsInputError(absolute);
  }
  const temp = tempPathFor(absolute);
  hookExit();
  pending.add(temp);
  try {
    await writeFile(temp, data, typeof data === 'string' ? { encoding: 'utf8', flag: 'wx' } : { flag: 'wx' });
    await rename(temp, absolute);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

export class OutputIsInputError extends Error {
  readonly code = 'ISDECK_OUTPUT_IS_INPUT';
  constructor(readonly path: string) {
    super(`Refusing to write ${path}: it is one of the input files.`);
    this.name = 'OutputIsInputError';
  }
}

function canonical(path: string): string {
  const absolute = resolve(path);
  let real = absolute;
  try {
    real = realpathSync(absolute);
  } catch {
    // Not there yet: compare its folder's real path plus its name.
    try {
      real = join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      real = absolute;
    }
  }
  return process.platform === 'win32' || process.platform === 'darwin' ? real.toLowerCase() : real;
}

/** Whether two paths name the same file (symbolic links followed; case folded where the file system usually does). */
export function samePath(a: string, b: string): boolean {
  return canonical(a) === canonical(b);
}
