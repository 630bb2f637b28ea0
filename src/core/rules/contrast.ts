import { z } from 'zod';
import { defineRenderedRule } from './rule';

export default defineRenderedRule({
  id: 'contrast',
  description: 'Text on a drawn slide meets WCAG 2.2 AA contrast against its background, checked with axe-core (with `--render`).',
  defaultSeverity: 'error',
  fixable: false,
  scope: 'any',
  rendered: true,
  options: z.object({}),
  checkRendered(context) {
    for (const measurement of context.measurements) {
      const slide = context.deck.slides[measurement.slide];
      if (!slide) continue;
      const seen = new Set<string>();
      for (const failure of measurement.contrast) {
        const pair = `${failure.foreground} on ${failure.background}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        context.report({
          message: `“${failure.text}” has a contrast of ${failure.ratio}:1 (${pair}); WCAG 2.2 AA needs ${failure.required}:1: use the theme's colours or darken the text.`,
          range: slide.anchor,
        });
      }
    }
  },
});
