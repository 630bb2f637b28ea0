import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Deck } from '../../deck/types';
import { buildPresentation, deckLanguage } from './build';
import type { PptxWarning, ReadFile } from './context';
import { packPresentation } from './finish';

/**
 * The PowerPoint exporter's file access, in one module: reading images and the atomic write.
 * The rest of the exporter is pure.
 */

/** Reads a local file; `undefined` when it is missing or unreadable. */
export const readLocalFile: ReadFile = (path) => {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
};

/** Whether two paths name one file: equal, or (when both exist) the same after links and letter case are resolved. */
async function samePath(a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  const [realA, realB] = await Promise.all([realpath(a).catch(() => undefined), realpath(b).catch(() => undefined)]);
  return realA !== undefined && realA === realB;
}

/** The file operations the writer uses; tests replace one to inject a failure. */
export interface PptxFileSystem {
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string): Promise<void>;
}

const nodeFileSystem: PptxFileSystem = {
  writeFile: (path, data) => writeFile(path, data, { flag: 'wx' }),
  rename: (from, to) => rename(from, to),
  rm: (path) => rm(path, { force: true }),
};

export interface ExportPptxOptions {
  /** The deck's file (images resolve against its folder; never overwritten). */
  deckPath: string;
  /** Where to write the `.pptx`. Its folder must exist. */
  outPath: string;
  readFile?: ReadFile;
  /** Replaces some file operations (for tests). */
  fileSystem?: Partial<PptxFileSystem>;
}

export interface ExportPptxResult {
  outPath: string;
  slideCount: number;
  /** Size of the written file in bytes. */
  bytes: number;
  warnings: PptxWarning[];
}

/**
 * Builds the deck's presentation and writes it to `outPath` atomically: the bytes go to a
 * temporary file in the target folder, which is then renamed over `outPath`. A failed
 * export leaves neither the temporary file nor a partial `outPath`. Refuses to write over
 * the deck itself.
 */
export async function exportPptx(deck: Deck, options: ExportPptxOptions): Promise<ExportPptxResult> {
  const outPath = resolve(options.outPath);
  if (await samePath(outPath, resolve(options.deckPath))) {
    throw new Error(`Refusing to export over the deck itself (${options.deckPath}): choose an output path ending in .pptx.`);
  }
  const fs: PptxFileSystem = { ...nodeFileSystem, ...options.fileSystem };
  const folder = dirname(outPath);
  const folderStat = await stat(folder).catch(() => undefined);
  if (!folderStat?.isDirectory()) {
    throw new Error(`Cannot write ${outPath}: the folder ${folder} does not exist.`);
  }
  const warnings: PptxWarning[] = [];
  const pptx = buildPresentation(deck, {
    deckPath: options.deckPath,
    readFile: options.readFile,
    onWarning: (warning) => warnings.push(warning),
  });
  const data = await packPresentation(pptx, { lang: deckLanguage(deck) });
  const temporary = join(folder, `.${basename(outPath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, outPath);
  } catch (error) {
    await fs.rm(temporary).catch(() => undefined);
    throw new Error(`Could not write ${outPath}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { outPath, slideCount: deck.slides.length, bytes: data.byteLength, warnings };
}
