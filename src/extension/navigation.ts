import * as vscode from 'vscode';
import type { OutlineEntry, SlideEntry } from '../core/deck/navigation';
import { editorFor, type DeckTracker } from './active-deck';
import { core } from './core';
import { deckSource, isMarpDocument, logError, toVsRange } from './util';

function slideDetail(slide: SlideEntry): string {
  return `slide ${slide.index + 1}${slide.kind ? ` · ${slide.kind}` : ''}`;
}

/**
 * Parts and slides in the Outline view and the breadcrumbs: each part (named by its cover)
 * with its slides beneath, each slide named by its title, from the deck model's ranges. A
 * deck of one part without a title lists its slides alone. Markdown that is not a deck gets
 * nothing (the Markdown extension's headings stay).
 */
export class DeckSymbols implements vscode.DocumentSymbolProvider {
  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    try {
      if (!isMarpDocument(document)) return undefined;
      const { outline } = core().navigationFor(deckSource(document));
      const parted = outline.some((entry) => entry.children.length > 0);
      return outline.map((entry) => symbolOf(entry, parted));
    } catch (error) {
      logError('outline', error);
      return undefined;
    }
  }
}

/** A part (its title, its slides beneath) or a slide. */
function symbolOf(entry: OutlineEntry, isPart: boolean): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(
    entry.title,
    isPart ? `part · from ${slideDetail(entry.slide)}` : slideDetail(entry.slide),
    isPart ? vscode.SymbolKind.Namespace : vscode.SymbolKind.Struct,
    toVsRange(entry.range),
    toVsRange(entry.slide.anchor),
  );
  symbol.children = entry.children.map((child) => symbolOf(child, false));
  return symbol;
}

/** Puts the slide's first line at the top of the editor; with `moveCursor`, the cursor there too. */
export function revealSlide(editor: vscode.TextEditor, slide: SlideEntry, moveCursor: boolean): void {
  const anchor = toVsRange(slide.anchor).start;
  if (moveCursor) editor.selection = new vscode.Selection(anchor, anchor);
  editor.revealRange(new vscode.Range(toVsRange(slide.range).start, anchor), vscode.TextEditorRevealType.AtTop);
}

/** Go to Slide…: a quick pick of the deck's slides (number, title, type, part); returns the 0-based slide gone to. */
export async function goToSlideCommand(tracker: DeckTracker, slideNumber?: unknown): Promise<number | undefined> {
  const document = await tracker.resolve(undefined, 'go to one of its slides');
  if (!document) return undefined;
  const navigation = core().navigationFor(deckSource(document));
  const partOf = new Map<number, string>();
  for (const part of navigation.outline) for (const child of [part, ...part.children]) partOf.set(child.slide.index, part.children.length > 0 ? part.title : '');
  let slide: SlideEntry | undefined;
  if (typeof slideNumber === 'number') {
    slide = navigation.slides[slideNumber - 1];
    if (!slide) void vscode.window.showErrorMessage(`Go to Slide: the deck has ${navigation.slides.length} slides, not ${slideNumber}.`);
  } else {
    const pick = await vscode.window.showQuickPick(
      navigation.slides.map((entry) => ({
        label: `${entry.index + 1}. ${entry.title}`,
        description: entry.kind,
        detail: partOf.get(entry.index) || undefined,
        slide: entry,
      })),
      { title: 'Go to Slide', placeHolder: 'Slide number or title', matchOnDescription: true, matchOnDetail: true },
    );
    slide = pick?.slide;
  }
  if (!slide) return undefined;
  revealSlide(await editorFor(document), slide, true);
  return slide.index;
}
