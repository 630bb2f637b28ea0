import { z } from 'zod';
import { defineRule } from './rule';

export default defineRule({
  id: 'agenda-matches',
  description:
    'Each agenda item on the first cover that has an agenda matches a slide title or part title of the deck (case-insensitive, ignoring trailing punctuation).',
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'house',
  options: z.object({}),
  check(context) {
    const { deck } = context;
    const agenda = deck.slides.find((slide) => slide.type === 'cover' && (slide.cover?.agenda.length ?? 0) > 0)?.cover?.agenda ?? [];
    if (agenda.length === 0) return;
    const titles = new Set<string>();
    for (const slide of deck.slides) {
      if (slide.title) titles.add(normaliseTitle(slide.title.text));
      if (slide.cover?.partTitle) titles.add(normaliseTitle(slide.cover.partTitle.text));
    }
    for (const part of deck.parts) if (part.title !== undefined) titles.add(normaliseTitle(part.title));
    for (const item of agenda) {
      if (titles.has(normaliseTitle(item.text))) continue;
      context.report({
        message: `The agenda item \`${item.text}\` matches no slide title or part title: word it as the title it announces, or add that slide.`,
        range: item.range,
      });
    }
  },
});

/** Case, surrounding and repeated white space and trailing punctuation do not count. */
function normaliseTitle(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:!?…]+$/u, '')
    .toLowerCase();
}
