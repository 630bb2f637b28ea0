import * as vscode from 'vscode';
import { isMarpDeck } from '../core/deck/marp-deck';
import type { DiagnosticsManager } from './diagnostics';
import type { RenderedDiagnostics } from './rendered-diagnostics';
import { isTrusted } from './trust';
import { logError } from './util';

/** "12 slides · 3 parts · 2 problems" for the active deck; hidden for anything else. */
export class DeckStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('isdeck.status', vscode.StatusBarAlignment.Left, 90);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly diagnostics: DiagnosticsManager,
    private readonly rendered?: RenderedDiagnostics,
  ) {
    this.item.name = 'Improvement Service deck';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      diagnostics.onDidLint(() => this.update()),
      ...(rendered ? [rendered.onDidChange(() => this.update())] : []),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.update()),
    );
    this.update();
  }

  update(): void {
    try {
      const editor = vscode.window.activeTextEditor;
      const state = editor ? this.diagnostics.state(editor.document.uri) : undefined;
      // From the text, not only from a finished lint: a deck just opened is a deck at once, so
      // the deck commands are in the palette before its first lint ends.
      const isDeck = !!state || (editor?.document.languageId === 'markdown' && isMarpDeck(editor.document.getText()));
      void vscode.commands.executeCommand('setContext', 'isdeck.activeDeck', isDeck);
      if (!state) {
        this.item.hide();
        return;
      }
      const notChecked = state.stopped ?? state.refused?.message;
      if (notChecked !== undefined) {
        this.item.text = `$(warning) ${state.stopped ? 'lint stopped: over budget' : 'deck not checked'}`;
        this.item.tooltip = `Improvement Service deck: ${notChecked}`;
        this.item.accessibilityInformation = { label: `Improvement Service deck not checked: ${notChecked}` };
        this.item.show();
        return;
      }
      // The static rules' problems, and the rendered rules' while the preview measures this deck.
      const drawn = this.rendered?.get(state.uri) ?? [];
      const all = [...state.problems, ...drawn];
      const errors = all.filter((problem) => problem.severity === 'error').length;
      const warnings = all.length - errors;
      const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
      const problems = all.length === 0 ? '$(check) no problems' : `$(error) ${errors} $(warning) ${warnings}`;
      this.item.text = `$(preview) ${plural(state.slides, 'slide')} · ${plural(state.parts, 'part')} · ${problems}`;
      const tooltip = new vscode.MarkdownString(undefined, true);
      tooltip.appendMarkdown(`**Improvement Service deck**\n\n${plural(state.slides, 'slide')} in ${plural(state.parts, 'part')}; `);
      tooltip.appendMarkdown(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} (checked in ${state.durationMs.toFixed(0)} ms)`);
      tooltip.appendMarkdown(drawn.length > 0 ? `, of which ${plural(drawn.length, 'problem')} on the slides as the preview drew them.\n\n` : '.\n\n');
      tooltip.appendMarkdown(
        state.config.sources.length > 0
          ? `Configuration: ${state.config.sources.map((source) => `\`${source}\``).join(', ')}\n\n`
          : 'Configuration: the defaults.\n\n',
      );
      for (const message of state.config.messages) tooltip.appendMarkdown(`$(warning) ${escapeMarkdown(message)}\n\n`);
      if (!isTrusted()) tooltip.appendMarkdown('$(shield) Restricted Mode: export and configuration written as code are disabled.\n\n');
      this.item.tooltip = tooltip;
      this.item.accessibilityInformation = { label: `${plural(state.slides, 'slide')}, ${plural(state.parts, 'part')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}` };
      this.item.show();
    } catch (error) {
      logError('status bar', error);
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
