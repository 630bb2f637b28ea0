/**
 * The one way isdeck writes a file (exports, `--fix`, reports): the bytes go to a temporary
 * file in the target folder (same file system, so the rename is atomic), which is renamed
 * over the target. On failure the temporary file is removed and any earlier target is left
 * as it was; if the process exits or is interrupted mid-write, an `exit` hook removes it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
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

export interface AtomicWriteOptions {
  /** Paths never to overwrite (the inputs): an export must never replace its source. */
  protect?: readonly string[];
  /** Permissions for the new file (e.g. those of the file it replaces). */
  mode?: number;
  /** Create the target's folder first. */
  createFolder?: boolean;
}

/** The file operations an atomic write uses; a test replaces one to inject a failure. */
export interface AtomicFileSystem {
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

const nodeFileSystem: AtomicFileSystem = {
  writeFile: (path, data) => writeFile(path, data, { flag: 'wx' }),
  rename: (from, to) => rename(from, to),
};

/** Writes `data` to `target` atomically. */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions & { fileSystem?: Partial<AtomicFileSystem> } = {},
): Promise<void> {
  const absolute = prepare(target, options);
  if (options.createFolder) await mkdir(dirname(absolute), { recursive: true });
  const fs = { ...nodeFileSystem, ...options.fileSystem };
  const temp = track(tempPathFor(absolute));
  try {
    await fs.writeFile(temp, data);
    if (options.mode !== undefined) await chmod(temp, options.mode);
    await fs.rename(temp, absolute);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/** Writes `data` to `target` atomically, synchronously (for the command line's `--fix` and reports). */
export function writeFileAtomicSync(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const absolute = prepare(target, options);
  if (options.createFolder) mkdirSync(dirname(absolute), { recursive: true });
  const temp = track(tempPathFor(absolute));
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    if (options.mode !== undefined) chmodSync(temp, options.mode);
    renameSync(temp, absolute);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

function prepare(target: string, options: AtomicWriteOptions): string {
  const absolute = resolve(target);
  for (const input of options.protect ?? []) {
    if (samePath(absolute, input)) throw new OutputIsInputError(absolute);
  }
  return absolute;
}

function track(temp: string): string {
  hookExit();
  pending.add(temp);
  return temp;
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
