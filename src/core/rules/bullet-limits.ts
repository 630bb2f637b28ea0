import { z } from 'zod';
import type { List, ListItem } from '../deck/types';
import { defineRule } from './rule';

export default defineRule({
  id: 'bullet-limits',
  description:
    'On a `content` slide: at most `maxBullets` top-level bullets, lists nested at most `maxDepth` levels, at most `maxWords` words a bullet.',
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'house',
  options: z.object({
    maxBullets: z.number().int().positive().default(7).describe('Most top-level bullets on one content slide (all its lists together).'),
    maxDepth: z.number().int().positive().default(2).describe('Deepest list nesting: 1 allows no sub-bullets, 2 one level of them.'),
    maxWords: z.number().int().positive().default(30).describe('Most words in one bullet (its own text; sub-bullets count on their own).'),
  }),
  check(context) {
    const { maxBullets, maxDepth, maxWords } = context.options;
    for (const slide of context.deck.slides) {
      if (slide.type !== 'content') continue;
      const topLevel = slide.lists.flatMap((list) => list.items);
      const firstExtra = topLevel[maxBullets];
      if (firstExtra) {
        context.report({
          message: `The slide has ${topLevel.length} top-level bullets; keep to at most ${maxBullets}: split the slide or combine points.`,
          range: firstExtra.range,
        });
      }
      for (const list of slide.lists) {
        walk(list, (nested) => {
          if (nested.depth !== maxDepth + 1) return;
          context.report({
            message: `This list is nested ${deepest(nested)} levels deep; keep bullets to at most ${maxDepth} ${maxDepth === 1 ? 'level' : 'levels'}: move these points up a level or onto a slide of their own.`,
            range: nested.range,
          });
        });
        for (const item of items(list)) {
          if (item.wordCount <= maxWords) continue;
          context.report({
            message: `This bullet has ${item.wordCount} words; keep each bullet to at most ${maxWords}: shorten it or split it.`,
            range: item.range,
          });
        }
      }
    }
  },
});

function walk(list: List, visit: (list: List) => void): void {
  visit(list);
  for (const item of list.items) for (const child of item.children) walk(child, visit);
}

/** Every item of a list and of the lists nested in it, in source order. */
function items(list: List): ListItem[] {
  return list.items.flatMap((item) => [item, ...item.children.flatMap(items)]);
}

function deepest(list: List): number {
  return Math.max(list.depth, ...list.items.flatMap((item) => item.children.map(deepest)));
}
