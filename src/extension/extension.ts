import { loadStarted } from './timing';
import * as vscode from 'vscode';
import { FIX_ALL_KIND, DeckCodeActions } from './code-actions';
import { exportCommand, lastExportFailure, registerExporter, type ExportFormat, type ExportOptions } from './commands/export';
import { importPowerPointCommand, type ImportOptions } from './commands/import';
import { insertSlideCommand, slideSnippets } from './commands/insert-slide';
import { lintWorkspaceCommand } from './commands/lint-workspace';
import { useHouseThemeInMarpCommand } from './commands/marp-theme';
import { newDeckCommand, setInputBoxForTests, type NewDeckArguments } from './commands/new-deck';
import { ConfigService } from './config';
import { DiagnosticsManager } from './diagnostics';
import { LintService } from './lint-service';
import { PreviewManager } from './preview';
import { RenderedDiagnostics } from './rendered-diagnostics';
import { DeckStatusBar } from './status-bar';
import { IsdeckTaskProvider, TASK_TYPE } from './tasks';
import { isTrusted, setTrustOverride } from './trust';
import { guard, isMarpDocument, output } from './util';

const moduleLoaded = performance.now();

/** What `activate` returns: timings and hooks the test suite (and other extensions) use. */
export interface IsdeckApi {
  /** Loading the bundle plus running `activate` (what VS Code counts as activation, less its own waits). */
  activationMs: number;
  /** Of which: evaluating the bundle, and running `activate`. */
  loadMs: number;
  activateMs: number;
  diagnostics: DiagnosticsManager;
  preview: PreviewManager;
  /** The rendered rules' problems, from the preview's measurements. */
  renderedDiagnostics: RenderedDiagnostics;
  lintService: LintService;
  configService: ConfigService;
  codeActions: DeckCodeActions;
  statusBar: DeckStatusBar;
  isTrusted(): boolean;
  setTrustOverride(value: boolean | undefined): void;
  slideSnippets(): Map<string, string>;
  registerExporter: typeof registerExporter;
  setInputBoxForTests: typeof setInputBoxForTests;
  lastExportFailure(): typeof lastExportFailure;
}

export function activate(context: vscode.ExtensionContext): IsdeckApi {
  const activateStarted = performance.now();
  const configService = new ConfigService();
  const lintService = new LintService(context.extensionPath);
  const diagnostics = new DiagnosticsManager(lintService, configService);
  const codeActions = new DeckCodeActions(diagnostics, configService, lintService);
  const renderedDiagnostics = new RenderedDiagnostics();
  const preview = new PreviewManager(context.extensionUri, diagnostics, configService, renderedDiagnostics);
  const statusBar = new DeckStatusBar(diagnostics, renderedDiagnostics);
  const selector: vscode.DocumentSelector = [{ language: 'markdown' }];

  const command = (id: string, handler: (...args: never[]) => unknown) =>
    vscode.commands.registerCommand(id, guard(id, handler as (...args: unknown[]) => unknown, { showError: true }));
  const exportWith = (format: ExportFormat) => (target?: vscode.Uri, options?: ExportOptions) => exportCommand(format, target, options ?? {});

  context.subscriptions.push(
    configService,
    lintService,
    diagnostics,
    renderedDiagnostics,
    preview,
    statusBar,
    vscode.languages.registerCodeActionsProvider(selector, codeActions, DeckCodeActions.metadata),
    vscode.tasks.registerTaskProvider(TASK_TYPE, new IsdeckTaskProvider()),
    command('isdeck.newDeck', (args?: NewDeckArguments) => newDeckCommand(args)),
    command('isdeck.insertSlide', (type?: string) => insertSlideCommand(context.extensionPath, type)),
    command('isdeck.exportPdf', exportWith('pdf')),
    command('isdeck.exportPptx', exportWith('pptx')),
    command('isdeck.exportHtml', exportWith('html')),
    command('isdeck.importPowerPoint', (target?: vscode.Uri, options?: ImportOptions) => importPowerPointCommand(target, options ?? {})),
    command('isdeck.lintWorkspace', () => lintWorkspaceCommand(diagnostics, lintService, configService)),
    command('isdeck.showPreview', async (target?: vscode.Uri) => {
      const document = target instanceof vscode.Uri ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
      if (!document || !isMarpDocument(document)) {
        void vscode.window.showInformationMessage('Open a Marp deck (front-matter with marp: true) to preview it.');
        return false;
      }
      preview.show(document);
      return true;
    }),
    command('isdeck.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const edit = await codeActions.fixAllEdit(editor.document);
      return edit ? vscode.workspace.applyEdit(edit) : false;
    }),
    command('isdeck.useHouseThemeInMarp', () => useHouseThemeInMarpCommand(context.extensionUri)),
  );

  const activateMs = performance.now() - activateStarted;
  const activationMs = moduleLoaded - loadStarted + activateMs;
  // The first lint loads the core bundle: after activation, not inside it.
  setTimeout(() => diagnostics.lintOpenDocuments(), 0);
  output().appendLine(`Activated in ${activationMs.toFixed(1)} ms (code loaded and activate run).${isTrusted() ? '' : ' Restricted Mode: export and code configuration are off.'}`);

  return {
    activationMs,
    loadMs: moduleLoaded - loadStarted,
    activateMs,
    diagnostics,
    preview,
    renderedDiagnostics,
    lintService,
    configService,
    codeActions,
    statusBar,
    isTrusted,
    setTrustOverride: (value) => {
      setTrustOverride(value);
      configService.clear();
      statusBar.update();
    },
    slideSnippets: () => slideSnippets(context.extensionPath),
    registerExporter,
    setInputBoxForTests,
    lastExportFailure: () => lastExportFailure,
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}

export { FIX_ALL_KIND };
