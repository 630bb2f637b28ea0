import { z } from 'zod';
import { defineRenderedRule } from './rule';

const WHERE = { slide: 'past the edge of the slide', header: 'into the header band', footer: 'into the footer band' } as const;

export default defineRenderedRule({
  id: 'slide-overflow',
  description: "Nothing on a drawn slide runs past the slide's content box or into the header or footer band (with `--render`).",
  defaultSeverity: 'error',
  fixable: false,
  scope: 'any',
  rendered: true,
  options: z.object({}),
  checkRendered(context) {
    for (const measurement of context.measurements) {
      const slide = context.deck.slides[measurement.slide];
      const worst = [...measurement.overflow].sort((a, b) => b.by - a.by)[0];
      if (!slide || !worst) continue;
      const others = measurement.overflow.length - 1;
      context.report({
        message: `Content runs ${WHERE[worst.where]} by ${worst.by} px (${worst.what})${others > 0 ? `, and ${others} more element${others === 1 ? '' : 's'}` : ''}: shorten the slide or split it in two.`,
        range: slide.anchor,
      });
    }
  },
});
