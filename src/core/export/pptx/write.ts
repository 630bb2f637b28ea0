import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { deckProperties } from '../../deck/properties';
import type { Deck } from '../../deck/types';
import { writeFileAtomic, type AtomicFileSystem } from '../../io/atomic-write';
import { checkNewOutput } from '../../io/output-policy';
import { buildPresentation } from './build';
import type { PptxWarning, ReadFile } from './context';
import { EquationStore } from './equations';
import { packPresentation } from './finish';

/**
 * The PowerPoint exporter's write (atomic; pictures are read through images.ts's readLocalFile).
 * The rest of the exporter is pure.
 */

export interface ExportPptxOptions {
  /** The deck's file (images resolve against its folder; never overwritten). */
  deckPath: string;
  /** Where to write the `.pptx`. Its folder must exist. */
  outPath: string;
  readFile?: ReadFile;
  /** The folder pictures must be inside (default: the deck's workspace). */
  workspaceRoot?: string;
  /** The run's other input files, never written over (the deck itself always is protected). */
  protect?: readonly string[];
  /** Replaces some file operations (for tests). */
  fileSystem?: Partial<AtomicFileSystem>;
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
  const protect = [resolve(options.deckPath), ...(options.protect ?? [])];
  // Refused before any work; writeFileAtomic checks again at the write.
  checkNewOutput(outPath, protect);
  const folder = dirname(outPath);
  const folderStat = await stat(folder).catch(() => undefined);
  if (!folderStat?.isDirectory()) {
    throw new Error(`Cannot write ${outPath}: the folder ${folder} does not exist.`);
  }
  const warnings: PptxWarning[] = [];
  const equations = new EquationStore();
  const pptx = buildPresentation(deck, {
    deckPath: options.deckPath,
    readFile: options.readFile,
    ...(options.workspaceRoot ? { workspaceRoot: options.workspaceRoot } : {}),
    onWarning: (warning) => warnings.push(warning),
    equations,
  });
  const data = await packPresentation(pptx, { lang: deckProperties(deck).language, equations });
  try {
    await writeFileAtomic(outPath, data, { protect, fileSystem: options.fileSystem ?? {} });
  } catch (error) {
    throw new Error(`Could not write ${outPath}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { outPath, slideCount: deck.slides.length, bytes: data.byteLength, warnings };
}
