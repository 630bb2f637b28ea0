import { z } from 'zod';
import { defineRule } from './rule';

export default defineRule({
  id: 'cover-first',
  description: 'The first slide of the deck is a `cover`.',
  defaultSeverity: 'error',
  fixable: false,
  scope: 'house',
  options: z.object({}),
  check(context) {
    const first = context.deck.slides[0];
    if (!first || first.type === 'cover') return;
    const kind = first.type ?? first.className ?? 'content';
    context.report({
      message: `The first slide is a \`${kind}\` slide; a deck starts with a cover: make it \`<!-- _class: cover -->\` with series, date, deck title, presenter and organisation, or add a cover before it.`,
      range: first.anchor,
    });
  },
});
