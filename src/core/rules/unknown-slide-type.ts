import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import type { Directive, Slide } from '../deck/types';
import { SLIDE_TYPES } from '../slide-types';
import { defineRule } from './rule';

/** A class this close to a house type is taken for a typo of it and gets a fix. */
const MAX_TYPO_DISTANCE = 2;

export default defineRule({
  id: 'unknown-slide-type',
  description: 'A slide class (`_class`) names one of the house slide types.',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'house',
  options: z.object({}),
  check(context) {
    // A class set once (front-matter `class`, a `<!-- class: … -->` comment) is inherited by
    // every slide after it: it is reported once, at the directive, with the slides it reaches.
    const bySource = new Map<Directive | Slide, Slide[]>();
    for (const slide of context.deck.slides) {
      if (slide.type !== undefined || slide.className === undefined) continue;
      const source = slide.classDirective ?? slide;
      bySource.set(source, [...(bySource.get(source) ?? []), slide]);
    }
    for (const [source, slides] of bySource) {
      const className = slides[0]!.className!;
      const directive = 'name' in source ? source : undefined;
      const range = directive?.range ?? slides[0]!.anchor;
      const reach = slides.length > 1 ? ` (set once, on ${slides.length} slides)` : '';
      const nearest = nearestSlideType(className);
      const known = SLIDE_TYPES.join(', ');
      if (!nearest) {
        context.report({ message: `Unknown slide type \`${className}\`${reach}: use one of ${known}.`, range });
        continue;
      }
      const valueRange = directive?.valueRange;
      context.report({
        message: `Unknown slide type \`${className}\`${reach}: did you mean \`${nearest}\`? The house types are ${known}.`,
        range,
        ...(valueRange && {
          fix: { description: `Change \`${className}\` to \`${nearest}\``, edits: [{ range: valueRange, newText: nearest }] },
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
