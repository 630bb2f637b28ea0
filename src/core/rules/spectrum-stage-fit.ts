import { z } from 'zod';
import { deckProperties } from '../deck/properties';
import { describeMisfit, fitStagesOnPlainSlide } from '../export/pptx/stage-fit';
import { defineRule } from './rule';

export default defineRule({
  id: 'spectrum-stage-fit',
  description: "Every spectrum stage fits its chevron at the deck's size without a word broken inside.",
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'house',
  options: z.object({}),
  check(context) {
    const size = deckProperties(context.deck).size;
    for (const slide of context.deck.slides) {
      const list = slide.type === 'spectrum' ? slide.lists[0] : undefined;
      if (!list || list.items.length === 0) continue;
      const { misfits } = fitStagesOnPlainSlide(
        list.items.map((item) => item.text),
        size,
      );
      for (const misfit of misfits) {
        const item = list.items[misfit.stage]!;
        context.report({
          message: `With ${list.items.length} stages at ${size}, ${describeMisfit(misfit, item.text)}: shorten the stage, split the word yourself, or use fewer stages.`,
          range: item.range,
        });
      }
    }
  },
});
