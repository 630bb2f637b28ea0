/**
 * The picture policy: which pictures a deck may use, decided in one place for the
 * `image-exists` rule and every exporter (HTML, PDF, PowerPoint), so that lint and export
 * never disagree and say the same thing.
 *
 * A local picture is allowed when its real path (symbolic links resolved) is inside the
 * workspace root (`findWorkspaceRoot`): `../img/x.png` in a sibling folder of the same
 * workspace is fine, a link that leads out of it is not. `data:` pictures are embedded as
 * they are; web addresses are left to the network policy (`export/network.ts`); any other
 * address (`ftp:`, `javascript:`) is refused.
 */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath } from '../deck/images';

/** Where a deck's pictures are looked for. */
export interface PicturePlace {
  /** The deck's folder: relative paths resolve against it. */
  deckDir: string;
  /** The folder a picture's real path must be inside. */
  workspaceRoot: string;
}

/** The file-system questions the policy asks; injected so the core's rules stay testable. */
export interface PictureFiles {
  /** The real path (links resolved) of what is at `path`, or undefined when nothing is. */
  realPath(path: string): string | undefined;
  /** Whether the (real) path is a regular file. */
  isFile(path: string): boolean;
}

export type RefusalReason = 'empty' | 'outside' | 'missing' | 'not-a-file' | 'address';

export type PictureVerdict =
  /** A `data:` URL: embedded as written. */
  | { kind: 'data' }
  /** An `http:`/`https:` or `//host` address: the network policy decides. */
  | { kind: 'remote' }
  /** An allowed local file, by its real path. */
  | { kind: 'file'; path: string }
  | { kind: 'refused'; reason: RefusalReason; message: string };

export const nodePictureFiles: PictureFiles = {
  realPath(path) {
    try {
      return realpathSync(path);
    } catch {
      return undefined;
    }
  },
  isFile(path) {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
};

const DRIVE_PATH = /^[a-z]:[\\/]/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * The verdict on one picture source, decoded as the model's `Image.src` is (the renderer
 * passes markdown-it's normalised URL through `decodePath` first, so both agree).
 */
export function judgePicture(src: string, place: PicturePlace, files: PictureFiles = nodePictureFiles): PictureVerdict {
  const written = src.trim();
  const shown = displayPath(written);
  if (/^data:/i.test(written)) return { kind: 'data' };
  if (/^(?:https?:)?\/\//i.test(written)) return { kind: 'remote' };
  let path: string;
  if (/^file:/i.test(written)) {
    try {
      path = fileURLToPath(written);
    } catch {
      return refused('address', `The image \`${shown}\` is a \`file:\` address that names no file on this machine: link the file by its path in the workspace.`);
    }
  } else if (SCHEME.test(written) && !DRIVE_PATH.test(written)) {
    const scheme = SCHEME.exec(written)![1]!.toLowerCase();
    return refused('address', `The image \`${shown}\` is a \`${scheme}:\` address, which isdeck does not load: use a picture file in the workspace.`);
  } else {
    path = written.replace(/[?#].*$/, '');
  }
  if (path === '') return refused('empty', "The image has no path: write the image file's path between the parentheses.");
  return judgeLocal(resolve(place.deckDir, path), shown, place, files);
}

function judgeLocal(file: string, shown: string, place: PicturePlace, files: PictureFiles): PictureVerdict {
  const root = resolve(place.workspaceRoot);
  const realRoot = files.realPath(root) ?? root;
  const real = files.realPath(file);
  if (real === undefined) {
    // Nothing there: judged by the path as written (its links cannot be followed).
    if (!isInside(root, file) && !isInside(realRoot, file)) return outside(shown, false);
    return refused(
      'missing',
      `The image \`${shown}\` was not found: no such file relative to the deck's folder (check the path and the case of the file name).`,
    );
  }
  if (!isInside(realRoot, real)) return outside(shown, isInside(root, file) || isInside(realRoot, file));
  if (!files.isFile(real)) return refused('not-a-file', `The image \`${shown}\` is not a file (a folder or a device): link a picture file.`);
  return { kind: 'file', path: real };
}

function outside(shown: string, throughLink: boolean): PictureVerdict {
  const what = throughLink ? 'is a link to a file outside the workspace' : 'is outside the workspace';
  return refused('outside', `The image \`${shown}\` ${what}: copy it into the workspace (e.g. an \`images/\` folder beside the deck) and link it there.`);
}

function refused(reason: RefusalReason, message: string): PictureVerdict {
  return { kind: 'refused', reason, message };
}

/** Whether `file` is `root` or below it. `..red.png` is a name inside, not a step out. */
export function isInside(root: string, file: string): boolean {
  const path = relative(root, file);
  return path === '' || (!isAbsolute(path) && path !== '..' && !path.startsWith(`..${sep}`));
}
