/**
 * The one way isdeck writes a file (exports, `--fix`, reports): the target is checked against
 * the output policy (`output-policy.ts`), the bytes go to a temporary file in the target's
 * folder (same file system, so the rename is atomic), the temporary file gets the replaced
 * file's permissions and owner, and it is renamed over the target. On failure the temporary
 * file is removed and any earlier target is left as it was; if the process exits or is
 * interrupted mid-write, an `exit` hook removes it, and a later run removes what a killed one
 * left (`temp-files.ts`).
 */
import { chmodSync, chownSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkNewOutput, checkRewrite, makeFolderSync, OutputRefusedError, type CheckedTarget } from './output-policy';
import { removeStaleTempFiles, tempPathFor } from './temp-files';

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

export interface AtomicWriteOptions {
  /** The run's input files: never written over (nor a hard link to one). */
  protect?: readonly string[];
  /** Create the target's folder first. */
  createFolder?: boolean;
}

export interface RewriteOptions {
  /** The bytes the file held when it was read: if it holds anything else now, nothing is written. */
  expected: Uint8Array;
}

/** The file operations an atomic write uses; a test replaces one to inject a failure. */
export interface AtomicFileSystem {
  /** Creates `path` (it must not exist) with `mode`, or the usual mode for new files when undefined. */
  writeFile(path: string, data: string | Uint8Array, mode: number | undefined): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

const nodeFileSystem: AtomicFileSystem = {
  writeFile: (path, data, mode) => writeFile(path, data, { flag: 'wx', mode }),
  rename: (from, to) => rename(from, to),
};

/** Writes a new output (a report, an export) atomically. Throws {@link OutputRefusedError} for what the policy refuses. */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions & { fileSystem?: Partial<AtomicFileSystem> } = {},
): Promise<void> {
  const checked = prepareNewOutput(target, options);
  const fs = { ...nodeFileSystem, ...options.fileSystem };
  const temp = track(tempPathFor(checked.path));
  try {
    await fs.writeFile(temp, data, creationMode(checked));
    settle(temp, checked);
    await fs.rename(temp, checked.path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/** {@link writeFileAtomic}, synchronously (for the command line's reports). */
export function writeFileAtomicSync(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const checked = prepareNewOutput(target, options);
  replaceSync(checked, data, undefined);
}

/**
 * Rewrites a file in place (`--fix`): through a symbolic link to its target, keeping mode
 * and owner, and only if it still holds `expected`: a file saved by an editor since it was
 * read is refused, not overwritten.
 */
export function rewriteFileAtomicSync(file: string, data: string | Uint8Array, options: RewriteOptions): void {
  const checked = checkRewrite(file);
  removeStaleTempFiles(dirname(checked.path));
  replaceSync(checked, data, options.expected);
}

function prepareNewOutput(target: string, options: AtomicWriteOptions): CheckedTarget {
  const checked = checkNewOutput(target, options.protect);
  if (options.createFolder) makeFolderSync(dirname(checked.path));
  removeStaleTempFiles(dirname(checked.path));
  return checked;
}

function replaceSync(checked: CheckedTarget, data: string | Uint8Array, expected: Uint8Array | undefined): void {
  const temp = track(tempPathFor(checked.path));
  try {
    writeFileSync(temp, data, { flag: 'wx', mode: creationMode(checked) });
    settle(temp, checked);
    if (expected !== undefined) checkUnchanged(checked.path, expected);
    renameSync(temp, checked.path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/**
 * A temporary file that will replace a file is made readable by its owner only, so the text
 * is never readable by others meanwhile; {@link settle} then gives it the replaced file's
 * mode. A new file gets the usual mode for new files (the umask applies).
 */
function creationMode(checked: CheckedTarget): number | undefined {
  return checked.kept ? 0o600 : undefined;
}

/** The temporary file takes the replaced file's owner and mode (owner first: a change of owner clears set-id bits). */
function settle(temp: string, checked: CheckedTarget): void {
  if (!checked.kept) return;
  const { mode, uid, gid } = checked.kept;
  const made = statSync(temp);
  if (made.uid !== uid || made.gid !== gid) chownSync(temp, uid, gid);
  chmodSync(temp, mode);
}

function checkUnchanged(path: string, expected: Uint8Array): void {
  let now: Uint8Array | undefined;
  try {
    now = readFileSync(path);
  } catch {
    now = undefined;
  }
  if (!now || Buffer.compare(now, expected) !== 0) {
    throw new OutputRefusedError(path, 'changed', 'it changed since isdeck read it (saved by another program?), so the fixes were not written: run again');
  }
}

function track(temp: string): string {
  hookExit();
  pending.add(temp);
  return temp;
}
