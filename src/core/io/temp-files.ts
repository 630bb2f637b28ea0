/**
 * isdeck's temporary files: `.<name>.<pid>.<8 hex>.tmp` beside the file being written. A run
 * killed mid-write (`kill -9`, a power cut) leaves one behind; the next write into that folder
 * removes those whose process is gone. A live process's file is never touched: the pid in the
 * name says whose it is.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** The temporary name used for `target`: hidden, in the same folder, unique to this write. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** The process id in a temporary file's name, or undefined when the name is not isdeck's. */
export function tempFileOwner(name: string): number | undefined {
  const pid = TEMP_NAME.exec(name)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

/** Whether a process with this id runs (one of another user counts: it cannot be signalled, but it is there). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const swept = new Set<string>();

/**
 * Removes the temporary files of earlier isdeck runs in `folder` whose process is no longer
 * alive (regular files only). Once per folder per process; never fails a write.
 */
export function removeStaleTempFiles(folder: string): string[] {
  const key = resolve(folder);
  if (swept.has(key)) return [];
  swept.add(key);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(key);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = tempFileOwner(name);
    if (pid === undefined || pid === process.pid || isProcessAlive(pid)) continue;
    const path = join(key, name);
    try {
      if (!lstatSync(path).isFile()) continue;
      rmSync(path);
      removed.push(path);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}
