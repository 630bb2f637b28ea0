import * as vscode from 'vscode';
import type { buildConfigSchema, ConfigFile, ResolvedConfig } from '../core/config/schema';
import type { DiscoveredConfig } from './config-discovery';
import { core } from './core';
import { readSettings } from './settings';
import { isTrusted } from './trust';

export interface DocumentConfig {
  /** Config files, parent first, then the `isdeck.rules` setting as the last layer. */
  layers: ConfigFile[];
  /** The layers merged (computed on first use). */
  readonly resolved: ResolvedConfig;
  /** The files used, for the status bar's tooltip. */
  sources: string[];
  /** Problems with configuration (bad file, code config skipped in Restricted Mode, bad setting). */
  messages: string[];
  workspaceRoot: string | undefined;
}

/**
 * Configuration for one deck: `.isdeckrc.*` found from the deck's folder up to its workspace
 * folder (child overriding parent), then the `isdeck.rules` setting. Cached per folder until a
 * config file or the settings change.
 */
export class ConfigService implements vscode.Disposable {
  private readonly cache = new Map<string, DiscoveredConfig>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.isdeckrc*');
    const reset = () => {
      this.cache.clear();
      this.changed.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(reset),
      watcher.onDidCreate(reset),
      watcher.onDidDelete(reset),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('isdeck')) reset();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(reset),
      this.changed,
    );
  }

  clear(): void {
    this.cache.clear();
    this.changed.fire();
  }

  forDocument(uri: vscode.Uri): DocumentConfig {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const workspaceRoot = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
    const messages: string[] = [];
    let discovered: DiscoveredConfig = { files: [], sources: [], messages: [] };
    if (uri.scheme === 'file') {
      const key = `${isTrusted()}|${workspaceRoot ?? ''}|${dirnameOf(uri.fsPath)}`;
      discovered = this.cache.get(key) ?? core().discoverConfigFiles(uri.fsPath, workspaceRoot, { allowCode: isTrusted() });
      this.cache.set(key, discovered);
    }
    messages.push(...discovered.messages);
    const layers = [...discovered.files];
    const settingsLayer = settingsRules(uri, messages);
    if (settingsLayer) layers.push(settingsLayer);
    let resolved: ResolvedConfig | undefined;
    return {
      layers,
      sources: discovered.sources,
      messages,
      workspaceRoot,
      get resolved() {
        if (resolved) return resolved;
        const { resolveConfig, allRules } = core();
        try {
          resolved = resolveConfig(allRules, layers);
        } catch {
          resolved = resolveConfig(allRules, []);
        }
        return resolved;
      },
    };
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

let schema: ReturnType<typeof buildConfigSchema> | undefined;

/** The `isdeck.rules` setting as one more config layer, if it is valid. */
function settingsRules(uri: vscode.Uri, messages: string[]): ConfigFile | undefined {
  const rules = readSettings(uri).rules;
  if (Object.keys(rules).length === 0) return undefined;
  schema ??= core().buildConfigSchema(core().allRules);
  const result = schema.safeParse({ rules });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${['isdeck.rules', ...issue.path.slice(1)].join('.')}: ${issue.message}`);
  messages.push(`The isdeck.rules setting is ignored: ${issues.join('; ')}`);
  return undefined;
}

function dirnameOf(path: string): string {
  const index = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return index >= 0 ? path.slice(0, index) : path;
}
