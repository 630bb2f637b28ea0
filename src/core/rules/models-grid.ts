import { z } from 'zod';
import { rangeOf } from '../deck/source-text';
import type { List, ListItem, SourceRange } from '../deck/types';
import { defineRule } from './rule';

/** The grid has four cells (docs/house-structure.md §3: Voluntarism, Co-production, Managerialism, Paternalism). */
const MODELS = 4;

export default defineRule({
  id: 'models-grid',
  description: 'A `models` slide has exactly 4 list items, each `**Name** – description`, with different names.',
  defaultSeverity: 'error',
  fixable: false,
  scope: 'house',
  options: z.object({}),
  check(context) {
    for (const slide of context.deck.slides) {
      if (slide.type !== 'models') continue;
      const lists = slide.lists;
      if (lists.length === 0) {
        context.report({
          message: `The models slide has no list: add ${MODELS} items, each \`**Name** – description\`, drawn as a 2×2 grid.`,
          range: slide.anchor,
        });
        continue;
      }
      const items = lists.flatMap((list) => list.items);
      if (items.length !== MODELS) {
        context.report({
          message: `The models slide has ${items.length} list item${items.length === 1 ? '' : 's'}; it needs exactly ${MODELS}, one for each cell of the 2×2 grid.`,
          range: spanOf(lists),
        });
      }
      checkItems(items, context.report);
    }
  },
});

function checkItems(items: readonly ListItem[], report: (problem: { message: string; range: SourceRange }) => void): void {
  const seen = new Map<string, string>();
  for (const item of items) {
    const lead = item.boldLead;
    if (!lead || lead.bold === '') {
      report({ message: 'This models item has no bold name: write it as `**Name** – description`.', range: item.range });
      continue;
    }
    if (lead.rest === '') {
      report({ message: `The model \`${lead.bold}\` has no description: write \`**${lead.bold}** – description\`.`, range: item.range });
    }
    const key = lead.bold.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      report({ message: `The model name \`${lead.bold}\` is used twice (first as \`${first}\`): give each model its own name.`, range: item.range });
    } else {
      seen.set(key, lead.bold);
    }
  }
}

/** From the first list's start to the last list's end. */
function spanOf(lists: readonly List[]): SourceRange {
  const first = lists[0]!.range;
  const last = lists.at(-1)!.range;
  return rangeOf(first.line, first.column, last.endLine, last.endColumn);
}
