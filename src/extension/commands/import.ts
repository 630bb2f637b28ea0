import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { core } from '../core';
import { errorMessage, output } from '../util';

/** Answers given as the command's argument skip the questions (tests, scripted use). */
export interface ImportOptions {
  /** Replace a deck of the same name without asking. */
  force?: boolean;
  /** Do not open the deck and its preview. */
  quiet?: boolean;
}

export interface ImportOutcome {
  deckPath: string;
  slides: number;
  /** Findings and lint problems: what needs a person. */
  needsPerson: number;
}

const FILTERS = { PowerPoint: ['pptx', 'pptm', 'ppsx', 'potx'] };

/**
 * "Import PowerPoint…": a `.pptx` (the Explorer's, or one picked) becomes `<name>.md` beside
 * it; the deck opens with its preview beside, and the report goes to the output channel.
 */
export async function importPowerPointCommand(target?: vscode.Uri, options: ImportOptions = {}): Promise<ImportOutcome | undefined> {
  const uri = target instanceof vscode.Uri ? target : (await vscode.window.showOpenDialog({ title: 'Import PowerPoint', filters: FILTERS, canSelectMany: false }))?.[0];
  if (!uri) return undefined;
  if (uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('Import a presentation saved on disk.');
    return undefined;
  }
  const input = uri.fsPath;
  const outDir = dirname(input);
  const deckPath = core().importedDeckPath(input, outDir);
  let force = options.force ?? false;
  if (!force && existsSync(deckPath)) {
    const choice = await vscode.window.showWarningMessage(`${basename(deckPath)} exists. Replace it with the imported deck?`, { modal: true }, 'Replace');
    if (choice !== 'Replace') return undefined;
    force = true;
  }
  let result;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Importing ${basename(input)}` }, () =>
      core().importPptxFile({ input, outDir, force }),
    );
  } catch (error) {
    void vscode.window.showErrorMessage(`Import of ${basename(input)} failed: ${errorMessage(error)}`);
    return undefined;
  }
  const { report } = result;
  output().append(core().formatImportReport(report, { input: basename(input), deck: basename(result.deckPath), images: result.imagePaths.length, ms: result.ms }));
  const outcome: ImportOutcome = { deckPath: result.deckPath, slides: report.slides.length, needsPerson: report.findings.length + report.problems.length };
  if (options.quiet) return outcome;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(result.deckPath));
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('isdeck.showPreview', document.uri);
  const summary = `Imported ${outcome.slides} slides into ${basename(result.deckPath)}`;
  if (outcome.needsPerson === 0) void vscode.window.showInformationMessage(`${summary}.`);
  else {
    void vscode.window
      .showWarningMessage(`${summary}: ${outcome.needsPerson} thing${outcome.needsPerson === 1 ? '' : 's'} need a person.`, 'Show Report')
      .then((choice) => (choice ? output().show(true) : undefined));
  }
  return outcome;
}
