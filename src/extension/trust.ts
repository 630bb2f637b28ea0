import * as vscode from 'vscode';

/**
 * Workspace trust. In Restricted Mode diagnostics, quick fixes and the preview still work;
 * what could run code from the workspace is off: export (it launches a browser, possibly one
 * the workspace's settings name, and writes files) and configuration files that are code.
 */
import { RESTRICTED_EXPORT_MESSAGE } from './messages';

export { RESTRICTED_CONFIG_MESSAGE, RESTRICTED_EXPORT_MESSAGE } from './messages';

let override: boolean | undefined;

export function isTrusted(): boolean {
  return override ?? vscode.workspace.isTrusted;
}

/** For tests: the suite's server runs with `--disable-workspace-trust`, so trust is simulated. */
export function setTrustOverride(value: boolean | undefined): void {
  override = value;
}

/** Returns false (after saying why) when the action needs a trusted workspace. */
export function requireTrust(action: string): boolean {
  if (isTrusted()) return true;
  void vscode.window
    .showWarningMessage(`${action}: ${RESTRICTED_EXPORT_MESSAGE}`, 'Manage Workspace Trust')
    .then((choice) => (choice ? vscode.commands.executeCommand('workbench.trust.manage') : undefined));
  return false;
}
