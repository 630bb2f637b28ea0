import * as vscode from 'vscode';
import { parseJsonc } from './insert-slide';

const THEME_CSS = 'improvement-service.css';
const COPY_FOLDER = '.vscode/isdeck-theme';

/**
 * Marp for VS Code renders its preview with its own Marp instance, so the house theme reaches
 * it only through `markdown.marp.themes` (a path relative to the workspace). This adds it: the
 * workspace's own `themes/improvement-service.css` if it has one, else a copy of the
 * extension's theme (with its fonts and wordmark) in `.vscode/isdeck-theme/`.
 */
export async function useHouseThemeInMarpCommand(extensionUri: vscode.Uri, folder?: vscode.WorkspaceFolder): Promise<string | undefined> {
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
    try {
      await config.update('themes', [...list, relative], target);
    } catch {
      // Marp for VS Code is not installed, so its setting is not registered: write the file.
      await writeSettingsFile(workspace.uri, 'markdown.marp.themes', [...list, relative]);
    }
  }
  void vscode.window.showInformationMessage(
    `Marp for VS Code now loads the house theme from ${relative}. Decks with "theme: improvement-service" preview in the house style there (chart slides show their table).`,
  );
  return relative;
}

/** Sets one key in the folder's .vscode/settings.json (JSON with comments is read; comments are not kept). */
async function writeSettingsFile(folder: vscode.Uri, key: string, value: unknown): Promise<void> {
  const file = vscode.Uri.joinPath(folder, '.vscode', 'settings.json');
  let settings: Record<string, unknown> = {};
  if (await exists(file)) {
    const parsed = parseJsonc(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) settings = parsed as Record<string, unknown>;
  }
  settings[key] = value;
  await vscode.workspace.fs.writeFile(file, Buffer.from(`${JSON.stringify(settings, null, 2)}\n`, 'utf8'));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
