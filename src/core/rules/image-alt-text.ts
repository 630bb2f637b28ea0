import { z } from 'zod';
import { altTextWithoutKeywords } from '../deck/image-keywords';
import { displayPath } from '../deck/images';
import { defineRule } from './rule';

export default defineRule({
  id: 'image-alt-text',
  description: 'Every image has alt text that describes it, beyond Marp keywords such as `bg`, `w:200` or `sepia`.',
  defaultSeverity: 'error',
  fixable: false,
  scope: 'any',
  options: z.object({}),
  check(context) {
    for (const slide of context.deck.slides) {
      for (const image of slide.images) {
        if (altTextWithoutKeywords(image.alt) !== '') continue;
        const keywords = image.alt.trim();
        const path = displayPath(image.src);
        context.report({
          message:
            keywords === ''
              ? `The image \`${path}\` has no alt text: describe it between the brackets, e.g. \`![Bar chart of …](…)\`.`
              : `The image \`${path}\` has only Marp keywords (\`${keywords}\`) as alt text: add a description after them, e.g. \`![${keywords} Photo of …](…)\`.`,
          range: image.range,
        });
      }
    }
  },
});
