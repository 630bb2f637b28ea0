import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { outputFileName } from '../../core/export/output-names';
import type { DeckTracker } from '../active-deck';
import { core } from '../core';
import type { DiagnosticsManager } from '../diagnostics';
import type { FileExportJob, FileExportResult } from '../export-jobs';
import { readSettings } from '../settings';
import { requireTrust } from '../trust';
import { deckSource, errorMessage, logError, output } from '../util';

/** What Export Deck… offers. */
export type ExportFormat = 'pdf' | 'pdf-notes' | 'pptx' | 'html' | 'present' | 'png-slide' | 'png-all';

export interface ExportOptions {
  /** Skip the picker. */
  format?: ExportFormat;
  /** Where to write (a file; for PNG, a folder); default: `isdeck.export.outDir`, else beside the deck. */
  outPath?: string;
  /** PNG of one slide: which (1-based); default: the slide at the cursor. */
  slide?: number;
  /** Do not offer to open the result (tests, scripted use). */
  quiet?: boolean;
  /** Export a deck with errors without asking. */
  ignoreProblems?: boolean;
}

export interface ExportOutcome {
  format: ExportFormat;
  files: string[];
  slideCount?: number;
  warnings: string[];
}

interface FormatInfo {
  label: string;
  detail: (name: string, slide: number) => string;
  /** Needs the browser. */
  browser: boolean;
  outKind: 'pdf' | 'pptx' | 'html' | 'present' | 'png';
}

const FORMATS: Record<ExportFormat, FormatInfo> = {
  pdf: { label: 'PDF', detail: (name) => `${name}.pdf: one page a slide, tagged, with an outline of parts and slides`, browser: true, outKind: 'pdf' },
  'pdf-notes': { label: 'PDF and notes handout', detail: (name) => `${name}.pdf, and ${name}.notes.pdf: each slide with its presenter notes, on A4`, browser: true, outKind: 'pdf' },
  pptx: { label: 'PowerPoint (PPTX)', detail: (name) => `${name}.pptx: editable text, bullets, tables and charts, with notes`, browser: false, outKind: 'pptx' },
  html: { label: 'HTML', detail: (name) => `${name}.html: one self-contained page of every slide`, browser: false, outKind: 'html' },
  present: { label: 'Presentation (HTML)', detail: (name) => `${name}.present.html: full screen, keys and clickers, presenter view (P); one file`, browser: false, outKind: 'present' },
  'png-slide': { label: 'PNG of the current slide', detail: (name, slide) => `${name}.slide-${String(slide).padStart(2, '0')}.png: slide ${slide} at its size`, browser: true, outKind: 'png' },
  'png-all': { label: 'PNG of all slides', detail: (name) => `${name}.slide-NN.png: one picture a slide`, browser: true, outKind: 'png' },
};

export const EXPORT_FORMATS = Object.keys(FORMATS) as ExportFormat[];

type Exporter = (job: FileExportJob) => Promise<FileExportResult>;

const EXPORTERS: Record<ExportFormat, Exporter> = {
  pdf: (job) => core().exportPdfFile(job),
  'pdf-notes': (job) => core().exportPdfFile(job, true),
  pptx: (job) => core().exportPptxFile(job),
  html: (job) => core().exportHtmlFile(job),
  present: (job) => core().exportHtmlFile(job, true),
  'png-slide': (job) => core().exportPngFiles(job),
  'png-all': (job) => core().exportPngFiles(job),
};

/** Why the last export did not write a file (for the tests and the output channel). */
export let lastExportFailure:
  | { format: ExportFormat | undefined; kind: 'untrusted' | 'cancelled' | 'browser-not-found' | 'failed' | 'no-deck' | 'problems' | 'refused'; message: string }
  | undefined;

/** What the tests put in place of the dialogs and of the system's application. */
export interface ExportHooks {
  /** Answers the questions (the deck has errors; open the file?), as the author's click would. */
  choose?: (message: string, actions: string[]) => string | undefined;
  /** Receives what would be opened with the system's application. */
  openExternal?: (uri: vscode.Uri) => void;
}
let hooks: ExportHooks = {};
export function setExportHooksForTests(value: ExportHooks | undefined): void {
  hooks = value ?? {};
}

/** The core's BrowserNotFoundError (its class lives in the core bundle, so it is recognised by its code). */
export function isBrowserNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'ISDECK_BROWSER_NOT_FOUND';
}

/** Opens a file with the system's application (a PDF reader, PowerPoint, the browser), not inside VS Code. */
export function openWithSystem(uri: vscode.Uri): Thenable<boolean> {
  if (hooks.openExternal) {
    hooks.openExternal(uri);
    return Promise.resolve(true);
  }
  return vscode.env.openExternal(uri);
}

