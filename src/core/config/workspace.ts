import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigLoader } from './load';

/** Markers of a project's top folder. */
const WORKSPACE_MARKERS = ['.git', 'package.json'] as const;

/**
 * The folder local images must stay inside, for a deck in `deckFolder`: the nearest folder
 * upward (the deck's own included) that holds `.git` or `package.json`, or a configuration file
 * with `root: true`; when there is none up to the filesystem root, the deck's own folder.
 */
export function findWorkspaceRoot(deckFolder: string, loader: Pick<ConfigLoader, 'isRootFolder'> = new ConfigLoader()): string {
  const start = resolve(deckFolder);
  let current = start;
  for (;;) {
    if (WORKSPACE_MARKERS.some((marker) => existsSync(join(current, marker))) || loader.isRootFolder(current)) return current;
    const parent = dirname(current);
    if (parent === current) return start;
    current = parent;
  }
}
