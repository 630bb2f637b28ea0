import { z } from 'zod';
import { HOUSE_MIN_READABLE_PX, SLIDE_PX } from '../house-geometry';
import { defineRenderedRule } from './rule';

const SLIDE = `${SLIDE_PX['16:9'].width}×${SLIDE_PX['16:9'].height}`;

export default defineRenderedRule({
  id: 'min-font-size',
  description: `No text on a drawn slide is smaller than can be read from the back of a room: ${HOUSE_MIN_READABLE_PX} px at ${SLIDE} by default (with \`--render\`).`,
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'any',
  rendered: true,
  options: z.object({
    minPx: z.number().positive().default(HOUSE_MIN_READABLE_PX).describe(`The smallest text size allowed, in CSS pixels on a ${SLIDE} slide.`),
  }),
  checkRendered(context) {
    const { minPx } = context.options;
    for (const measurement of context.measurements) {
      const slide = context.deck.slides[measurement.slide];
      const small = measurement.text.filter((text) => text.px < minPx - 0.05);
      const smallest = [...small].sort((a, b) => a.px - b.px)[0];
      if (!slide || !smallest) continue;
      context.report({
        message: `Text is drawn at ${smallest.px} px (“${smallest.text}”)${small.length > 1 ? ` and ${small.length - 1} more below ${minPx} px` : ''}, under the ${minPx} px minimum: cut the slide's text so it needs no shrinking, or split the slide.`,
        range: slide.anchor,
      });
    }
  },
});
