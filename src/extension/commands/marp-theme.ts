import * as vscode from 'vscode';
import { MARP_FOR_VS_CODE } from '../markdown-it';

const THEME_CSS = 'improvement-service.css';
const COPY_FOLDER = '.vscode/isdeck-theme';

/**
 * Marp for VS Code renders its preview with its own Marp instance, so the house theme reaches
 * it only through `markdown.marp.themes` (a path relative to the workspace). This adds it: the
 * workspace's own `themes/improvement-service.css` if it has one, else a copy of the
 * extension's theme (with its fonts and wordmark) in `.vscode/isdeck-theme/`.
 *
 * Without Marp for VS Code there is nothing to set: it says so, changes nothing, and offers to
 * install it or show its page. (The built-in Markdown preview shows house decks without it.)
 */
export async function useHouseThemeInMarpCommand(extensionUri: vscode.Uri, folder?: vscode.WorkspaceFolder): Promise<string | undefined> {
  if (!vscode.extensions.getExtension(MARP_FOR_VS_CODE)) {
    const install = 'Install Marp for VS Code';
    const page = 'Show Its Page';
    void vscode.window
      .showWarningMessage(
        'Marp for VS Code is not installed, so nothing was changed: its preview is where this command puts the house theme. ' +
          'The built-in Markdown preview already shows decks in the house style.',
        install,
        page,
      )
      .then((choice) => {
        if (choice === install) return vscode.commands.executeCommand('workbench.extensions.installExtension', MARP_FOR_VS_CODE);
        if (choice === page) return vscode.commands.executeCommand('extension.open', MARP_FOR_VS_CODE);
        return undefined;
      });
    return undefined;
  }
  const workspace = folder ?? vscode.workspace.workspaceFolders?.[0];
  if (!workspace) {
    void vscode.window.showInformationMessage('Open a folder first: the theme is registered in the workspace settings.');
    return undefined;
  }
  let relative = `themes/${THEME_CSS}`;
  if (!(await exists(vscode.Uri.joinPath(workspace.uri, relative)))) {
    relative = `${COPY_FOLDER}/${THEME_CSS}`;
    const source = vscode.Uri.joinPath(extensionUri, 'themes');
    const target = vscode.Uri.joinPath(workspace.uri, COPY_FOLDER);
    await vscode.workspace.fs.createDirectory(target);
    for (const name of [THEME_CSS, 'assets', 'fonts']) {
      const from = vscode.Uri.joinPath(source, name);
      if (await exists(from)) await vscode.workspace.fs.copy(from, vscode.Uri.joinPath(target, name), { overwrite: true });
    }
  }
  const config = vscode.workspace.getConfiguration('markdown.marp', workspace.uri);
  const themes = config.get<unknown>('themes');
  const list = Array.isArray(themes) ? themes.filter((theme): theme is string => typeof theme === 'string') : [];
  if (!list.includes(relative)) {
    const target = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
    await config.update('themes', [...list, relative], target);
  }
  void vscode.window.showInformationMessage(
    `Marp for VS Code now loads the house theme from ${relative}. Decks with "theme: improvement-service" preview in the house style there (chart slides show their table).`,
  );
  return relative;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