/**
 * Where exports of `deck` go: `isdeck.export.outDir` (absolute, or relative to the deck's
 * workspace folder, or to the deck's folder when it is in none), else the deck's folder.
 */
export function exportFolder(deck: vscode.Uri): string {
  const setting = readSettings(deck).exportOutDir;
  const deckFolder = dirname(deck.fsPath);
  if (!setting) return deckFolder;
  if (isAbsolute(setting)) return setting;
  const workspace = vscode.workspace.getWorkspaceFolder(deck);
  return resolve(workspace?.uri.scheme === 'file' ? workspace.uri.fsPath : deckFolder, setting);
}

/** The slide under the cursor of an editor showing the deck (1-based), else 1. */
function currentSlide(document: vscode.TextDocument): number {
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === document.uri.toString());
  if (!editor) return 1;
  const { deckFor, slideAtLine } = core();
  return (slideAtLine(deckFor(deckSource(document)), editor.selection.active.line + 1)?.index ?? 0) + 1;
}

async function pickFormat(name: string, slide: number): Promise<ExportFormat | undefined> {
  const pick = await vscode.window.showQuickPick(
    EXPORT_FORMATS.map((format) => ({ label: FORMATS[format].label, detail: FORMATS[format].detail(name, slide), format })),
    { title: `Export ${name}`, placeHolder: 'Export to…', matchOnDetail: true },
  );
  return pick?.format;
}

/** Asks before exporting a deck with errors: export anyway, or show them. */
async function confirmDespiteErrors(diagnostics: DiagnosticsManager, document: vscode.TextDocument): Promise<boolean> {
  const state = await diagnostics.lintDocument(document);
  const errors = state?.problems.filter((problem) => problem.severity === 'error').length ?? 0;
  if (errors === 0) return true;
  const message = `${basename(document.uri.fsPath)} has ${errors} error${errors === 1 ? '' : 's'}: the export may not follow the house structure.`;
  const actions = ['Export Anyway', 'Show Problems'];
  const choice = hooks.choose ? hooks.choose(message, actions) : await vscode.window.showWarningMessage(message, { modal: true }, ...actions);
  if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
  return choice === 'Export Anyway';
}

/** Export Deck…: picks the format (unless given), then writes with progress and cancellation, and offers to open the result. */
export async function exportDeckCommand(
  tracker: DeckTracker,
  diagnostics: DiagnosticsManager,
  target?: unknown,
  options: ExportOptions = {},
): Promise<ExportOutcome | undefined> {
  lastExportFailure = undefined;
  const fail = (kind: NonNullable<typeof lastExportFailure>['kind'], message: string, format?: ExportFormat) => {
    lastExportFailure = { format, kind, message };
    return undefined;
  };
  if (!requireTrust('Export')) return fail('untrusted', 'Restricted Mode', options.format);
  const document = await tracker.resolve(target, 'export it');
  if (!document) return fail('no-deck', 'no deck', options.format);
  if (document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('Save the deck to a file to export it.');
    return fail('no-deck', 'not a file on disk', options.format);
  }
  const name = basename(document.uri.fsPath).replace(/\.[^.]*$/, '');
  const slide = options.slide ?? currentSlide(document);
  const format = options.format ?? (await pickFormat(name, slide));
  if (!format || !FORMATS[format]) return fail('cancelled', format ? `unknown format ${String(format)}` : 'no format picked', format);
  if (document.isDirty) await document.save();
  if (!options.ignoreProblems && !(await confirmDespiteErrors(diagnostics, document))) return fail('problems', 'the deck has errors', format);
  const info = FORMATS[format];
  const folder = exportFolder(document.uri);
  const outPath = options.outPath ?? (info.outKind === 'png' ? folder : join(folder, outputFileName(info.outKind, document.uri.fsPath)));
  try {
    core().makeFolderSync(info.outKind === 'png' ? outPath : dirname(outPath));
  } catch (error) {
    void vscode.window.showErrorMessage(`Export: the folder for ${basename(outPath)} cannot be made: ${errorMessage(error)}`);
    return fail('refused', errorMessage(error), format);
  }
  const job: Omit<FileExportJob, 'signal'> = {
    ...deckJob(diagnostics, document.uri),
    outPath,
    browserPath: readSettings(document.uri).browserPath || undefined,
    ...(format === 'png-slide' ? { slides: [slide] } : {}),
  };
  const outcome = await runWithProgress(format, job);
  if (!outcome) return undefined;
  for (const warning of outcome.warnings) output().appendLine(`export ${basename(outcome.files[0] ?? outPath)}: ${warning}`);
  if (!options.quiet) void offerToOpen(outcome);
  return outcome;
}

