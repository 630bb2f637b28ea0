/**
 * A deck as an author moves through it: its slides with their titles, grouped in parts the way
 * the PDF's outline groups them (`deckOutline`). The editor's Outline view and breadcrumbs,
 * Go to Slide and the preview's two-way sync all read this.
 */
import { deckOutline, slideLabel, type OutlineItem } from '../export/outline';
import type { Deck, SourceRange } from './types';

export interface SlideEntry {
  /** 0-based. */
  index: number;
  title: string;
  /** The house slide type, or the class as written for another class. */
  kind: string | undefined;
  /** The whole slide, from its slide break (or the front-matter) to its last line. */
  range: SourceRange;
  /** Its first line of content: where the cursor goes. */
  anchor: SourceRange;
}

export interface OutlineEntry {
  title: string;
  /** The slide the entry opens. */
  slide: SlideEntry;
  /** From the entry's first slide to its last. */
  range: SourceRange;
  children: OutlineEntry[];
}

export interface DeckNavigation {
  slides: SlideEntry[];
  /** Parts with their slides, or the slides alone for a deck of one part without a title. */
  outline: OutlineEntry[];
}

/** The deck's title for the outline: front-matter `title`, else the first cover's deck title. */
function deckTitle(deck: Deck): string {
  const title = deck.frontMatter?.data.title;
  if (typeof title === 'string' && title.trim()) return title.trim();
  return deck.slides.find((slide) => slide.cover?.deckTitle)?.cover?.deckTitle?.text.trim() || 'Deck';
}

export function deckNavigation(deck: Deck): DeckNavigation {
  const title = deckTitle(deck);
  const slides: SlideEntry[] = deck.slides.map((slide) => ({
    index: slide.index,
    title: slideLabel(slide, title),
    kind: slide.type ?? slide.className,
    range: slide.range,
    anchor: slide.anchor,
  }));
  const entry = (item: OutlineItem): OutlineEntry => {
    const children = item.children.map(entry);
    const slide = slides[item.pageIndex]!;
    const last = children.at(-1)?.range ?? slide.range;
    return { title: item.title, slide, range: { line: slide.range.line, column: slide.range.column, endLine: last.endLine, endColumn: last.endColumn }, children };
  };
  return { slides, outline: deckOutline(deck, title).map(entry) };
}
