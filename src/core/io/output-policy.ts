/**
 * The output policy: which paths isdeck may write, decided before a byte is written. One policy
 * for every file isdeck writes (lint reports, exports, `--fix`), so a mistyped `-o` or a
 * link left in a folder can never destroy a deck, a device or someone else's file.
 *
 * - A new output (a report, an export) is never an input of the run, never a symbolic link,
 *   never something that exists and is not a regular file (a folder, a device such as
 *   `/dev/full`, a named pipe, a socket), never a read-only file.
 * - A rewrite in place (`--fix`) follows a symbolic link to its target (the link stays a
 *   link), refuses a file with other hard links (replacing it would separate them) and a
 *   read-only file; the caller also refuses it when it changed since it was read.
 * - A file that is replaced keeps its permissions and its owner; when the owner cannot be kept
 *   (another user's file, not running as root) it is refused instead.
 */
import { accessSync, constants, lstatSync, mkdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { errnoReason, errorCode } from './errors';

export type RefusalReason = 'input' | 'symlink' | 'not-a-file' | 'read-only' | 'hard-links' | 'owner' | 'changed' | 'folder';

/** A write isdeck will not do, with the one-line reason (`why`) to show after the path. */
export class OutputRefusedError extends Error {
  readonly code = 'ISDECK_OUTPUT_REFUSED';
  constructor(
    readonly path: string,
    readonly reason: RefusalReason,
    readonly why: string,
  ) {
    super(`Refusing to write ${path}: ${why}`);
    this.name = 'OutputRefusedError';
  }
}

/** What a replaced file had, to keep on the file that replaces it. */
export interface KeptAttributes {
  mode: number;
  uid: number;
  gid: number;
}

/** Where a write goes and what it must keep. */
export interface CheckedTarget {
  /** The path renamed over (for a rewrite through a link: the link's target). */
  path: string;
  /** Present when a file is replaced. */
  kept: KeptAttributes | undefined;
}

/**
 * Checks a new output (report, export) at `target` against the policy; `inputs` are the
 * run's input files. Throws {@link OutputRefusedError}; other file-system errors pass through.
 */
export function checkNewOutput(target: string, inputs: readonly string[] = []): CheckedTarget {
  const path = resolve(target);
  const input = inputs.find((candidate) => sameFile(path, candidate));
  if (input !== undefined) throw new OutputRefusedError(path, 'input', 'it is an input of this run');
  const stats = lstatIfThere(path);
  if (!stats) return { path, kept: undefined };
  if (stats.isSymbolicLink()) {
    throw new OutputRefusedError(path, 'symlink', 'it is a symbolic link, and isdeck writes no file through a link (remove the link or choose another name)');
  }
  return { path, kept: checkReplaceable(path, stats) };
}

/**
 * Checks a file to be rewritten in place (`--fix`): through a symbolic link to its target,
 * never a file with other hard links. Throws {@link OutputRefusedError}.
 */
export function checkRewrite(file: string): CheckedTarget {
  const path = realpathSync(resolve(file));
  const stats = lstatSync(path);
  const kept = checkReplaceable(path, stats);
  if (stats.nlink > 1) {
    throw new OutputRefusedError(
      path,
      'hard-links',
      `it has ${stats.nlink} hard links, and replacing it would separate them (the other names would keep the old text): fix a copy, or remove the other links`,
    );
  }
  return { path, kept };
}

/** A regular, writable file whose owner can be kept: its attributes; else a refusal. */
function checkReplaceable(path: string, stats: Stats): KeptAttributes {
  if (!stats.isFile()) throw new OutputRefusedError(path, 'not-a-file', `it is ${kindOf(stats)}, not a regular file`);
  if (!isWritable(path, stats)) {
    throw new OutputRefusedError(path, 'read-only', 'it is read-only (make it writable to let isdeck replace it)');
  }
  const kept = { mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid };
  if (!canKeepOwner(kept)) {
    throw new OutputRefusedError(path, 'owner', 'it belongs to another user, and isdeck could not keep its owner on the new file');
  }
  return kept;
}

/**
 * Read-only means no write bit at all (so root, whom `access` lets write anything, respects
 * it too), or no write permission for this process.
 */
function isWritable(path: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Only root may give a file to another owner; anyone may keep their own. */
function canKeepOwner(kept: KeptAttributes): boolean {
  const uid = process.geteuid?.();
  if (uid === undefined || uid === 0) return true;
  return kept.uid === uid;
}

function kindOf(stats: Stats): string {
  if (stats.isFile()) return 'a file';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function lstatIfThere(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    // ENOTDIR: a part of the path is a file; making the folder says so.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/**
 * Makes `folder` and its missing parents, one level at a time. Not `mkdir -p`: Node's
 * recursive mkdir retries forever where the kernel answers ENOENT for a folder whose parent
 * exists (`/proc/x`), which spun `-o /proc/x/report.json` at full CPU.
 */
export function makeFolderSync(folder: string): void {
  const missing: string[] = [];
  let current = resolve(folder);
  for (;;) {
    let stats: Stats;
    try {
      stats = statSync(current);
    } catch (error) {
      const parent = dirname(current);
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) throw error;
      missing.push(current);
      current = parent;
      continue;
    }
    if (!stats.isDirectory()) throw new OutputRefusedError(current, 'folder', `${current} is ${kindOf(stats)}, not a folder`);
    break;
  }
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new OutputRefusedError(path, 'folder', `the folder ${path} cannot be made (${describeErrno(error)})`);
      }
    }
  }
}

/**
 * Whether two paths name the same file: the same device and inode when both exist (a hard
 * link to an input is that input), else the same real path (links followed; case folded where
 * the file system usually does).
 */
export function sameFile(a: string, b: string): boolean {
  const left = statIfThere(a);
  const right = statIfThere(b);
  if (left && right) return left.dev === right.dev && left.ino === right.ino;
  return canonical(a) === canonical(b);
}

function statIfThere(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function canonical(path: string): string {
  const absolute = resolve(path);
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    // Not there yet: its folder's real path plus its name.
    try {
      real = join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      real = absolute;
    }
  }
  return process.platform === 'win32' || process.platform === 'darwin' ? real.toLowerCase() : real;
}

/** A short reason for a file-system error while writing. */
export function describeWriteError(error: unknown): string {
  if (error instanceof OutputRefusedError) return error.why;
  return describeErrno(error);
}

function describeErrno(error: unknown): string {
  return errnoReason(error) ?? errorCode(error);
}
