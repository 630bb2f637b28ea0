import * as vscode from 'vscode';

export const SECTION = 'isdeck';

export interface Settings {
  browserPath: string;
  validateOnType: boolean;
  validateOnSave: boolean;
  /** Rule overrides, as the `rules` of `.isdeckrc.json`; applied over the config files. */
  rules: Record<string, unknown>;
  /** Debounce while typing, in ms. */
  debounceMs: number;
  /** `isdeck.export.outDir`: where exports go (empty: beside the deck). */
  exportOutDir: string;
}

export function readSettings(scope?: vscode.Uri): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const rules = config.get<unknown>('rules');
  return {
    browserPath: (config.get<string>('browserPath') ?? '').trim(),
    validateOnType: config.get<boolean>('validate.onType') ?? true,
    validateOnSave: config.get<boolean>('validate.onSave') ?? true,
    rules: rules && typeof rules === 'object' && !Array.isArray(rules) ? (rules as Record<string, unknown>) : {},
    debounceMs: clamp(config.get<number>('validate.delay') ?? 300, 0, 5000),
    exportOutDir: (config.get<string>('export.outDir') ?? '').trim(),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, min), max) : min;
}
