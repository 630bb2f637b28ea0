import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { SLIDE_TYPES } from '../deck/types';
import { defineRule } from './rule';

/** A class this close to a house type is taken for a typo of it and gets a fix. */
const MAX_TYPO_DISTANCE = 2;

export default defineRule({
  id: 'unknown-slide-type',
  description: 'A slide class (`_class`) names one of the house slide types.',
  defaultSeverity: 'error',
  options: z.object({}),
  check(context) {
    for (const slide of context.deck.slides) {
      if (slide.type !== undefined || slide.className === undefined) continue;
      const directive = slide.classDirective;
      const range = directive?.range ?? slide.anchor;
      const nearest = nearestSlideType(slide.className);
      const known = SLIDE_TYPES.join(', ');
      if (!nearest) {
        context.report({ message: `Unknown slide type \`${slide.className}\`: use one of ${known}.`, range });
        continue;
      }
      const valueRange = directive?.valueRange;
      context.report({
        message: `Unknown slide type \`${slide.className}\`: did you mean \`${nearest}\`? The house types are ${known}.`,
        range,
        ...(valueRange && {
          fix: { description: `Change \`${slide.className}\` to \`${nearest}\``, edits: [{ range: valueRange, newText: nearest }] },
        }),
      });
    }
  },
});

function nearestSlideType(className: string): string | undefined {
  let best: { type: string; cost: number } | undefined;
  for (const type of SLIDE_TYPES) {
    const cost = distance(className.toLowerCase(), type);
    if (cost <= MAX_TYPO_DISTANCE && (!best || cost < best.cost)) best = { type, cost };
  }
  return best?.type;
}
