/**
 * Where a new slide goes when an author inserts one with the cursor on `line`: after the
 * slide the cursor is in, never inside it, so that slide keeps all its content, its comments
 * and its presenter notes. A slide with nothing in it yet (an author typed `---` and then asked
 * for a slide) is filled in place instead of getting another slide after it.
 */
import type { Deck, Slide } from './types';

export interface SlideInsertion {
  /** 1-based line and column of the insertion point. */
  line: number;
  column: number;
  /** Text to put before the new slide's Markdown (the slide break, when one is needed). */
  before: string;
  /** Text to put after it. */
  after: string;
  /** The slide the new one follows (0-based), or that is filled. */
  slideIndex: number;
  filled: boolean;
}

/** The slide `line` (1-based) belongs to: the last one starting at or before it. */
export function slideAtLine(deck: Deck, line: number): Slide | undefined {
  let found: Slide | undefined = deck.slides[0];
  for (const slide of deck.slides) {
    if (slide.range.line > line) break;
    found = slide;
  }
  return found;
}

/**
 * The last line of the slide's own head: the front-matter for the first slide (it is part of
 * the first slide's range), the slide break for the others.
 */
function headEndLine(deck: Deck, slide: Slide): number {
  if (slide.index === 0) return deck.frontMatter?.range.endLine ?? 0;
  return slide.range.line;
}

export function slideInsertion(deck: Deck, line: number): SlideInsertion {
  const slide = slideAtLine(deck, line);
  if (!slide) return { line: 1, column: 1, before: '', after: '\n', slideIndex: 0, filled: true };
  const head = headEndLine(deck, slide);
  const empty = deck.lines.slice(head, slide.range.endLine).every((text) => text.trim() === '');
  if (empty) {
    if (head === 0) return { line: 1, column: 1, before: '', after: '\n', slideIndex: slide.index, filled: true };
    const text = deck.lines[head - 1] ?? '';
    return { line: head, column: text.length + 1, before: '\n\n', after: '', slideIndex: slide.index, filled: true };
  }
  const last = slide.range.endLine;
  return { line: last, column: (deck.lines[last - 1] ?? '').length + 1, before: '\n\n---\n\n', after: '', slideIndex: slide.index, filled: false };
}
