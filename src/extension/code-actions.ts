import * as vscode from 'vscode';
import type { Fix, Problem } from '../core/rules/rule';
import type { ConfigService } from './config';
import type { LintService } from './lint-service';
import { core } from './core';
import { problemFor, ruleIdOf, type DiagnosticsManager } from './diagnostics';
import { logError, minimalEdit, toVsRange } from './util';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('isdeck');

/**
 * Quick fixes from the core's fixes: one per problem that has a fix, "fix all problems of this
 * rule", and `source.fixAll.isdeck` (usable from `editor.codeActionsOnSave`).
 */
export class DeckCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly diagnostics: DiagnosticsManager,
    private readonly configService: ConfigService,
    private readonly lintService: LintService,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    try {
      return await this.actions(document, context);
    } catch (error) {
      logError('code actions', error);
      return [];
    }
  }

  private async actions(document: vscode.TextDocument, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const only = context.only;
    const wantsFixAll = !only || only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only);
    const wantsQuickFix = !only || only.contains(vscode.CodeActionKind.QuickFix);
    const state = this.diagnostics.state(document.uri);
    const current = state && state.version === document.version ? state : undefined;
    const actions: vscode.CodeAction[] = [];

    if (wantsQuickFix && current) {
      const rulesOffered = new Set<string>();
      for (const diagnostic of context.diagnostics) {
        const problem = problemFor(current, diagnostic);
        if (!problem?.fix) continue;
        const action = new vscode.CodeAction(problem.fix.description, vscode.CodeActionKind.QuickFix);
        action.edit = fixEdit(document.uri, problem.fix);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
        rulesOffered.add(problem.ruleId);
      }
      for (const ruleId of rulesOffered) {
        const fixable = current.problems.filter((problem) => problem.ruleId === ruleId && problem.fix);
        if (fixable.length < 2) continue;
        const action = new vscode.CodeAction(`Fix all ${ruleId} problems in this deck (${fixable.length})`, vscode.CodeActionKind.QuickFix);
        const edit = this.ruleEdit(document, fixable);
        if (!edit) continue;
        action.edit = edit;
        action.diagnostics = context.diagnostics.filter((diagnostic) => ruleIdOf(diagnostic) === ruleId);
        actions.push(action);
      }
    }

    if (wantsFixAll && (only || current?.problems.some((problem) => problem.fix))) {
      const edit = await this.fixAllEdit(document);
      if (edit) {
        const action = new vscode.CodeAction('Fix all auto-fixable isdeck problems', FIX_ALL_KIND);
        action.edit = edit;
        actions.push(action);
      }
    }
    return actions;
  }

  /** Fix all problems of one rule in one edit. */
  private ruleEdit(document: vscode.TextDocument, problems: Problem[]): vscode.WorkspaceEdit | undefined {
    const fixes = problems.flatMap((problem) => (problem.fix ? [problem.fix] : []));
    const { text } = core().applyFixes(document.getText(), fixes);
    return wholeDocumentEdit(document, text);
  }

  /**
   * Every fixable problem, repeated until nothing more is fixable (as `isdeck lint --fix`), in
   * the lint worker with its time budget. Undefined when nothing changes or the document
   * changed meanwhile (the edit would be against old text).
   */
  async fixAllEdit(document: vscode.TextDocument): Promise<vscode.WorkspaceEdit | undefined> {
    const config = this.configService.forDocument(document.uri);
    const file = document.uri.scheme === 'file' ? document.uri.fsPath : undefined;
    const version = document.version;
    const text = await this.lintService.fix({ text: document.getText(), file, layers: config.layers, workspaceRoot: config.workspaceRoot });
    if (document.version !== version) return undefined;
    return wholeDocumentEdit(document, text);
  }
}

export function fixEdit(uri: vscode.Uri, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const textEdit of fix.edits) edit.replace(uri, toVsRange(textEdit.range), textEdit.newText);
  return edit;
}

function wholeDocumentEdit(document: vscode.TextDocument, after: string): vscode.WorkspaceEdit | undefined {
  const textEdit = minimalEdit(document, after);
  if (!textEdit) return undefined;
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, [textEdit]);
  return edit;
}
