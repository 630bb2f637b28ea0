import { z } from 'zod';
import { lineStart, rangeOf } from '../deck/source-text';
import type { Heading, Slide } from '../deck/types';
import { DISCUSSION_TITLE } from './helpers/slide-templates';
import { dividesAtHeadings, setsOwnClass, sourceOf } from './helpers/source-edits';
import { defineRule, type Fix, type RuleContext } from './rule';

export default defineRule({
  id: 'slide-title',
  description: 'Every slide except a cover has exactly one `##` title; `#` is for the deck title on covers only.',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'house',
  options: z.object({}),
  check(context) {
    for (const slide of context.deck.slides) {
      if (slide.type === 'cover') continue;
      const titles = slide.headings.filter((heading) => heading.level === 2);
      const deckTitles = slide.headings.filter((heading) => heading.level === 1);
      if (titles.length === 0 && deckTitles.length === 0) reportMissing(context, slide);
      deckTitles.forEach((heading, position) => {
        const fix = titles.length === 0 && position === 0 ? promote(context, heading) : undefined;
        context.report({
          message: 'A slide title is a `##` heading; `#` is only for the deck title on a cover: use `##` (or `###` for a subtitle).',
          range: heading.range,
          ...(fix && { fix }),
        });
      });
      const [title, ...extra] = titles;
      for (const heading of extra) {
        context.report({
          message: `The slide already has the \`##\` title \`${title!.text}\` (line ${title!.range.line}): make this one a \`###\` subtitle or move it to a slide of its own.`,
          range: heading.range,
        });
      }
    }
  },
});

function reportMissing(context: RuleContext<unknown>, slide: Slide): void {
  const hasContent = slide.paragraphs.length + slide.lists.length + slide.tables.length + slide.blockquotes.length + slide.headings.length > 0;
  if (slide.type === 'discussion') {
    context.report({
      message: `The discussion slide has no title: add \`## ${DISCUSSION_TITLE}\` above the question.`,
      range: slide.anchor,
      // Only where the slide sets its class (an inherited class must not put a title on every
      // later slide), and not with headingDivider (a new heading would split the slide).
      ...(hasContent && setsOwnClass(slide) && !dividesAtHeadings(context.deck) && {
        fix: {
          description: `Add \`## ${DISCUSSION_TITLE}\``,
          edits: [{ range: lineStart(slide.anchor.line), newText: `## ${DISCUSSION_TITLE}\n\n` }],
        },
      }),
    });
    return;
  }
  context.report({ message: 'The slide has no title: add one `##` heading above its content.', range: slide.anchor });
}

/** `# Title` becomes `## Title` when the slide has no `##` title yet (ATX headings only). */
function promote(context: RuleContext<unknown>, heading: Heading): Fix | undefined {
  const source = sourceOf(context.deck.lines, heading.range);
  if (!/^#(\s|$)/.test(source)) return undefined;
  const { line, column } = heading.range;
  return { description: 'Make the heading a `##` title', edits: [{ range: rangeOf(line, column, line, column + 1), newText: '##' }] };
}
