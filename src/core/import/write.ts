/**
 * The importer's file access, in one module: the presentation is read (its size checked
 * first), the deck linted with the configuration of the folder it goes to, and the pictures
 * then the deck written through the atomic writer. An existing deck or picture is replaced
 * only when asked (`force`), a symbolic link never, an input never.
 */
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ConfigLoader } from '../config/load';
import { findWorkspaceRoot } from '../config/workspace';
import { writeFileAtomic } from '../io/atomic-write';
import { nodeEnvironment } from '../lint/node-environment';
import { ImportError } from './errors';
import { importPresentation, type ImportReport } from './import';
import { checkFileSize, DEFAULT_IMPORT_BUDGET, type ImportBudget } from './read/presentation';

export interface ImportFileOptions {
  /** The `.pptx` to read. */
  input: string;
  /** The folder the deck goes to. */
  outDir: string;
  /** Replace an existing deck and pictures of the same name. */
  force: boolean;
  /** Files never to write over (every input of the run). */
  protect?: readonly string[];
  loader?: ConfigLoader;
  budget?: ImportBudget;
}

export interface ImportFileResult {
  deckPath: string;
  imagePaths: string[];
  report: ImportReport;
  /** Milliseconds from reading the file to writing the deck. */
  ms: number;
}

/** An output that is there already: replaced only with `force`. */
export class OutputExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists`);
    this.name = 'OutputExistsError';
  }
}

/** The deck a presentation is imported as: `<out>/<name>.md` (`.pptx`, `.pptm`, `.ppsx`, `.potx` taken off). */
export function importedDeckPath(input: string, outDir: string): string {
  const extension = extname(input);
  const name = /^\.(pptx|pptm|ppsx|ppsm|potx|potm)$/i.test(extension) ? basename(input, extension) : basename(input);
  return join(outDir, `${name || 'presentation'}.md`);
}

export async function importPptxFile(options: ImportFileOptions): Promise<ImportFileResult> {
  const started = performance.now();
  const input = resolve(options.input);
  const budget = options.budget ?? DEFAULT_IMPORT_BUDGET;
  checkFileSize(statSync(input).size, budget);
  const deckPath = importedDeckPath(input, resolve(options.outDir));
  const name = basename(deckPath, '.md');
  checkTarget(deckPath, options.force);
  const loader = options.loader ?? new ConfigLoader();
  const folder = dirname(deckPath);
  const lint = { config: loader.configFor(folder), environment: nodeEnvironment(findWorkspaceRoot(folder, loader)) };
  const result = importPresentation(readFileSync(input), { name, lint, deckPath, budget });

  const imagePaths = result.images.map((image) => join(folder, ...image.path.split('/')));
  imagePaths.forEach((path) => checkTarget(path, options.force));
  const protect = [input, ...(options.protect ?? [])];
  for (const [index, image] of result.images.entries()) {
    await writeFileAtomic(imagePaths[index]!, image.data, { protect, createFolder: true });
  }
  await writeFileAtomic(deckPath, result.markdown, { protect, createFolder: true });
  return { deckPath, imagePaths, report: result.report, ms: performance.now() - started };
}

/** Refuses a symbolic link always, and an existing file unless `force`. */
function checkTarget(path: string, force: boolean): void {
  let stats;
  try {
    stats = lstatSync(path);
  } catch {
    return;
  }
  if (stats.isSymbolicLink()) throw new ImportError(`${path} is a symbolic link; refusing to write over it`);
  if (stats.isDirectory()) throw new ImportError(`${path} is a folder; refusing to write over it`);
  if (!force) throw new OutputExistsError(path);
}
