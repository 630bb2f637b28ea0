import * as vscode from 'vscode';
import { isMarpDeck } from '../core/deck/marp-deck';
import type { Problem } from '../core/rules/rule';
import type { ConfigService, DocumentConfig } from './config';
import type { DeckRefusal } from '../core/deck/types';
import type { LintOutcome } from './lint-job';
import { LintStoppedError, type LintService } from './lint-service';
import { ruleDocsUri } from './rule-docs';
import { readSettings } from './settings';
import { debounce, DIAGNOSTIC_SOURCE, isMarkdownDocument, logError, toVsRange } from './util';

export interface DeckState {
  uri: vscode.Uri;
  version: number;
  problems: Problem[];
  slides: number;
  parts: number;
  slideStartLines: number[];
  config: DocumentConfig;
  durationMs: number;
  /** Set when the deck is past a budget (slides, YAML aliases): nothing else was checked. */
  refused?: DeckRefusal;
  /** Set when the lint ran past its time budget and was stopped: nothing was checked. */
  stopped?: string;
}

/**
 * Keeps the Problems panel in step with open decks: lints on open, after a pause in typing
 * (`isdeck.validate.onType`), on save (`isdeck.validate.onSave`), and when configuration
 * changes. Markdown that is not a Marp deck gets nothing.
 */
export class DiagnosticsManager implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly states = new Map<string, DeckState>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly linted = new vscode.EventEmitter<DeckState | { uri: vscode.Uri; cleared: true }>();
  readonly onDidLint = this.linted.event;
  private readonly scheduler = debounce<string>(
    () => readSettings().debounceMs,
    (key) => {
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key);
      if (document) void this.lintDocument(document);
    },
  );

  constructor(
    private readonly lintService: LintService,
    private readonly configService: ConfigService,
  ) {
    this.disposables.push(
      this.collection,
      this.linted,
      vscode.workspace.onDidOpenTextDocument((document) => this.safe(() => void this.lintDocument(document))),
      vscode.workspace.onDidChangeTextDocument((event) =>
        this.safe(() => {
          if (event.contentChanges.length === 0 || !isMarkdownDocument(event.document)) return;
          if (readSettings(event.document.uri).validateOnType) this.scheduler.schedule(event.document.uri.toString());
        }),
      ),
      vscode.workspace.onDidSaveTextDocument((document) =>
        this.safe(() => {
          if (readSettings(document.uri).validateOnSave) void this.lintDocument(document);
        }),
      ),
      vscode.workspace.onDidCloseTextDocument((document) =>
        this.safe(() => {
          this.scheduler.cancel(document.uri.toString());
          this.lintService.forget(document.uri.toString());
          this.forget(document.uri);
        }),
      ),
      configService.onDidChange(() => this.safe(() => this.lintOpenDocuments())),
    );
  }

  private safe(run: () => void): void {
    try {
      run();
    } catch (error) {
      logError('diagnostics', error);
    }
  }

  lintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) void this.lintDocument(document);
  }

  state(uri: vscode.Uri): DeckState | undefined {
    return this.states.get(uri.toString());
  }

  /** Lints one open document now (in the lint worker); resolves when its diagnostics are set (or cleared). */
  async lintDocument(document: vscode.TextDocument): Promise<DeckState | undefined> {
    try {
      if (!isMarkdownDocument(document)) return undefined;
      const text = document.getText();
      if (!isMarpDeck(text)) {
        this.forget(document.uri);
        return undefined;
      }
      const version = document.version;
      const config = this.configService.forDocument(document.uri);
      let outcome: LintOutcome | LintStoppedError;
      try {
        outcome = await this.lintService.lint({
          text,
          file: document.uri.scheme === 'file' ? document.uri.fsPath : undefined,
          layers: config.layers,
          workspaceRoot: config.workspaceRoot,
          key: document.uri.toString(),
        });
      } catch (error) {
        if (!(error instanceof LintStoppedError)) throw error;
        outcome = error;
      }
      if (document.isClosed || document.version !== version) return this.states.get(document.uri.toString());
      return outcome instanceof LintStoppedError ? this.publishStopped(document.uri, version, config, outcome) : this.publish(document.uri, version, outcome, config);
    } catch (error) {
      logError(`lint ${document.uri.toString()}`, error);
      return undefined;
    }
  }

  /** The configuration a deck is linted with; exports use it too, so both read the same files and settings. */
  configFor(uri: vscode.Uri): DocumentConfig {
    return this.configService.forDocument(uri);
  }

  /** Sets the diagnostics of a deck (open or not) from a lint outcome; a refused deck gets one, naming the budget. */
  publish(uri: vscode.Uri, version: number, outcome: LintOutcome, config: DocumentConfig): DeckState {
    return this.set({ uri, version, ...outcome, config }, outcome.refused ? [notCheckedDiagnostic(outcome.refused.line, outcome.refused.message)] : outcome.problems.map(toDiagnostic));
  }

  /** A lint stopped by its time budget: its one diagnostic says so, in place of problems that were not checked. */
  publishStopped(uri: vscode.Uri, version: number, config: DocumentConfig, stopped: LintStoppedError): DeckState {
    const state: DeckState = { uri, version, problems: [], slides: 0, parts: 0, slideStartLines: [], durationMs: stopped.budgetMs, config, stopped: stopped.message };
    return this.set(state, [notCheckedDiagnostic(1, `${stopped.message}: the deck was not checked. Split it into smaller decks, or check it with \`isdeck lint\`.`)]);
  }

  private set(state: DeckState, diagnostics: vscode.Diagnostic[]): DeckState {
    this.states.set(state.uri.toString(), state);
    this.collection.set(state.uri, diagnostics);
    this.linted.fire(state);
    return state;
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.states.has(key) && !this.collection.has(uri)) return;
    this.states.delete(key);
    this.collection.delete(uri);
    this.linted.fire({ uri, cleared: true });
  }

  dispose(): void {
    this.scheduler.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    toVsRange(problem.range),
    problem.message,
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: problem.ruleId, target: ruleDocsUri(problem.ruleId) };
  return diagnostic;
}

/** One diagnostic, on the whole of a 1-based line, for a deck that was not checked. */
function notCheckedDiagnostic(line: number, message: string): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(new vscode.Range(line - 1, 0, line - 1, Number.MAX_SAFE_INTEGER), message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

/** The rule id of one of our diagnostics. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** The problem a diagnostic was made from: same rule, range and message. */
export function problemFor(state: DeckState | undefined, diagnostic: vscode.Diagnostic): Problem | undefined {
  const ruleId = ruleIdOf(diagnostic);
  if (!state || !ruleId) return undefined;
  return state.problems.find(
    (problem) => problem.ruleId === ruleId && problem.message === diagnostic.message && toVsRange(problem.range).isEqual(diagnostic.range),
  );
}
