import * as vscode from 'vscode';
import { EXTENSION_ID, logError } from './util';

/**
 * Rule pages inside VS Code: each problem's rule id links to the rule's page as shipped in the
 * extension (`docs/rules/<id>.md`), shown in the Markdown preview. The link is the editor's
 * own address for this extension (`vscode://improvement-service.isdeck/rule/<id>`, with the
 * product's scheme), which VS Code hands to the extension's URI handler without leaving the
 * editor; a web address would point at a repository that may not exist where the author is.
 */
export function ruleDocsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: EXTENSION_ID, path: `/rule/${ruleId}` });
}

/** The rule's page in the Markdown preview; false (after saying so) for an unknown rule. */
export async function showRuleDocs(extensionUri: vscode.Uri, ruleId: unknown): Promise<boolean> {
  const id = typeof ruleId === 'string' && /^[a-z][a-z0-9-]*$/.test(ruleId) ? ruleId : undefined;
  const page = id && vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`);
  try {
    if (!page) throw new Error('no rule id');
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showErrorMessage(`There is no isdeck rule ${JSON.stringify(ruleId)}.`);
    return false;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
  return true;
}

export class RuleDocsLinks implements vscode.UriHandler {
  private readonly opened = new vscode.EventEmitter<string>();
  /** A rule's page was opened from a link (for the tests). */
  readonly onDidOpen = this.opened.event;

  constructor(private readonly extensionUri: vscode.Uri) {}

  async handleUri(uri: vscode.Uri): Promise<void> {
    try {
      const id = /^\/rule\/([a-z][a-z0-9-]*)$/.exec(uri.path)?.[1];
      if (id && (await showRuleDocs(this.extensionUri, id))) this.opened.fire(id);
    } catch (error) {
      logError('rule link', error);
    }
  }
}