/** The deck, with the configuration and workspace folder the editor lints it with. */
function deckJob(diagnostics: DiagnosticsManager, uri: vscode.Uri): Pick<FileExportJob, 'deckPath' | 'config' | 'workspaceRoot'> {
  const config = diagnostics.configFor(uri);
  return { deckPath: uri.fsPath, config: config.resolved, workspaceRoot: config.workspaceRoot };
}

async function runWithProgress(format: ExportFormat, job: Omit<FileExportJob, 'signal'>): Promise<ExportOutcome | undefined> {
  const label = FORMATS[format].label;
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Exporting ${basename(job.deckPath)}: ${label}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const cancelled = new Promise<never>((_, reject) =>
          token.onCancellationRequested(() => {
            controller.abort();
            reject(new vscode.CancellationError());
          }),
        );
        const browserUp = core().warmBrowser.isRunning;
        progress.report({ message: FORMATS[format].browser && !browserUp ? 'starting the browser…' : 'rendering…' });
        const result = await Promise.race([EXPORTERS[format]({ ...job, signal: controller.signal }), cancelled]);
        return { format, files: result.files, ...(result.slideCount !== undefined && { slideCount: result.slideCount }), warnings: result.warnings };
      },
    );
  } catch (error) {
    if (error instanceof vscode.CancellationError) {
      void vscode.window.showInformationMessage(`Export (${label}) cancelled.`);
      lastExportFailure = { format, kind: 'cancelled', message: 'cancelled' };
    } else if (isBrowserNotFound(error)) {
      void vscode.window
        .showErrorMessage(`${label} needs Chrome, Chromium or Edge: ${errorMessage(error).split('\n')[0]} Install one, or set isdeck.browserPath to its executable.`, 'Set Browser Path')
        .then((choice) => (choice ? vscode.commands.executeCommand('workbench.action.openSettings', 'isdeck.browserPath') : undefined));
      lastExportFailure = { format, kind: 'browser-not-found', message: errorMessage(error) };
    } else {
      logError(`export ${format}`, error);
      void vscode.window.showErrorMessage(`Export (${label}) failed: ${errorMessage(error)}`);
      lastExportFailure = { format, kind: 'failed', message: errorMessage(error) };
    }
    return undefined;
  }
}

async function offerToOpen(outcome: ExportOutcome): Promise<void> {
  const first = outcome.files[0];
  if (!first) return;
  const what = outcome.files.length === 1 ? basename(first) : `${outcome.files.length} files (${basename(first)}, …)`;
  const warnings = outcome.warnings.length ? ` (${outcome.warnings.length} warning${outcome.warnings.length === 1 ? '' : 's'} in the output)` : '';
  const message = `Exported ${what}${warnings}.`;
  const actions = ['Open', 'Reveal in File Explorer'];
  const choice = hooks.choose ? hooks.choose(message, actions) : await vscode.window.showInformationMessage(message, ...actions);
  if (choice === 'Open') await openWithSystem(vscode.Uri.file(first));
  if (choice === 'Reveal in File Explorer') await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(first));
}

let presentFolder: string | undefined;

/**
 * Present: the deck as the presentation file, in a temporary folder of this session, opened
 * in the system's browser at the slide under the cursor. P there opens the presenter view.
 */
export async function presentCommand(tracker: DeckTracker, diagnostics: DiagnosticsManager, target?: unknown): Promise<vscode.Uri | undefined> {
  if (!requireTrust('Present')) return undefined;
  const document = await tracker.resolve(target, 'present it');
  if (!document) return undefined;
  if (document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('Save the deck to a file to present it.');
    return undefined;
  }
  if (document.isDirty) await document.save();
  presentFolder ??= mkdtempSync(join(tmpdir(), 'isdeck-present-'));
  const slide = currentSlide(document);
  const outcome = await runWithProgress('present', { ...deckJob(diagnostics, document.uri), outPath: join(presentFolder, outputFileName('present', document.uri.fsPath)) });
  if (!outcome?.files[0]) return undefined;
  for (const warning of outcome.warnings) output().appendLine(`present ${basename(document.uri.fsPath)}: ${warning}`);
  const uri = vscode.Uri.file(outcome.files[0]).with({ fragment: String(slide) });
  await openWithSystem(uri);
  return uri;
}

/** The temporary folder of Present, removed when the extension stops. */
export function presentFolderPath(): string | undefined {
  return presentFolder;
}
