import { loadStarted } from './timing';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { DeckTracker } from './active-deck';
import { FIX_ALL_KIND, DeckCodeActions } from './code-actions';
import { exportDeckCommand, lastExportFailure, presentCommand, presentFolderPath, setExportHooksForTests, type ExportOptions } from './commands/export';
import { insertSlideCommand, type InsertAt } from './commands/insert-slide';
import { importPowerPointCommand, type ImportOptions } from './commands/import';
import { lintWorkspaceCommand } from './commands/lint-workspace';
import { useHouseThemeInMarpCommand } from './commands/marp-theme';
import { newDeckCommand, setInputBoxForTests, type NewDeckArguments } from './commands/new-deck';
import { DeckCompletions, TRIGGER_CHARACTERS } from './completion';
import { ConfigService } from './config';
import { core, isCoreLoaded } from './core';
import { DiagnosticsManager } from './diagnostics';
import { LintService } from './lint-service';
import { extendMarkdownIt } from './markdown-it';
import { DeckSymbols, goToSlideCommand } from './navigation';
import { PreviewManager } from './preview';
import { RenderedDiagnostics } from './rendered-diagnostics';
import { RuleDocsLinks, showRuleDocs } from './rule-docs';
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
  ruleLinks: RuleDocsLinks;
  isTrusted(): boolean;
  setTrustOverride(value: boolean | undefined): void;
  setInputBoxForTests: typeof setInputBoxForTests;
  setExportHooksForTests: typeof setExportHooksForTests;
  lastExportFailure(): typeof lastExportFailure;
  /** The export browser: whether it is running, and how many times it was started. */
  exportBrowser(): { running: boolean; launches: number };
  /** VS Code's Markdown preview calls this (`markdown.markdownItPlugins`): house decks show as house slides. */
  extendMarkdownIt: typeof extendMarkdownIt;
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
  const tracker = new DeckTracker();
  const ruleLinks = new RuleDocsLinks(context.extensionUri);
  const selector: vscode.DocumentSelector = [{ language: 'markdown' }];

  const command = (id: string, handler: (...args: never[]) => unknown) =>
    vscode.commands.registerCommand(id, guard(id, handler as (...args: unknown[]) => unknown, { showError: true }));

  context.subscriptions.push(
    configService,
    lintService,
    diagnostics,
    renderedDiagnostics,
    preview,
    statusBar,
    tracker,
    vscode.languages.registerCodeActionsProvider(selector, codeActions, DeckCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(selector, new DeckCompletions(), ...TRIGGER_CHARACTERS),
    vscode.languages.registerDocumentSymbolProvider(selector, new DeckSymbols(), { label: 'Improvement Service deck' }),
    vscode.window.registerUriHandler(ruleLinks),
    vscode.tasks.registerTaskProvider(TASK_TYPE, new IsdeckTaskProvider()),
    command('isdeck.newDeck', (args?: NewDeckArguments) => newDeckCommand(args)),
    command('isdeck.insertSlide', (type?: unknown, at?: InsertAt) => insertSlideCommand(type, at)),
    command('isdeck.exportDeck', (target?: unknown, options?: ExportOptions) => exportDeckCommand(tracker, diagnostics, target, options ?? {})),
    command('isdeck.present', (target?: unknown) => presentCommand(tracker, diagnostics, target)),
    command('isdeck.goToSlide', (slide?: unknown) => goToSlideCommand(tracker, slide)),
    command('isdeck.showRuleDocs', (ruleId?: unknown) => showRuleDocs(context.extensionUri, ruleId)),
    command('isdeck.importPowerPoint', (target?: vscode.Uri, options?: ImportOptions) => importPowerPointCommand(target, options ?? {})),
    command('isdeck.lintWorkspace', () => lintWorkspaceCommand(diagnostics, lintService, configService)),
    command('isdeck.showPreview', async (target?: unknown) => {
      const document = await tracker.resolve(target, 'preview it');
      if (!document || !isMarpDocument(document)) return false;
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
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (isCoreLoaded()) core().forgetDeck(document.uri.toString());
    }),
    { dispose: stopExports },
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
    ruleLinks,
    isTrusted,
    setTrustOverride: (value) => {
      setTrustOverride(value);
      configService.clear();
      statusBar.update();
    },
    setInputBoxForTests,
    setExportHooksForTests,
    lastExportFailure: () => lastExportFailure,
    exportBrowser: () => (isCoreLoaded() ? { running: core().warmBrowser.isRunning, launches: core().warmBrowser.launches } : { running: false, launches: 0 }),
    extendMarkdownIt,
  };
}

/** The export browser is closed and Present's temporary folder removed. */
function stopExports(): void {
  if (isCoreLoaded()) void core().closeWarmBrowser();
  const folder = presentFolderPath();
  if (folder) rmSync(folder, { recursive: true, force: true });
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}

export { FIX_ALL_KIND };
