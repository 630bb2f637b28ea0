import * as vscode from 'vscode';
import { isMarpDeck } from '../../core/deck/marp-deck';
import type { ConfigService } from '../config';
import type { DiagnosticsManager } from '../diagnostics';
import { LintStoppedError, type LintService } from '../lint-service';
import { logError } from '../util';

export interface LintWorkspaceSummary {
  decks: number;
  errors: number;
  warnings: number;
}

const EXCLUDE = '**/{node_modules,.git,dist,out,.cache}/**';

/** Lints every Marp deck in the workspace into the Problems panel, open or not. */
export async function lintWorkspaceCommand(diagnostics: DiagnosticsManager, lintService: LintService, configService: ConfigService): Promise<LintWorkspaceSummary> {
  const summary: LintWorkspaceSummary = { decks: 0, errors: 0, warnings: 0 };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Checking decks', cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles('**/*.{md,markdown}', EXCLUDE, 5000, token);
      for (const [index, uri] of files.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: `${index + 1}/${files.length}` });
        try {
          const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
          const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
          if (!isMarpDeck(text)) continue;
          const config = configService.forDocument(uri);
          const version = open?.version ?? -1;
          summary.decks++;
          try {
            const outcome = await lintService.lint({ text, file: uri.scheme === 'file' ? uri.fsPath : undefined, layers: config.layers, workspaceRoot: config.workspaceRoot });
            diagnostics.publish(uri, version, outcome, config);
            if (outcome.refused) summary.errors++;
            for (const problem of outcome.problems) {
              if (problem.severity === 'error') summary.errors++;
              else summary.warnings++;
            }
          } catch (error) {
            if (!(error instanceof LintStoppedError)) throw error;
            diagnostics.publishStopped(uri, version, config, error);
            summary.errors++;
          }
        } catch (error) {
          logError(`lint ${uri.toString()}`, error);
        }
      }
    },
  );
  void vscode.window.setStatusBarMessage(`isdeck: ${summary.decks} decks checked, ${summary.errors} errors, ${summary.warnings} warnings`, 5000);
  return summary;
}
