import * as vscode from 'vscode';
import type { SlideType } from '../../core/slide-types';
import { core } from '../core';
import { deckSource } from '../util';

/** Where the completion that runs the command was accepted: the document and its (0-based) line. */
export interface InsertAt {
  uri?: string;
  line?: number;
}

/** Text as a snippet's literal text (no placeholders). */
function literal(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

async function pickType(type: unknown): Promise<SlideType | undefined> {
  if (typeof type === 'string' && core().isSlideType(type)) return type;
  if (type !== undefined) {
    void vscode.window.showErrorMessage(`Insert House Slide: ${JSON.stringify(type)} is not a slide type; use one of ${core().SLIDE_TYPES.join(', ')}.`);
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    core().SLIDE_TEMPLATES.map((template) => ({ label: template.type, detail: template.description, type: template.type })),
    { title: 'Insert House Slide', placeHolder: 'Slide type', matchOnDetail: true },
  );
  return pick?.type;
}

/**
 * Insert House Slide (also what the `is-…` completions run): the chosen slide type's template
 * as a new slide after the slide the cursor is in, never inside it, so that slide keeps its
 * content, comments and notes; an empty slide is filled instead (`slideInsertion`).
 */
export async function insertSlideCommand(type?: unknown, at?: InsertAt): Promise<boolean> {
  const editor =
    (at?.uri && vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === at.uri)) || vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open a Markdown deck to insert a house slide.');
    return false;
  }
  const chosen = await pickType(type);
  if (!chosen) return false;
  const document = editor.document;
  const line = typeof at?.line === 'number' && at.line >= 0 && at.line < document.lineCount ? at.line : editor.selection.active.line;
  const place = core().slideInsertion(core().deckFor(deckSource(document)), line + 1);
  const position = document.validatePosition(new vscode.Position(place.line - 1, place.column - 1));
  // The template's last line is its final tab stop alone: it ends the slide's last line instead,
  // so the slide break that follows keeps its one blank line.
  const body = core().slideTemplate(chosen).body.join('\n').replace(/\n\$0$/, '$0');
  const snippet = new vscode.SnippetString(`${literal(place.before)}${body}${literal(place.after)}`);
  const inserted = await editor.insertSnippet(snippet, position);
  if (inserted) editor.revealRange(new vscode.Range(editor.selection.active, editor.selection.active), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return inserted;
}
