import { z } from 'zod';
import type { Slide } from '../deck/types';
import { DISCUSSION_TITLE } from './helpers/slide-templates';
import { editableSpan, setsOwnClass } from './helpers/source-edits';
import { defineRule, type RuleContext } from './rule';

const ONLY = `a discussion slide holds only \`## ${DISCUSSION_TITLE}\` and one question`;

export default defineRule({
  id: 'discussion-question',
  description: `A \`discussion\` slide is titled exactly \`## ${DISCUSSION_TITLE}\` and holds exactly one paragraph: a question ending in \`?\`.`,
  defaultSeverity: 'error',
  fixable: true,
  scope: 'house',
  options: z.object({}),
  check(context) {
    for (const slide of context.deck.slides) {
      if (slide.type !== 'discussion') continue;
      checkTitle(context, slide);
      checkQuestion(context, slide);
      checkNothingElse(context, slide);
    }
  },
});

/**
 * A missing `##` title is slide-title's to report (with a fix that inserts this one). The title
 * is rewritten only on a slide that sets its class itself: a `class` inherited from an earlier
 * slide may have been meant for that slide alone, and rewriting would delete titles.
 */
function checkTitle(context: RuleContext<unknown>, slide: Slide): void {
  const title = slide.title;
  if (!title || title.text === DISCUSSION_TITLE) return;
  const span = editableSpan(context.deck.lines, title);
  const fixable = span !== undefined && /^##\s/.test(span.source) && setsOwnClass(slide);
  context.report({
    message: `The discussion slide is titled \`${title.text}\`: its title is always exactly \`## ${DISCUSSION_TITLE}\`.`,
    range: title.range,
    ...(fixable && {
      fix: { description: `Title the slide \`## ${DISCUSSION_TITLE}\``, edits: [{ range: span.range, newText: `## ${DISCUSSION_TITLE}` }] },
    }),
  });
}

function checkQuestion(context: RuleContext<unknown>, slide: Slide): void {
  const [question, ...extra] = slide.paragraphs;
  if (!question) {
    context.report({
      message: `The discussion slide has no question: add one paragraph after \`## ${DISCUSSION_TITLE}\`, a question ending in \`?\`.`,
      range: slide.title?.range ?? slide.anchor,
    });
    return;
  }
  if (!question.text.trim().endsWith('?')) {
    context.report({
      message: 'The discussion question does not end with `?`: phrase it as one question for the group.',
      range: question.range,
    });
  }
  for (const paragraph of extra) {
    context.report({
      message: `This is a second paragraph; ${ONLY}: join it to the question or delete it.`,
      range: paragraph.range,
    });
  }
}

function checkNothingElse(context: RuleContext<unknown>, slide: Slide): void {
  const blocks = [
    ...slide.lists.map((list) => ({ kind: 'list', range: list.range })),
    ...slide.tables.map((table) => ({ kind: 'table', range: table.range })),
    ...slide.blockquotes.map((quote) => ({ kind: 'blockquote', range: quote.range })),
    // `#` and extra `##` headings are slide-title's; a subtitle or lower heading is this rule's.
    ...slide.headings.filter((heading) => heading.level >= 3).map((heading) => ({ kind: 'heading', range: heading.range })),
  ];
  for (const block of blocks) {
    context.report({ message: `${capitalise(ONLY)}: delete this ${block.kind} or fold it into the question.`, range: block.range });
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
