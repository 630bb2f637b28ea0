import { basename, dirname, extname, join } from 'node:path';
import * as vscode from 'vscode';
import { core } from '../core';
import { readSettings } from '../settings';
import { requireTrust } from '../trust';
import { errorMessage, logError, output } from '../util';

export type ExportFormat = 'pdf' | 'pptx' | 'html';

export interface ExportOptions {
  /** Where to write; default: next to the deck, same name. */
  outPath?: string;
  /** Do not offer to open the result (tests, scripted use). */
  quiet?: boolean;
}

export interface ExportOutcome {
  outPath: string;
  slideCount?: number;
  warnings: string[];
}

interface ExportJob {
  deckPath: string;
  outPath: string;
  browserPath: string | undefined;
  signal: AbortSignal;
}

type Exporter = (job: ExportJob) => Promise<{ slideCount?: number; warnings?: string[] }>;

const LABELS: Record<ExportFormat, string> = { pdf: 'PDF', pptx: 'PowerPoint (PPTX)', html: 'HTML' };

const EXPORTERS: Record<ExportFormat, Exporter | undefined> = {
  html: async ({ deckPath, outPath }) => {
    const result = await core().exportHtml(deckPath, outPath);
    return { slideCount: result.slideCount, warnings: result.warnings.map((warning) => warning.message) };
  },
  pptx: (job) => core().exportPptxFile(job),
  pdf: (job) => core().exportPdfFile(job),
};

/** Lets the exporters that load heavy modules be attached lazily (and replaced in tests). */
export function registerExporter(format: ExportFormat, exporter: Exporter): void {
  EXPORTERS[format] = exporter;
}

/** Why the last export did not write a file (for the tests and the output channel). */
export let lastExportFailure: { format: ExportFormat; kind: 'untrusted' | 'cancelled' | 'browser-not-found' | 'failed' | 'no-deck'; message: string } | undefined;

/** The core's BrowserNotFoundError (its class lives in the core bundle, so it is recognised by its code). */
export function isBrowserNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'ISDECK_BROWSER_NOT_FOUND' || (error as { name?: unknown } | undefined)?.name === 'BrowserNotFoundError';
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

/** Export the active deck (or `target`) with progress and cancellation; offers to open the file. */
export async function exportCommand(format: ExportFormat, target?: vscode.Uri, options: ExportOptions = {}): Promise<ExportOutcome | undefined> {
  const label = LABELS[format];
  lastExportFailure = undefined;
  if (!requireTrust(`Export to ${label}`)) {
    lastExportFailure = { format, kind: 'untrusted', message: 'Restricted Mode' };
    return undefined;
  }
  const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme !== 'file') {
    void vscode.window.showInformationMessage(`Open a deck saved on disk to export it to ${label}.`);
    lastExportFailure = { format, kind: 'no-deck', message: 'no deck on disk' };
    return undefined;
  }
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open?.isDirty) await open.save();
  const exporter = EXPORTERS[format];
  if (!exporter) {
    void vscode.window.showErrorMessage(`Export to ${label} is not available in this version of the extension.`);
    return undefined;
  }
  const deckPath = uri.fsPath;
  const outPath = options.outPath ?? join(dirname(deckPath), `${basename(deckPath, extname(deckPath))}.${format}`);
  const browserPath = readSettings(uri).browserPath || undefined;

  let outcome: ExportOutcome | undefined;
  try {
    outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Exporting ${basename(deckPath)} to ${label}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const cancelled = new Promise<never>((_, reject) =>
          token.onCancellationRequested(() => {
            controller.abort();
            reject(new vscode.CancellationError());
          }),
        );
        progress.report({ message: format === 'pdf' ? 'starting the browser…' : 'rendering…' });
        const result = await Promise.race([exporter({ deckPath, outPath, browserPath, signal: controller.signal }), cancelled]);
        return { outPath, ...(result.slideCount !== undefined && { slideCount: result.slideCount }), warnings: result.warnings ?? [] };
      },
    );
  } catch (error) {
    if (error instanceof vscode.CancellationError) {
      void vscode.window.showInformationMessage(`Export to ${label} cancelled.`);
      lastExportFailure = { format, kind: 'cancelled', message: 'cancelled' };
      return undefined;
    }
    if (isBrowserNotFound(error)) {
      void vscode.window
        .showErrorMessage(
          `PDF export needs Chrome, Chromium or Edge: ${firstLine(errorMessage(error))} Install one, or set isdeck.browserPath to its executable.`,
          'Set Browser Path',
        )
        .then((choice) => (choice ? vscode.commands.executeCommand('workbench.action.openSettings', 'isdeck.browserPath') : undefined));
      lastExportFailure = { format, kind: 'browser-not-found', message: errorMessage(error) };
      return undefined;
    }
    logError(`export ${format}`, error);
    void vscode.window.showErrorMessage(`Export to ${label} failed: ${errorMessage(error)}`);
    lastExportFailure = { format, kind: 'failed', message: errorMessage(error) };
    return undefined;
  }
  for (const warning of outcome.warnings) output().appendLine(`export ${basename(outPath)}: ${warning}`);
  if (!options.quiet) {
    const actions = ['Open', 'Reveal in File Explorer'];
    void vscode.window
      .showInformationMessage(`Exported ${basename(outPath)}${outcome.warnings.length ? ` (${outcome.warnings.length} warnings in the output)` : ''}.`, ...actions)
      .then((choice) => {
        if (choice === 'Open') {
          if (format === 'html') return vscode.env.openExternal(vscode.Uri.file(outPath));
          return vscode.commands.executeCommand('vscode.open', vscode.Uri.file(outPath));
        }
        if (choice === 'Reveal in File Explorer') return vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(outPath));
        return undefined;
      });
  }
  return outcome;
}
