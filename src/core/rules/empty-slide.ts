import { z } from 'zod';
import { rangeOf } from '../deck/source-text';
import type { Deck, Slide } from '../deck/types';
import { isBlankLine } from './helpers/source-edits';
import { defineRule, type Fix } from './rule';

export default defineRule({
  id: 'empty-slide',
  description:
    'A slide other than a cover has content beyond its title: a paragraph, list, table, image, blockquote, code block or formula (presenter notes do not count).',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'house',
  options: z.object({}),
  check(context) {
    const { deck } = context;
    for (const slide of deck.slides) {
      if (slide.type === 'cover' || hasContent(slide)) continue;
      if (slide.headings.length > 0) {
        context.report({
          message: 'The slide has nothing beyond its title: add its content (text, a list, a table or an image) or delete the slide.',
          range: slide.anchor,
        });
        continue;
      }
      const fix = deletion(deck, slide);
      context.report({
        message: 'The slide is empty: add a `##` title and content, or delete the slide (a stray `---`?).',
        range: slide.anchor,
        ...(fix && { fix }),
      });
    }
  },
});

/** Images stand inside paragraphs, so an image alone is a paragraph too; a code block or a `$$` formula is content. */
function hasContent(slide: Slide): boolean {
  const parts = [slide.paragraphs, slide.lists, slide.tables, slide.images, slide.blockquotes, slide.codeBlocks, slide.formulas];
  return parts.some((part) => part.length > 0);
}

/**
 * Deletes a blank slide that holds nothing at all (no directives, no notes): its `---` and the
 * blank lines after it. The first slide is left alone: its start is the front-matter's.
 */
function deletion(deck: Deck, slide: Slide): Fix | undefined {
  if (slide.index === 0 || slide.directives.length > 0 || slide.notes.length > 0) return undefined;
  const { lines } = deck;
  const start = slide.range.line;
  const next = deck.slides[slide.index + 1];
  const end = next ? next.range.line - 1 : lines.length;
  for (let line = start + 1; line <= end; line++) if (!isBlankLine(lines, line)) return undefined;
  const description = 'Delete the empty slide';
  if (next) return { description, edits: [{ range: rangeOf(start, 1, next.range.line, 1), newText: '' }] };
  // The last slide: cut back to the end of the previous slide's text and end the file with one newline.
  const previous = deck.slides[slide.index - 1];
  if (!previous) return undefined;
  const keep = previous.range.endLine;
  const lastText = lines[lines.length - 1] ?? '';
  const range = rangeOf(keep, (lines[keep - 1] ?? '').length + 1, lines.length, lastText.length + 1);
  return { description, edits: [{ range, newText: '\n' }] };
}
