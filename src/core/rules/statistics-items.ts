import { z } from 'zod';
import { defineRule } from './rule';

export default defineRule({
  id: 'statistics-items',
  description: 'Every top-level item on a `statistics` slide is `**figure** – label`, the figure holding a digit.',
  defaultSeverity: 'error',
  fixable: false,
  scope: 'house',
  options: z.object({}),
  check(context) {
    for (const slide of context.deck.slides) {
      if (slide.type !== 'statistics') continue;
      const items = slide.lists.flatMap((list) => list.items);
      if (items.length === 0) {
        context.report({
          message: 'The statistics slide has no figures: add list items written as `**figure** – label`, e.g. `**£3bn** – saved by self care`.',
          range: slide.anchor,
        });
        continue;
      }
      for (const item of items) {
        const lead = item.boldLead;
        if (!lead || lead.bold === '') {
          context.report({
            message: 'This statistics item has no bold figure: write it as `**figure** – label`, e.g. `**56%** – of the public`.',
            range: item.range,
          });
        } else if (!/\d/.test(lead.bold)) {
          context.report({
            message: `The bold text \`${lead.bold}\` is not a figure: lead with a number such as \`£3bn\`, \`1.7m\` or \`56%\`.`,
            range: item.range,
          });
        } else if (lead.rest === '') {
          context.report({
            message: `The figure \`${lead.bold}\` has no label: write \`**${lead.bold}** – what it measures\`.`,
            range: item.range,
          });
        }
      }
    }
  },
});
