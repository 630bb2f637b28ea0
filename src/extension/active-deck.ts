import * as vscode from 'vscode';
import { isMarpDocument } from './util';

/**
 * Which deck a command is about when it is not given one. The active editor's deck; else,
 * when the focus is elsewhere (the Welcome page's walkthrough, the preview, a terminal), the
 * deck last active in an editor, if it is still open; else the one open deck, or the author
 * picks among the open decks.
 */
export class DeckTracker implements vscode.Disposable {
  private last: vscode.Uri | undefined;
  private readonly subscription: vscode.Disposable;

  constructor() {
    const remember = (editor: vscode.TextEditor | undefined) => {
      if (editor && isMarpDocument(editor.document)) this.last = editor.document.uri;
    };
    remember(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor(remember);
  }

  /** The deck for a command; `undefined` (after saying why) when there is none or the author cancels. */
  async resolve(target: unknown, action: string): Promise<vscode.TextDocument | undefined> {
    if (target instanceof vscode.Uri) return vscode.workspace.openTextDocument(target);
    const active = vscode.window.activeTextEditor?.document;
    if (active && isMarpDocument(active)) return active;
    const open = vscode.workspace.textDocuments.filter((document) => !document.isClosed && isMarpDocument(document));
    const recent = this.last && open.find((document) => document.uri.toString() === this.last!.toString());
    if (recent) return recent;
    if (open.length === 1) return open[0];
    if (open.length === 0) {
      void vscode.window.showInformationMessage(`Open a Marp deck (front-matter with marp: true) to ${action}.`);
      return undefined;
    }
    const pick = await vscode.window.showQuickPick(
      open.map((document) => ({ label: vscode.workspace.asRelativePath(document.uri), document })),
      { title: `Which deck? (${action})`, placeHolder: 'Open decks' },
    );
    return pick?.document;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** A text editor showing `document`, opening one beside nothing else when none is visible. */
export async function editorFor(document: vscode.TextDocument): Promise<vscode.TextEditor> {
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === document.uri.toString());
  return visible ?? vscode.window.showTextDocument(document, { preview: false });
}
