import { z } from 'zod';
import { lineStart, rangeOf } from '../deck/source-text';
import type { Deck, Part, Slide } from '../deck/types';
import { DISCUSSION_CLASS_COMMENT, DISCUSSION_SLIDE, DISCUSSION_TITLE } from './helpers/slide-templates';
import { dividesAtHeadings } from './helpers/source-edits';
import { defineRule, type Fix } from './rule';

export default defineRule({
  id: 'part-ends-with-discussion',
  description: 'Each part of the deck (opened by the first slide or a cover with a `##` part title) closes with a `discussion` slide.',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'house',
  options: z.object({}),
  check(context) {
    const { deck } = context;
    for (const part of deck.parts) {
      const lastIndex = part.slideIndices.at(-1);
      const last = lastIndex === undefined ? undefined : deck.slides[lastIndex];
      if (!last || last.type === 'discussion') continue;
      const name = part.title === undefined || part.title.trim().toLowerCase() === `part ${part.index + 1}` ? `Part ${part.index + 1}` : `Part ${part.index + 1} (${part.title})`;
      const kind = last.type ?? last.className ?? 'content';
      const fix = last.type === undefined ? undefined : discussionFix(deck, part, last);
      context.report({
        message: `${name} ends with a \`${kind}\` slide: close every part with a \`discussion\` slide (\`## ${DISCUSSION_TITLE}\` and one question ending in \`?\`).`,
        range: last.anchor,
        ...(fix && { fix }),
      });
    }
  },
});

function discussionFix(deck: Deck, part: Part, last: Slide): Fix | undefined {
  if (isUnmarkedDiscussion(last)) {
    // With headingDivider the title starts the slide: the comment goes after it, not onto the slide before.
    const title = last.title!.range;
    const edit = dividesAtHeadings(deck)
      ? { range: rangeOf(title.line, (deck.lines[title.line - 1] ?? '').length + 1, title.line, (deck.lines[title.line - 1] ?? '').length + 1), newText: `\n\n${DISCUSSION_CLASS_COMMENT}` }
      : { range: lineStart(last.anchor.line), newText: `${DISCUSSION_CLASS_COMMENT}\n\n` };
    return { description: `Mark the slide as a discussion slide with \`${DISCUSSION_CLASS_COMMENT}\``, edits: [edit] };
  }
  // A fence, comment or <style> left open runs to the end: a slide inserted after it would be inside it.
  if (last.openEnded) return undefined;
  return { description: 'Insert a discussion slide at the end of the part', edits: [insertAfter(deck, part)] };
}

/** A slide titled Group Discussion that only lacks its class: marking it beats adding a second one. */
function isUnmarkedDiscussion(slide: Slide): boolean {
  const hasClass = slide.directives.some((directive) => directive.name === '_class' || directive.name === 'class');
  return !hasClass && slide.type === 'content' && slide.title?.text.trim().toLowerCase() === DISCUSSION_TITLE.toLowerCase();
}

/** Before the next part's `---`, or at the end of the file after one blank line. */
function insertAfter(deck: Deck, part: Part) {
  const next = deck.parts[part.index + 1];
  const nextSlide = next?.slideIndices[0] === undefined ? undefined : deck.slides[next.slideIndices[0]];
  if (nextSlide) return { range: lineStart(nextSlide.range.line), newText: DISCUSSION_SLIDE };
  const { lines } = deck;
  const lastLine = lines.length;
  const lastText = lines[lastLine - 1] ?? '';
  const end = rangeOf(lastLine, lastText.length + 1, lastLine, lastText.length + 1);
  const endsWithBlankLine = lastText === '' && lastLine > 1 && (lines[lastLine - 2] ?? '').trim() === '';
  const prefix = endsWithBlankLine ? '' : lastText === '' ? '\n' : '\n\n';
  return { range: end, newText: prefix + DISCUSSION_SLIDE.slice(0, -1) };
}
