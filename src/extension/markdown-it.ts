import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { MdToken } from '../core/render/markdown-it-types';
import { core } from './core';
import type { MarkdownPreviewPlugin, PreviewMarkdownIt } from './markdown-preview';
import { isHouseDeckText, logError } from './util';

/** Marp for VS Code: when it is installed, it draws Marp decks in the built-in preview (with the house theme registered). */
export const MARP_FOR_VS_CODE = 'marp-team.marp-vscode';

interface VsCodeMarkdownIt extends PreviewMarkdownIt {
  parse(source: string, env: unknown): MdToken[];
  renderer: PreviewMarkdownIt['renderer'] & { render(tokens: MdToken[], options: unknown, env: unknown): string };
}

/**
 * `extendMarkdownIt` of the extension's API (`markdown.markdownItPlugins`): VS Code's built-in
 * Markdown preview shows a Marp deck in the house theme (or with no theme) as house slides.
 * Anything else (other Markdown, decks in other themes, everything when Marp for VS Code is
 * installed) goes to the preview's own markdown-it untouched, and the core bundle is loaded
 * only for a deck.
 */
export function extendMarkdownIt<T>(md: T): T {
  const preview = md as unknown as VsCodeMarkdownIt;
  const parse = preview.parse.bind(preview);
  const render = preview.renderer.render.bind(preview.renderer);
  let plugin: MarkdownPreviewPlugin | undefined;
  const deckPlugin = () => (plugin ??= core().markdownPreviewPlugin(preview));
  preview.parse = (source, env) => {
    try {
      if (isHouseDeckText(source) && !vscode.extensions.getExtension(MARP_FOR_VS_CODE)) {
        return deckPlugin().parse(source, (env ?? {}) as Record<string, unknown>, pictureFolders(source));
      }
    } catch (error) {
      logError('Markdown preview', error);
    }
    return parse(source, env);
  };
  preview.renderer.render = (tokens, options, env) => {
    try {
      const html = plugin?.render(tokens, env);
      if (html !== undefined) return html;
    } catch (error) {
      logError('Markdown preview', error);
    }
    return render(tokens, options, env);
  };
  return md;
}

/**
 * Where the deck's pictures may come from, for the picture policy. The preview parses the
 * text without saying which document it is, so the open document with that text is found.
 */
function pictureFolders(source: string): { deckDir: string; workspaceRoot: string } | undefined {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.scheme === 'file' && candidate.languageId === 'markdown' && candidate.getText() === source);
  if (!document) return undefined;
  const deckDir = dirname(document.uri.fsPath);
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return { deckDir, workspaceRoot: folder?.uri.scheme === 'file' ? folder.uri.fsPath : deckDir };
}
