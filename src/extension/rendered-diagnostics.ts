import * as vscode from 'vscode';
import type { Problem } from '../core/rules/rule';
import { toDiagnostic } from './diagnostics';

export interface RenderedUpdate {
  uri: vscode.Uri;
  problems: readonly Problem[];
}

/**
 * The rendered rules' problems (`slide-overflow`, `min-font-size`, `contrast`) of the deck in
 * the preview, measured on the slides the preview drew. A diagnostic collection of their own,
 * beside the static rules' (same source `isdeck`, same links to the rule pages), so a lint and a
 * measurement never overwrite each other. Cleared when the preview closes or shows another deck.
 */
export class RenderedDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('isdeck-rendered');
  private readonly problems = new Map<string, readonly Problem[]>();
  private readonly changed = new vscode.EventEmitter<RenderedUpdate>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, problems: readonly Problem[]): void {
    this.problems.set(uri.toString(), problems);
    this.collection.set(uri, problems.map(toDiagnostic));
    this.changed.fire({ uri, problems });
  }

  get(uri: vscode.Uri): readonly Problem[] {
    return this.problems.get(uri.toString()) ?? [];
  }

  clear(uri?: vscode.Uri): void {
    const uris = uri ? [uri] : [...this.problems.keys()].map((key) => vscode.Uri.parse(key));
    for (const each of uris) {
      if (!this.problems.delete(each.toString()) && !this.collection.has(each)) continue;
      this.collection.delete(each);
      this.changed.fire({ uri: each, problems: [] });
    }
  }

  dispose(): void {
    this.collection.dispose();
    this.changed.dispose();
  }
}
