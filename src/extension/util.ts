import * as vscode from 'vscode';
import { frontMatterYaml, isMarpDeck } from '../core/deck/marp-deck';
import type { SourceRange } from '../core/deck/types';
import type { DeckSource } from './deck-model';

export const EXTENSION_ID = 'improvement-service.isdeck';
export const DIAGNOSTIC_SOURCE = 'isdeck';

let channel: vscode.OutputChannel | undefined;

export function output(): vscode.OutputChannel {
  channel ??= vscode.window.createOutputChannel('Improvement Service Decks');
  return channel;
}

export function logError(where: string, error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  output().appendLine(`[${new Date().toISOString()}] ${where}: ${text}`);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Wraps a handler so bad input never reaches the extension host as an exception: errors are
 * logged, and for user-started commands shown once as a message.
 */
export function guard<Args extends unknown[], Result>(
  where: string,
  handler: (...args: Args) => Result | Promise<Result>,
  options: { showError?: boolean } = {},
): (...args: Args) => Promise<Result | undefined> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      logError(where, error);
      if (options.showError) void vscode.window.showErrorMessage(`Improvement Service: ${where} failed: ${errorMessage(error)}`);
      return undefined;
    }
  };
}

/** The same, for synchronous callbacks VS Code calls on its own (providers, events). */
export function guardSync<Args extends unknown[], Result>(where: string, handler: (...args: Args) => Result, fallback: Result): (...args: Args) => Result {
  return (...args: Args) => {
    try {
      return handler(...args);
    } catch (error) {
      logError(where, error);
      return fallback;
    }
  };
}

/** A core range (1-based, end column exclusive) as a VS Code range (0-based, end exclusive). */
export function toVsRange(range: SourceRange): vscode.Range {
  const line = Math.max(range.line - 1, 0);
  const endLine = Math.max(range.endLine - 1, line);
  return new vscode.Range(line, Math.max(range.column - 1, 0), endLine, Math.max(range.endColumn - 1, 0));
}

/**
 * A Marp deck the house renderer draws in the built-in Markdown preview: its front-matter sets
 * the house theme, or no theme (the house renderer's default).
 */
export function isHouseDeckText(text: string): boolean {
  if (!isMarpDeck(text)) return false;
  const line = /^theme[ \t]*:(.*)$/m.exec(frontMatterYaml(text) ?? '');
  const theme = (line?.[1] ?? '').replace(/#.*/, '').trim().replace(/^(["'])(.*)\1$/, '$2').trim();
  return theme === '' || theme === 'improvement-service';
}

export function isMarkdownDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && document.uri.scheme !== 'git' && document.uri.scheme !== 'output';
}

export function isMarpDocument(document: vscode.TextDocument): boolean {
  return isMarkdownDocument(document) && isMarpDeck(document.getText());
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(document: vscode.TextDocument, after: string): vscode.TextEdit | undefined {
  const before = document.getText();
  if (before === after) return undefined;
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  const range = new vscode.Range(document.positionAt(start), document.positionAt(endBefore));
  return vscode.TextEdit.replace(range, after.slice(start, endAfter));
}

export function debounce<Key>(delayMs: () => number, run: (key: Key) => void) {
  const timers = new Map<Key, ReturnType<typeof setTimeout>>();
  return {
    schedule(key: Key) {
      const existing = timers.get(key);
      if (existing) clearTimeout(existing);
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          run(key);
        }, delayMs()),
      );
    },
    cancel(key: Key) {
      const existing = timers.get(key);
      if (existing) clearTimeout(existing);
      timers.delete(key);
    },
    dispose() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** An open document as the core's deck model reads it (see deck-model.ts). */
export function deckSource(document: vscode.TextDocument): DeckSource {
  return { key: document.uri.toString(), version: document.version, text: () => document.getText(), file: document.uri.scheme === 'file' ? document.uri.fsPath : undefined };
}
