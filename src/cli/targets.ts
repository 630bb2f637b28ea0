import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { displayPath } from '../core/config/load';
import { describeFsError, looksLikeMarpDeck } from './read-deck';

/**
 * The decks a command is given, found the same way for `isdeck lint` and `isdeck export`:
 * files as named, folders searched for `.md` decks (front-matter `marp: true`), globs
 * filtered the same way, `-` for standard input.
 */
export interface Targets {
  /** Absolute paths of the decks to lint, sorted by the name shown. */
  files: string[];
  stdin: boolean;
  /** One-line messages for paths that could not be used. */
  errors: string[];
}

const SKIPPED_FOLDERS = new Set(['node_modules']);

function isMarkdown(name: string): boolean {
  return name.toLowerCase().endsWith('.md');
}

/** Every `.md` file below `folder`, skipping node_modules and dot-folders; symbolic links to folders are not followed. */
function markdownFilesBelow(folder: string): string[] {
  const found: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      } else if (isMarkdown(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isFile(path)))) {
        found.push(path);
      }
    }
  }
  return found;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export async function collectTargets(paths: readonly string[], cwd: string, decksOnly = false): Promise<Targets> {
  const explicit = new Set<string>();
  const searched = new Set<string>();
  const errors: string[] = [];
  let stdin = false;
  for (const path of paths) {
    if (path === '-') {
      stdin = true;
      continue;
    }
    const absolute = resolve(cwd, path);
    let kind: 'file' | 'folder' | 'missing' | 'other';
    try {
      const stats = statSync(absolute);
      kind = stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'other';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        errors.push(`${path}: ${describeFsError(error)}`);
        continue;
      }
      kind = 'missing';
    }
    if (kind === 'file') (decksOnly ? searched : explicit).add(absolute);
    else if (kind === 'folder') for (const file of markdownFilesBelow(absolute)) searched.add(file);
    else if (kind === 'other') errors.push(`${path}: not a file or folder`);
    else if (isDynamicPattern(path)) {
      const matches = await glob(path, { cwd, absolute: true, onlyFiles: true, dot: false, expandDirectories: false, ignore: ['**/node_modules/**'] });
      if (matches.length === 0) errors.push(`${path}: no files match`);
      for (const match of matches) searched.add(resolve(match));
    } else errors.push(`${path}: no such file or folder`);
  }
  for (const file of searched) {
    if (!explicit.has(file) && looksLikeMarpDeck(file)) explicit.add(file);
  }
  const files = [...explicit].sort((a, b) => {
    const left = displayPath(a, cwd);
    const right = displayPath(b, cwd);
    return left < right ? -1 : left > right ? 1 : 0;
  });
  return { files, stdin, errors };
}

